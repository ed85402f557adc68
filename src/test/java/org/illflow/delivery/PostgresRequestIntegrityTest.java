package org.illflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.Pdfs;
import org.illflow.security.IllflowGroups;
import org.illflow.supplier.Supplier;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.supplier.SupplierTerms;
import org.illflow.support.PostgresApplicationTest;
import org.illflow.support.TestSupport;
import org.illflow.system.ApiRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The request-integrity rules on the production database, PostgreSQL, where the engine's and illflow's tables
 * share one real server: the save point keeps a recorded request, an unconfirmed upload never answers a later
 * request for the same article, a second request for an article on order waits for the first and is answered from
 * the archive once that copy is confirmed, and a cancel that comes after the end is a 409. The same rules are tested
 * at every edge on the embedded default (DocumentDeliveryProcessTest, SameArticleOnOrderTest).
 */
class PostgresRequestIntegrityTest extends PostgresApplicationTest {

    private static final String FIRST = "PGI001";
    private static final String SECOND = "PGI002";
    private static boolean registered;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired DeliveryRequests requests;
    @Autowired DocumentArchive archive;
    @Autowired SupplierCatalog suppliers;
    @Autowired TestSupport support;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void patronsAndSuppliers() {
        AbstractAssertions.init(engine);
        if (!registered) { // the application context (and its database) is shared by the class's tests
            registerApprovedPatron(FIRST, "完整性读者 " + FIRST, "postgres2026");
            registerApprovedPatron(SECOND, "完整性读者 " + SECOND, "postgres2026");
            registered = true;
        }
        // in production the standard suppliers start inactive, without an account: an admin activates them
        for (String code : List.of("NSTL", "CALIS", "REPRINTS")) {
            Supplier s = suppliers.byCode(code).orElseThrow();
            if (!s.isActive()) {
                suppliers.save(code, new SupplierTerms(s.getNameZh(), s.getNameEn(), s.isOffersCopy(),
                        s.isOffersLoan(), s.getPricePerItem(), s.getPricePerPage(), s.getTurnaroundDays(),
                        s.getWorkLink(), "library-account", true, s.getLoanPeriodDays(), s.getBorrowingFee(),
                        s.getShippingCost(), s.getRenewalsAllowed()), "account-password-2026", null);
            }
        }
    }

    /**
     * The suppliers go back to how production starts them (inactive, no account): the other PostgreSQL tests share
     * this database and one of them checks exactly that first-start state.
     */
    @AfterEach
    void suppliersAsProductionStartsThem() {
        jdbc.update("update supplier set active = false, account_name = null, password_encrypted = null"
                + " where code in ('NSTL', 'CALIS', 'REPRINTS')");
    }

    @Test
    void anUnconfirmedUploadIsNeverReusedAndTheRequestIsKeptAcrossTheSavePoint() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest first = requests.submit(article, FIRST);
        // acknowledged and stored before any check ran: the checks wait behind the save point
        assertThat(reload(first).getStatus()).isEqualTo(DeliveryStatus.SUBMITTED);
        assertThat(instanceOf(first)).isNotNull();
        support.passSavePoint(first.getRequestNumber());
        assertThat(instanceOf(first)).isWaitingAt(TASK_ORDER);

        complete(first, TASK_ORDER, Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument uploaded = requests.receiveCopy(first.getRequestNumber(), "NSTL", Pdfs.pdf(4), "ddstaff");
        assertThat(reload(first).getPendingDocumentId()).isEqualTo(uploaded.id());
        complete(first, TASK_RECEIVE, Map.of(VAR_RECEIVE_OUTCOME, UNFILLED, VAR_UNFILLED_REASON, "wrong PDF"));
        assertThat(archive.find(uploaded.id())).as("the unconfirmed upload is discarded").isEmpty();
        requests.cancel(first.getRequestNumber(), FIRST, false);

        DocumentDeliveryRequest again = requests.submit(article, SECOND);
        support.passSavePoint(again.getRequestNumber());
        assertThat(instanceOf(again)).hasNotPassed(TASK_DELIVER_FROM_ARCHIVE).isWaitingAt(TASK_ORDER);
        requests.cancel(again.getRequestNumber(), SECOND, false);
    }

    @Test
    void aSecondRequestForAnArticleOnOrderWaitsAndIsAnsweredFromTheConfirmedCopy() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest first = requests.submit(article, FIRST);
        support.passSavePoint(first.getRequestNumber());
        DocumentDeliveryRequest second = requests.submit(article, SECOND);
        support.passSavePoint(second.getRequestNumber());
        assertThat(instanceOf(second)).isWaitingAt(EVENT_SAME_ARTICLE_SETTLED);
        assertThat(reload(second).getWaitingFor()).isEqualTo(first.getId());

        complete(first, TASK_ORDER, Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument copy = requests.receiveCopy(first.getRequestNumber(), "NSTL", Pdfs.pdf(12), "ddstaff");
        complete(first, TASK_RECEIVE, Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
        support.executeDueJobs();

        DocumentDeliveryRequest answered = reload(second);
        assertThat(answered.getStatus()).isEqualTo(DeliveryStatus.FROM_ARCHIVE);
        assertThat(answered.getDocumentId()).isEqualTo(copy.id());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(answered.getProcessInstanceId()).activityId(TASK_ORDER).count())
                .as("never ordered a second time").isZero();

        // both have ended: a cancel now is refused with 409 and changes nothing
        assertThat(reload(second).getClosedAt()).isNotNull();
        assertThatThrownBy(() -> requests.cancel(second.getRequestNumber(), SECOND, false))
                .isInstanceOfSatisfying(ApiRefusal.class, refusal -> assertThat(refusal.getStatus()).isEqualTo(409));
        assertThat(reload(second).getStatus()).isEqualTo(DeliveryStatus.FROM_ARCHIVE);
    }

    private DocumentDeliveryRequest reload(DocumentDeliveryRequest request) {
        return requests.visibleTo(request.getRequestNumber(), "ddstaff", true);
    }

    private ProcessInstance instanceOf(DocumentDeliveryRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.getRequestNumber())
                .singleResult();
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
}
