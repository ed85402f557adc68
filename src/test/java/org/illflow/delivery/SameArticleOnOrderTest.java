package org.illflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.Pdfs;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The same article is never bought twice at once: a request for an article another open request is being ordered
 * for waits for it — delivered from the archive once that copy is confirmed, ordered itself if the first ends
 * unfilled or cancelled — and two requests arriving at the same moment do not both order.
 */
@IllflowTest
class SameArticleOnOrderTest {

    static final String LI_MING = "2024110001";
    static final String EMMA = "2025120002";
    static final String WANG = "T2010003";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired DeliveryRequests requests;
    @Autowired TestSupport support;
    @Autowired MockMvc mvc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void tearDown() {
        support.executeDueJobs();
    }

    /** The patron's call has returned; the save point after it runs as the job executor would run it. */
    private DocumentDeliveryRequest submitted(DocumentDeliveryRequest request) {
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private ProcessInstance instanceOf(DocumentDeliveryRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.getRequestNumber())
                .singleResult();
    }

    private DocumentDeliveryRequest reload(DocumentDeliveryRequest request) {
        return requests.visibleTo(request.getRequestNumber(), "ddstaff", true);
    }

    private void complete(DocumentDeliveryRequest request, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(taskKey).singleResult();
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The same article as another patron types it: other case, the DOI as a link. */
    private static ArticleRequestForm typedAgain(ArticleRequestForm first) {
        ArticleRequestForm again = DeliveryTestData.stmArticle();
        again.setTitle(first.getTitle().toUpperCase());
        again.setDoi("https://doi.org/" + first.getDoi());
        return again;
    }

    private void unfilledEverywhere(DocumentDeliveryRequest request) {
        for (int supplier = 0; supplier < 3; supplier++) { // NSTL, CALIS, REPRINTS
            complete(request, TASK_ORDER, Map.of(VAR_ORDER_OUTCOME, SKIP));
        }
    }

    @Test
    void aSecondRequestWaitsAndIsDeliveredFromTheArchiveOnceTheFirstCopyIsConfirmed() throws Exception {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest first = submitted(requests.submit(article, LI_MING));
        assertThat(instanceOf(first)).isWaitingAt(TASK_ORDER);
        DocumentDeliveryRequest second = submitted(requests.submit(typedAgain(article), EMMA));

        assertThat(instanceOf(second)).hasPassed(TASK_CHECK_SAME_ARTICLE).hasNotPassed(TASK_RANK_SUPPLIERS)
                .isWaitingAt(EVENT_SAME_ARTICLE_SETTLED);
        assertThat(reload(second).getStatus()).isEqualTo(DeliveryStatus.SUBMITTED);
        assertThat(reload(second).getWaitingFor()).isEqualTo(first.getId());
        assertThat(requests.timelineOf(second)).extracting(TimelineEvent::getEvent).contains("WAITING_SAME_ARTICLE");
        // the first request's order sheet shows who waits for its copy
        String sheet = mvc.perform(MockMvcRequestBuilders.get("/staff/dd/" + first.getRequestNumber()
                        + "/order-sheet").param("supplier", "NSTL")
                        .with(SecurityMockMvcRequestPostProcessors.user("ddstaff").roles("STAFF", "DD_STAFF")))
                .andReturn().getResponse().getContentAsString();
        assertThat(sheet).contains(second.getRequestNumber()).contains("waits for this request's copy");

        complete(first, TASK_ORDER, Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument copy = requests.receiveCopy(first.getRequestNumber(), "NSTL", Pdfs.pdf(12), "ddstaff");
        assertThat(instanceOf(second)).as("an upload alone releases nobody").isWaitingAt(EVENT_SAME_ARTICLE_SETTLED);
        complete(first, TASK_RECEIVE, Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
        support.executeDueJobs();

        DocumentDeliveryRequest answered = reload(second);
        assertThat(answered.getStatus()).isEqualTo(DeliveryStatus.FROM_ARCHIVE);
        assertThat(answered.getDocumentId()).isEqualTo(copy.id());
        assertThat(answered.getWaitingFor()).isNull();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(answered.getProcessInstanceId()).activityId(TASK_ORDER).count()).isZero();
    }

    @Test
    void whenTheFirstEndsUnfilledTheWaitingRequestIsOrderedItself() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest first = submitted(requests.submit(article, LI_MING));
        DocumentDeliveryRequest second = submitted(requests.submit(typedAgain(article), EMMA));
        assertThat(instanceOf(second)).isWaitingAt(EVENT_SAME_ARTICLE_SETTLED);

        unfilledEverywhere(first);
        assertThat(reload(first).getStatus()).isEqualTo(DeliveryStatus.UNFILLED);
        support.executeDueJobs();
        assertThat(instanceOf(second)).hasPassed(TASK_RANK_SUPPLIERS).isWaitingAt(TASK_ORDER);
        assertThat(reload(second).getOrderingSince()).isNotNull();
        requests.cancel(second.getRequestNumber(), EMMA, false);
    }

    @Test
    void whenTheFirstIsCancelledOneWaitingRequestOrdersAndTheNextWaitsForIt() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest first = submitted(requests.submit(article, LI_MING));
        DocumentDeliveryRequest second = submitted(requests.submit(typedAgain(article), EMMA));
        DocumentDeliveryRequest third = submitted(requests.submit(typedAgain(article), WANG));
        assertThat(reload(third).getWaitingFor()).isEqualTo(first.getId());

        requests.cancel(first.getRequestNumber(), LI_MING, false);
        support.executeDueJobs();
        assertThat(instanceOf(second)).isWaitingAt(TASK_ORDER);
        assertThat(instanceOf(third)).isWaitingAt(EVENT_SAME_ARTICLE_SETTLED);
        assertThat(reload(third).getWaitingFor()).isEqualTo(second.getId());

        requests.cancel(third.getRequestNumber(), WANG, false); // a waiting request may be cancelled too
        assertThat(reload(third).getStatus()).isEqualTo(DeliveryStatus.CANCELLED);
        requests.cancel(second.getRequestNumber(), EMMA, false);
    }

