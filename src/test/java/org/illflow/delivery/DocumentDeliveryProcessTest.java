package org.illflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.archive.ArchivedDocument;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronType;
import org.illflow.request.RequestNotFoundException;
import org.illflow.patron.RegistrationForm;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.system.ApiRefusal;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/document-delivery.bpmn, with the demo suppliers, holdings and patron. */
@IllflowTest
class DocumentDeliveryProcessTest {

    static final String PATRON = "2024110001";
    static final String PATRON_EMAIL = "liming@stu.example.edu";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired DeliveryRequests requests;
    @Autowired TestSupport support;
    @Autowired PatronRegistration registration;
    @Autowired org.illflow.archive.DocumentArchive archive;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        support.purgeMail();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        support.resetClock();
    }

    /** The patron's call has returned; the save point after it runs as the job executor would run it. */
    private DocumentDeliveryRequest submitted(DocumentDeliveryRequest request) {
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private ProcessInstance instanceOf(DocumentDeliveryRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
    }

    private Task task(DocumentDeliveryRequest request, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(taskKey).singleResult();
    }

    private void completeAsStaff(Task task, Map<String, Object> variables) {
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        try {
            taskService.claim(task.getId(), "ddstaff");
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String supplierOf(DocumentDeliveryRequest request) {
        return (String) runtimeService.getVariable(request.getProcessInstanceId(), VAR_SUPPLIER_CODE);
    }

    private DocumentDeliveryRequest reload(DocumentDeliveryRequest request) {
        return requests.visibleTo(request.getRequestNumber(), PATRON, false);
    }

    private List<String> timelineEvents(DocumentDeliveryRequest request) {
        return requests.timelineOf(request).stream().map(TimelineEvent::getEvent).toList();
    }

    private List<MimeMessage> mailsAbout(DocumentDeliveryRequest request) {
        // the "request received" mail aside: RequestReceivedTest looks at it
        return support.mails().stream().filter(m -> MailText.subject(m).contains(request.getRequestNumber()))
                .filter(m -> !MailText.isReceipt(m)).toList();
    }

    @Test
    void orderedFromTheCheapestSupplierFallsThroughWhenUnfilledAndIsDeliveredWithCost() {
        DocumentDeliveryRequest request = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        ProcessInstance instance = instanceOf(request);
        assertThat(request.getRequestNumber()).matches("DD-\\d{4}-\\d{6}");

        // a 12-page science article: NSTL 3.60, CALIS 5.60, REPRINTS 35.00
        assertThat(instance).isWaitingAt(TASK_ORDER);
        assertThat(supplierOf(request)).isEqualTo("NSTL");
        assertThat(task(request, TASK_ORDER).getName()).isEqualTo("订购 Order from supplier · 国家科技图书文献中心");
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        assertThat(reload(request).getStatus()).isEqualTo(DeliveryStatus.ORDERED);
        assertThat(reload(request).getSupplierCode()).isEqualTo("NSTL");
        completeAsStaff(task(request, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, UNFILLED,
                VAR_UNFILLED_REASON, "not in NSTL holdings"));

        assertThat(instance).hasPassed(TASK_RECORD_SUPPLIER_UNFILLED).isWaitingAt(TASK_ORDER);
        assertThat(supplierOf(request)).isEqualTo("CALIS");
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument copy = requests.receiveCopy(request.getRequestNumber(), "CALIS", org.illflow.archive.Pdfs.pdf(12),
                "ddstaff");
        completeAsStaff(task(request, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED,
                VAR_DOCUMENT_ID, copy.id()));

        assertThat(instance).hasPassed(TASK_RECORD_DELIVERY).isWaitingAt(TASK_NOTIFY_DELIVERED);
        DocumentDeliveryRequest delivered = reload(request);
        assertThat(delivered.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.getCost()).isEqualByComparingTo(new BigDecimal("5.60"));
        assertThat(delivered.getDocumentId()).isEqualTo(copy.id());
        assertThat(archive.find(copy.id()).orElseThrow().cost()).isEqualByComparingTo(new BigDecimal("5.60"));

        support.executeDueJobs();
        assertThat(instance).isEnded().hasPassed(END_DELIVERED);
        assertThat(mailsAbout(request)).singleElement().satisfies(mail -> {
            assertThat(MailText.to(mail)).contains(PATRON_EMAIL);
            assertThat(MailText.subject(mail)).isEqualTo("您申请的文献已送达：" + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("/downloads/");
        });
        assertThat(timelineEvents(request)).containsSubsequence("SUBMITTED", "SUPPLIERS_RANKED", "SUPPLIER_TRY",
                "ORDERED", "SUPPLIER_UNFILLED", "SUPPLIER_TRY", "ORDERED", "COPY_UPLOADED", "DELIVERED", "NOTIFIED");
        // the same event means the same in both services: the staff member who recorded it, not the platform
        assertThat(requests.timelineOf(request)).filteredOn(e -> List.of("SUPPLIER_UNFILLED", "DELIVERED")
                .contains(e.getEvent())).hasSize(2).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("ddstaff"));
    }

    @Test
    void theSameArticleTypedDifferentlyIsAnsweredAtOnceFromTheArchive() {
        ArticleRequestForm first = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest original = submitted(requests.submit(first, PATRON));
        completeAsStaff(task(original, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument copy = requests.receiveCopy(original.getRequestNumber(), "NSTL", org.illflow.archive.Pdfs.pdf(3),
                "ddstaff");
        completeAsStaff(task(original, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
        support.executeDueJobs();

        ArticleRequestForm again = DeliveryTestData.stmArticle();
        again.setTitle(first.getTitle().toUpperCase());
        again.setDoi("https://doi.org/" + first.getDoi().toUpperCase());
        DocumentDeliveryRequest repeat = submitted(requests.submit(again, "2025120002"));
        ProcessInstance instance = instanceOf(repeat);

        assertThat(instance).hasPassed(TASK_CHECK_ARCHIVE, TASK_DELIVER_FROM_ARCHIVE).isWaitingAt(TASK_SEND_ARCHIVED_COPY);
        DocumentDeliveryRequest answered = requests.visibleTo(repeat.getRequestNumber(), "2025120002", false);
        assertThat(answered.getStatus()).isEqualTo(DeliveryStatus.FROM_ARCHIVE);
        assertThat(answered.getDocumentId()).isEqualTo(copy.id());
        assertThat(answered.getCost()).isEqualByComparingTo(BigDecimal.ZERO);
        support.executeDueJobs();
        assertThat(instance).isEnded().hasPassed(END_DELIVERED_FROM_ARCHIVE);
        assertThat(mailsAbout(repeat)).singleElement().satisfies(mail ->
                assertThat(MailText.subject(mail)).isEqualTo("Your document has arrived: " + repeat.getRequestNumber()));
    }

    /** The same article, as another patron would type it. */
    private static ArticleRequestForm sameArticle(ArticleRequestForm first) {
        ArticleRequestForm again = DeliveryTestData.stmArticle();
        again.setTitle(first.getTitle());
        again.setDoi(first.getDoi());
        return again;
    }

    @Test
    void anUploadFollowedByUnfilledNeverAnswersALaterRequestForTheSameArticle() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest first = submitted(requests.submit(article, PATRON));
        completeAsStaff(task(first, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument uploaded = requests.receiveCopy(first.getRequestNumber(), "NSTL",
                org.illflow.archive.Pdfs.pdf(4), "ddstaff");
        assertThat(reload(first).getPendingDocumentId()).isEqualTo(uploaded.id());
        completeAsStaff(task(first, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, UNFILLED,
                VAR_UNFILLED_REASON, "wrong article in the supplier's PDF"));
        assertThat(instanceOf(first)).isWaitingAt(TASK_ORDER); // next supplier: CALIS
        assertThat(reload(first).getPendingDocumentId()).isNull();
        assertThat(archive.find(uploaded.id())).as("the unconfirmed upload is discarded").isEmpty();
        assertThat(timelineEvents(first)).containsSubsequence("COPY_UPLOADED", "SUPPLIER_UNFILLED", "COPY_DISCARDED");
        requests.cancel(first.getRequestNumber(), PATRON, false);

        DocumentDeliveryRequest again = submitted(requests.submit(sameArticle(article), "2025120002"));
        assertThat(instanceOf(again)).hasNotPassed(TASK_DELIVER_FROM_ARCHIVE).isWaitingAt(TASK_ORDER);
        assertThat(requests.visibleTo(again.getRequestNumber(), "2025120002", false).getStatus())
                .isEqualTo(DeliveryStatus.SUBMITTED);
        requests.cancel(again.getRequestNumber(), "2025120002", false);
    }

    @Test
    void ofTwoUploadsOnlyTheConfirmedOneIsDeliveredAndArchived() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest request = submitted(requests.submit(article, PATRON));
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument wrong = requests.receiveCopy(request.getRequestNumber(), "NSTL",
                org.illflow.archive.Pdfs.pdf(3), "ddstaff");
        ArchivedDocument right = requests.receiveCopy(request.getRequestNumber(), "NSTL",
                org.illflow.archive.Pdfs.pdf(12), "ddstaff");
        assertThat(archive.find(wrong.id())).as("replaced, so discarded").isEmpty();
        assertThat(reload(request).getPendingDocumentId()).isEqualTo(right.id());
        // the form may still hold the first upload's id: the task does not complete with it
        assertThatThrownBy(() -> completeAsStaff(task(request, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED,
                VAR_DOCUMENT_ID, wrong.id()))).hasMessageContaining("Attach the PDF first");
        assertThat(archive.findDuplicate(reload(request).citation())).as("not confirmed yet").isEmpty();
        completeAsStaff(task(request, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, right.id()));
        assertThat(reload(request).getDocumentId()).isEqualTo(right.id());
        assertThat(reload(request).getPendingDocumentId()).isNull();
        assertThat(archive.find(right.id()).orElseThrow().confirmed()).isTrue();
        support.executeDueJobs();

        DocumentDeliveryRequest again = submitted(requests.submit(sameArticle(article), "2025120002"));
        assertThat(instanceOf(again)).hasPassed(TASK_DELIVER_FROM_ARCHIVE);
        assertThat(requests.visibleTo(again.getRequestNumber(), "2025120002", false).getDocumentId())
                .isEqualTo(right.id());
        support.executeDueJobs();
    }

    @Test
    void aCancelledRequestsUploadIsDiscarded() {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest request = submitted(requests.submit(article, PATRON));
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument uploaded = requests.receiveCopy(request.getRequestNumber(), "NSTL",
                org.illflow.archive.Pdfs.pdf(2), "ddstaff");
        requests.cancel(request.getRequestNumber(), PATRON, false);
        assertThat(archive.find(uploaded.id())).isEmpty();
        assertThat(archive.findDuplicate(reload(request).citation())).isEmpty();
    }

    @Test
    void aSkippedSupplierAndATimedOutSupplierEachMoveToTheNextAndNoneLeftIsUnfilled() {
        DocumentDeliveryRequest request = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        ProcessInstance instance = instanceOf(request);

        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, SKIP)); // NSTL skipped
        assertThat(supplierOf(request)).isEqualTo("CALIS");
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        // CALIS promises 3 working days: nothing happens after 1 day, the timer fires after a week
        support.moveClock(Duration.ofDays(1));
        support.executeDueJobs();
        assertThat(instance).isWaitingAt(TASK_RECEIVE);
        support.moveClock(Duration.ofDays(6));
        support.executeDueJobs();
        assertThat(instance).hasPassed(EVENT_SUPPLIER_TIMEOUT, TASK_RECORD_SUPPLIER_TIMEOUT).isWaitingAt(TASK_ORDER);
        assertThat(supplierOf(request)).isEqualTo("REPRINTS");
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, SKIP));

        assertThat(instance).hasPassed(TASK_RECORD_UNFILLED).isWaitingAt(TASK_NOTIFY_UNFILLED);
        assertThat(reload(request).getStatus()).isEqualTo(DeliveryStatus.UNFILLED);
        support.executeDueJobs();
        assertThat(instance).isEnded().hasPassed(END_UNFILLED);
        assertThat(mailsAbout(request)).singleElement().satisfies(mail ->
                assertThat(MailText.subject(mail)).startsWith("很抱歉，未能获取您申请的文献"));
        assertThat(timelineEvents(request)).contains("SKIPPED", "SUPPLIER_TIMEOUT", "UNFILLED");
    }

    @Test
    void theSuppliersTurnaroundStartsWhenItIsAskedNotWhenTheOrderTaskIsOffered() {
        DocumentDeliveryRequest request = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        // the Order task waits in Tasklist for two weeks; NSTL's working days count from the order
        support.moveClock(Duration.ofDays(14));
        java.time.Instant ordered = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        completeAsStaff(task(request, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        support.executeDueJobs();
        assertThat(instanceOf(request)).as("the timer is not already due").isWaitingAt(TASK_RECEIVE);
        java.util.Date due = (java.util.Date) runtimeService.getVariable(request.getProcessInstanceId(),
                VAR_SUPPLIER_DUE_AT);
        assertThat(due.toInstant()).isAfter(ordered.plus(Duration.ofDays(1)));
        support.moveClock(Duration.ofDays(8));
        support.executeDueJobs();
        assertThat(instanceOf(request)).hasPassed(EVENT_SUPPLIER_TIMEOUT).isWaitingAt(TASK_ORDER);
    }

    @Test
    void anArticleTheLibrarySubscribesToIsHeldLocallyAndStaffCanOrderItAnyway() {
        ArticleRequestForm inNature = DeliveryTestData.stmArticle();
        inNature.setJournal("Nature");
        inNature.setIssn("0028-0836");
        inNature.setYear(2020);
        DocumentDeliveryRequest held = submitted(requests.submit(inNature, PATRON));
        ProcessInstance heldInstance = instanceOf(held);
        assertThat(reload(held).getStatus()).isEqualTo(DeliveryStatus.HELD_LOCALLY);
        assertThat(reload(held).getHoldingInfo()).contains("Nature").contains("https://ejournals.example.edu/");
        support.executeDueJobs();
        assertThat(mailsAbout(held)).singleElement().satisfies(mail ->
                assertThat(MailText.body(mail)).contains("https://ejournals.example.edu/"));
        assertThat(heldInstance).isWaitingAt(TASK_CONFIRM_LOCAL_HOLDING);
        assertThatThrownBy(() -> completeAsStaff(task(held, TASK_CONFIRM_LOCAL_HOLDING), Map.of()))
                .hasMessageContaining("accessible");
        completeAsStaff(task(held, TASK_CONFIRM_LOCAL_HOLDING), Map.of(VAR_HOLDING_ACCESSIBLE, true));
        assertThat(heldInstance).isEnded().hasPassed(END_HELD_LOCALLY);
        assertThat(reload(held).getStatus()).isEqualTo(DeliveryStatus.HELD_LOCALLY);

        ArticleRequestForm lapsed = DeliveryTestData.stmArticle();
        lapsed.setJournal("Nature");
        lapsed.setIssn("0028-0836");
        lapsed.setYear(2019);
        DocumentDeliveryRequest override = submitted(requests.submit(lapsed, PATRON));
        support.executeDueJobs();
        completeAsStaff(task(override, TASK_CONFIRM_LOCAL_HOLDING), Map.of(VAR_HOLDING_ACCESSIBLE, "false"));
        assertThat(instanceOf(override)).hasPassed(TASK_RANK_SUPPLIERS).isWaitingAt(TASK_ORDER);
        assertThat(reload(override).getStatus()).isEqualTo(DeliveryStatus.SUBMITTED);
        assertThat(timelineEvents(override)).contains("HELD_LOCALLY", "HOLDING_NOT_ACCESSIBLE", "SUPPLIERS_RANKED");
    }

    @Test
    void thePatronMayCancelAtEachWaitingPointUntilTheCopyArrives() {
        DocumentDeliveryRequest atOrder = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        requests.cancel(atOrder.getRequestNumber(), PATRON, false);
        assertThat(instanceOf(atOrder)).isNull();
        assertThat(reload(atOrder).getStatus()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(requests.timelineOf(reload(atOrder))).last().satisfies(e -> {
            assertThat(e.getEvent()).isEqualTo("CANCELLED");
            assertThat(e.getActor()).isEqualTo(PATRON);
        });

        DocumentDeliveryRequest atReceive = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        completeAsStaff(task(atReceive, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        requests.cancel(atReceive.getRequestNumber(), PATRON, false);
        assertThat(reload(atReceive).getStatus()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(atReceive.getProcessInstanceId()).activityId(END_CANCELLED).count()).isEqualTo(1);

        ArticleRequestForm inNature = DeliveryTestData.stmArticle();
        inNature.setJournal("Nature");
        inNature.setIssn("0028-0836");
        inNature.setYear(2018);
        DocumentDeliveryRequest atHolding = submitted(requests.submit(inNature, PATRON));
        support.executeDueJobs();
        requests.cancel(atHolding.getRequestNumber(), "ddstaff", true);
        assertThat(reload(atHolding).getStatus()).isEqualTo(DeliveryStatus.CANCELLED);

        // after delivery it is too late
        DocumentDeliveryRequest delivered = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        completeAsStaff(task(delivered, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument copy = requests.receiveCopy(delivered.getRequestNumber(), "NSTL", org.illflow.archive.Pdfs.pdf(2),
                "ddstaff");
        completeAsStaff(task(delivered, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
        assertThatThrownBy(() -> requests.cancel(delivered.getRequestNumber(), PATRON, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("can no longer be cancelled");
        // someone else's request cannot even be found
        assertThatThrownBy(() -> requests.cancel(delivered.getRequestNumber(), "2025120002", false))
                .isInstanceOf(RequestNotFoundException.class);
    }

    /** A patron who registered and waits for review: not active yet. */
    private RegistrationForm registerPendingPatron() {
        RegistrationForm form = new RegistrationForm();
        form.setName("待审核读者");
        form.setCardNumber("P" + (System.nanoTime() % 100000000));
        form.setEmail("pending-" + System.nanoTime() + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.PHD_STUDENT);
        form.setCollege("化学学院");
        form.setLanguage("zh");
        form.setPassword("pending2026");
        form.setPasswordConfirmation("pending2026");
        registration.register(form);
        return form;
    }

    /** Staff enter a request from Tasklist's start form; returns its number. */
    private String enteredByStaff(Map<String, Object> startForm) {
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(KEY, startForm);
        } finally {
            identityService.clearAuthentication();
        }
        support.passSavePointOf(instance.getId());
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey();
    }

    /** The patron cancels: the status the request is left in, or the refusal (status and message key). */
    private String cancelAsPatron(DocumentDeliveryRequest request) {
        try {
            requests.cancel(request.getRequestNumber(), request.getPatronCardNumber(), false);
            return reload(request).getStatus().name();
        } catch (ApiRefusal refused) {
            return refused.getStatus() + " " + refused.getMessageKey();
        }
    }

    private DocumentDeliveryRequest reloadAsStaff(DocumentDeliveryRequest request) {
        return requests.visibleTo(request.getRequestNumber(), "ddstaff", true);
    }

    @Test
    void everyStatusEitherTakesTheCancelOrAnswers409AndNeverAnEngineError() {
        ArticleRequestForm inNature = DeliveryTestData.stmArticle();
        inNature.setJournal("Nature");
        inNature.setIssn("0028-0836");
        inNature.setYear(2020);
        Map<String, DocumentDeliveryRequest> requestIn = new LinkedHashMap<>();
        requestIn.put("SUBMITTED", submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON)));
        requestIn.put("HELD_LOCALLY, staff to confirm", submitted(requests.submit(inNature, PATRON)));
        DocumentDeliveryRequest confirmed = submitted(requests.submit(inNature, PATRON));
        support.executeDueJobs();
        completeAsStaff(task(confirmed, TASK_CONFIRM_LOCAL_HOLDING), Map.of(VAR_HOLDING_ACCESSIBLE, true));
        requestIn.put("HELD_LOCALLY, confirmed and ended", confirmed);
        DocumentDeliveryRequest ordered = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        completeAsStaff(task(ordered, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        requestIn.put("ORDERED", ordered);
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest delivered = submitted(requests.submit(article, PATRON));
        completeAsStaff(task(delivered, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        ArchivedDocument copy = requests.receiveCopy(delivered.getRequestNumber(), "NSTL",
                org.illflow.archive.Pdfs.pdf(2), "ddstaff");
        completeAsStaff(task(delivered, TASK_RECEIVE), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID,
                copy.id()));
        requestIn.put("DELIVERED", delivered);
        requestIn.put("FROM_ARCHIVE", submitted(requests.submit(article, PATRON)));
        DocumentDeliveryRequest unfilled = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        while (task(unfilled, TASK_ORDER) != null) {
            completeAsStaff(task(unfilled, TASK_ORDER), Map.of(VAR_ORDER_OUTCOME, SKIP));
        }
        requestIn.put("UNFILLED", unfilled);
        DocumentDeliveryRequest cancelled = submitted(requests.submit(DeliveryTestData.stmArticle(), PATRON));
        requests.cancel(cancelled.getRequestNumber(), PATRON, false);
        requestIn.put("CANCELLED", cancelled);
        String rejected = enteredByStaff(startForm(registerPendingPatron().getCardNumber()));
        requestIn.put("REJECTED", requests.visibleTo(rejected, "ddstaff", true));
        // last, so no job run above passes its save point
        requestIn.put("SUBMITTED, checks not run yet", requests.submit(DeliveryTestData.stmArticle(), PATRON));
        assertThat(requestIn).allSatisfy((label, request) -> assertThat(reloadAsStaff(request).getStatus().name())
                .as(label).isEqualTo(label.split(",")[0]));

        Map<String, String> firstCancel = new LinkedHashMap<>();
        Map<String, String> secondCancel = new LinkedHashMap<>();
        requestIn.forEach((label, request) -> {
            firstCancel.put(label, cancelAsPatron(request));
            secondCancel.put(label, cancelAsPatron(request));
        });

        String tooLate = "409 dd.cancel.tooLate";
        assertThat(firstCancel).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SUBMITTED, checks not run yet", "CANCELLED"),
                Map.entry("SUBMITTED", "CANCELLED"),
                Map.entry("HELD_LOCALLY, staff to confirm", "CANCELLED"),
                Map.entry("HELD_LOCALLY, confirmed and ended", "409 request.cancel.closed"),
                Map.entry("ORDERED", "CANCELLED"),
                Map.entry("DELIVERED", tooLate),
                Map.entry("FROM_ARCHIVE", tooLate),
                Map.entry("UNFILLED", tooLate),
                Map.entry("CANCELLED", tooLate),
                Map.entry("REJECTED", tooLate)));
        assertThat(secondCancel.values()).allMatch(outcome -> outcome.startsWith("409 "));
        assertThat(reloadAsStaff(confirmed).getClosedAt()).isNotNull();
        assertThat(requestIn.values()).allSatisfy(request -> assertThat(reloadAsStaff(request).isCancellable())
                .isFalse());
    }

    @Test
    void aPatronWhoseAccountIsNotActiveIsToldAndTheRequestIsRejected() {
        RegistrationForm form = registerPendingPatron();

        // the portal refuses a pending patron outright ...
        assertThatThrownBy(() -> requests.submit(DeliveryTestData.stmArticle(), form.getCardNumber()))
                .isInstanceOfSatisfying(org.illflow.system.ApiRefusal.class, refusal -> assertThat(refusal.getStatus())
                        .isEqualTo(403));
        // ... and a request staff enter for them is rejected by the process
        Map<String, Object> startForm = startForm(form.getCardNumber());
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(KEY, startForm);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(instance).hasPassed(TASK_RECORD_REQUEST, EVENT_PATRON_NOT_ACTIVE, TASK_REJECT_REQUEST)
                .isWaitingAt(TASK_NOTIFY_REJECTED);
        support.executeDueJobs();
        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        String number = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0
                ? engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                        .singleResult().getBusinessKey() : null;
        DocumentDeliveryRequest rejected = requests.visibleTo(number, "ddstaff", true);
        assertThat(rejected.getStatus()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(rejected.getSubmittedBy()).isEqualTo("ddstaff");
        assertThat(support.mails()).filteredOn(m -> MailText.to(m).contains(form.getEmail())
                && MailText.subject(m).contains(number)).hasSize(1);
    }

    @Test
    void staffEnterARequestForARegisteredPatronFromTasklist() {
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(KEY, startForm(PATRON));
        } finally {
            identityService.clearAuthentication();
        }
        support.passSavePointOf(instance.getId());
        assertThat(instance).isWaitingAt(TASK_ORDER);
        String number = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
        DocumentDeliveryRequest entered = requests.visibleTo(number, PATRON, false);
        assertThat(entered.getSubmittedBy()).isEqualTo("ddstaff");
        assertThat(requests.mine(PATRON)).extracting(DocumentDeliveryRequest::getRequestNumber).contains(number);

        Map<String, Object> invalid = startForm(PATRON);
        invalid.put("issn", "1234-5678");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, invalid)).hasMessageContaining(
                "ISSN（issn）：ISSN 无效：应为 8 位（如 0317-8471），且最后一位校验位须正确。 / ISSN: This is not a valid ISSN");
        Map<String, Object> unknownPatron = startForm("NOSUCH99");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, unknownPatron))
                .hasMessageContaining("No patron");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }

    private static Map<String, Object> startForm(String card) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_PATRON, card);
        vars.put("genre", "ARTICLE");
        vars.put("title", "Requested by phone " + System.nanoTime());
        vars.put("journal", "Phone Journal");
        vars.put("year", 2019L);
        vars.put("pages", "1-10");
        vars.put("subjectArea", "STM");
        vars.put("language", "en");
        return vars;
    }
}