    @Test
    void twoRequestsForOneArticleCheckedAtTheSameMomentAreNotBothOrdered() throws Exception {
        for (int round = 0; round < 3; round++) {
            ArticleRequestForm article = DeliveryTestData.stmArticle();
            List<ArticleRequestForm> forms = List.of(article, typedAgain(article));
            List<String> patrons = List.of(LI_MING, EMMA);
            List<DocumentDeliveryRequest> both = List.of(requests.submit(forms.get(0), patrons.get(0)),
                    requests.submit(forms.get(1), patrons.get(1)));
            // both save points (the archive, holdings and same-article checks) run at the same moment, as two
            // job executor threads or two nodes would run them
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> passed = new ArrayList<>();
            try {
                for (DocumentDeliveryRequest r : both) {
                    passed.add(pool.submit(() -> {
                        start.await();
                        return support.passSavePoint(r.getRequestNumber());
                    }));
                }
                start.countDown();
                for (Future<Integer> f : passed) {
                    // the save point, then the receipt mail's job, which goes on with the checks
                    assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(2);
                }
                long ordering = both.stream().filter(r -> reload(r).getOrderingSince() != null).count();
                long waiting = both.stream().filter(r -> reload(r).getWaitingFor() != null).count();
                assertThat(ordering).as("round %d: requests being ordered", round).isEqualTo(1);
                assertThat(waiting).as("round %d: requests waiting", round).isEqualTo(1);
                assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_ORDER)
                        .processInstanceBusinessKeyIn(both.get(0).getRequestNumber(), both.get(1).getRequestNumber())
                        .count()).isEqualTo(1);
                for (int i = 0; i < 2; i++) {
                    requests.cancel(both.get(i).getRequestNumber(), patrons.get(i), false);
                }
                support.executeDueJobs();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
