package org.illflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.Pdfs;
import org.illflow.copyright.CopyrightControl;
import org.illflow.copyright.CopyrightStanding;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.request.OverLimit;
import org.illflow.request.PatronLimits;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The check before ordering (Task_CheckLimits) at its edges: the fifth copy of a journal in a calendar year is
 * ordered only with the staff's confirmation, the sixth needs an admin (approved, or refused and the patron told
 * why), or is refused outright when the library says so; archive re-deliveries count; open access and old
 * articles are not counted; the patron's budget reached (not just nearly) goes to the admin as well.
 */
@IllflowTest
class LimitsBeforeOrderingTest {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired DeliveryRequests requests;
    @Autowired DocumentDelivery delivery;
    @Autowired CopyrightControl copyright;
    @Autowired PatronLimits limits;
    @Autowired PatronRegistration registration;
    @Autowired TestSupport support;
    @Autowired MockMvc mvc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        support.purgeMail();
        support.copyrightControl(true);
    }

    private final List<String> started = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        // requests left waiting would only crowd the task lists of later tests
        started.forEach(number -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .list().forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "test finished", true)));
        support.copyrightControl(false);
        limits.overBudget(OverLimit.APPROVAL);
    }

    static ArticleRequestForm article(String issn, Integer year) {
        ArticleRequestForm form = DeliveryTestData.stmArticle();
        form.setIssn(issn);
        form.setJournal("Journal " + issn);
        form.setYear(year);
        return form;
    }

    private static int recentYear() {
        return LocalDate.now().getYear() - 1;
    }

    private DocumentDeliveryRequest submitted(ArticleRequestForm form, String patron) {
        DocumentDeliveryRequest request = requests.submit(form, patron);
        started.add(request.getRequestNumber());
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private ProcessInstance instanceOf(DocumentDeliveryRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
    }

    private Task task(DocumentDeliveryRequest request, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(key).singleResult();
    }

    private void complete(Task task, String user, String group, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Ordered (confirmed when the form asks) and received from the supplier offered first. */
    private void deliverFromSupplier(DocumentDeliveryRequest request) {
        assertThat(instanceOf(request)).isWaitingAt(TASK_ORDER);
        complete(task(request, TASK_ORDER), "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(VAR_ORDER_OUTCOME, ORDERED, VAR_COPYRIGHT_CONFIRMED, true));
        String supplier = (String) runtimeService.getVariable(request.getProcessInstanceId(), VAR_SUPPLIER_CODE);
        ArchivedDocument copy = requests.receiveCopy(request.getRequestNumber(), supplier, Pdfs.pdf(12), "ddstaff");
        complete(task(request, TASK_RECEIVE), "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
    }

    private CopyrightStanding standingOf(DocumentDeliveryRequest request) {
        return delivery.copyrightStanding(request.getId());
    }

    private DocumentDeliveryRequest reload(DocumentDeliveryRequest request) {
        return requests.visibleTo(request.getRequestNumber(), "ddstaff", true);
    }

    @Test
    void theFifthCopyIsConfirmedOnTheOrderFormAndTheSixthWaitsForAnAdminWhoApprovesOrRefuses() throws Exception {
        String issn = org.illflow.support.TestIssns.next();
        String patron = "2024110001";

        // copy 1 from a supplier, copy 2 the same article again from the archive: a re-delivery counts too
        ArticleRequestForm first = article(issn, recentYear());
        DocumentDeliveryRequest one = submitted(first, patron);
        assertThat(standingOf(one).nth()).isEqualTo(1);
        deliverFromSupplier(one);
        ArticleRequestForm again = article(issn, recentYear());
        again.setDoi(first.getDoi());
        again.setTitle(first.getTitle());
        DocumentDeliveryRequest two = submitted(again, patron);
        assertThat(instanceOf(two)).hasPassed(TASK_DELIVER_FROM_ARCHIVE);
        // copies 3 and 4
        for (int i = 0; i < 2; i++) {
            DocumentDeliveryRequest more = submitted(article(issn, recentYear()), patron);
            assertThat(standingOf(more).level()).isEqualTo(CopyrightStanding.Level.WITHIN);
            deliverFromSupplier(more);
        }

        // the fifth: the Order form shows the count and asks for the confirmation, refused without it
        DocumentDeliveryRequest five = submitted(article(issn, recentYear()), patron);
        assertThat(instanceOf(five)).hasPassed(TASK_CHECK_LIMITS, GATEWAY_WITHIN_LIMITS).isWaitingAt(TASK_ORDER);
        assertThat(standingOf(five).nth()).isEqualTo(5);
        assertThat(standingOf(five).level()).isEqualTo(CopyrightStanding.Level.WARN);
        String supplier = (String) runtimeService.getVariable(five.getProcessInstanceId(), VAR_SUPPLIER_CODE);
        mvc.perform(get("/staff/dd/" + five.getRequestNumber() + "/order-sheet").param("supplier", supplier)
                .with(user("ddstaff").roles("STAFF", "DD_STAFF")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.copyrightConfirmNeeded").value(true))
                .andExpect(jsonPath("$.copyright").value(org.hamcrest.Matchers.containsString("第 5 份")));
        Task order = task(five, TASK_ORDER);
        assertThatThrownBy(() -> complete(order, "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(VAR_ORDER_OUTCOME, ORDERED, VAR_COPYRIGHT_CONFIRMED, false)))
                .hasMessageContaining("copyright");
        assertThat(instanceOf(five)).isWaitingAt(TASK_ORDER);
        assertThat(reload(five).getStatus()).isEqualTo(DeliveryStatus.SUBMITTED);
        deliverFromSupplier(five);

        // the sixth is over the limit: an admin decides before anything is ordered
        DocumentDeliveryRequest six = submitted(article(issn, recentYear()), patron);
        assertThat(instanceOf(six)).hasPassed(TASK_CHECK_LIMITS).isWaitingAt(TASK_APPROVE_OVER_LIMIT);
        assertThat(standingOf(six).nth()).isEqualTo(6);
        assertThat(taskService.createTaskQuery().taskId(task(six, TASK_APPROVE_OVER_LIMIT).getId())
                .taskCandidateGroup(IllflowGroups.ADMINS).count()).isEqualTo(1);
        assertThat((String) runtimeService.getVariable(six.getProcessInstanceId(), VAR_LIMITS_REASON))
                .contains(issn).contains("第 6 份");
        complete(task(six, TASK_APPROVE_OVER_LIMIT), "admin", IllflowGroups.ADMINS,
                Map.of(VAR_OVER_LIMIT_APPROVED, true));
        assertThat(instanceOf(six)).hasPassed(GATEWAY_OVER_LIMIT_APPROVED).isWaitingAt(TASK_ORDER);

        // another one over the limit, which the admin refuses: rejected, and the patron is told why
        DocumentDeliveryRequest seven = submitted(article(issn, recentYear()), patron);
        assertThat(instanceOf(seven)).isWaitingAt(TASK_APPROVE_OVER_LIMIT);
        complete(task(seven, TASK_APPROVE_OVER_LIMIT), "admin", IllflowGroups.ADMINS,
                Map.of(VAR_OVER_LIMIT_APPROVED, false));
        assertThat(instanceOf(seven)).hasPassed(TASK_REJECT_REQUEST).isWaitingAt(TASK_NOTIFY_REJECTED);
        support.executeDueJobs();
        assertThat(reload(seven).getStatus()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(reload(seven).getStatusReason()).contains("版权限额");
        assertThat(requests.timelineOf(reload(seven))).extracting(TimelineEvent::getEvent)
                .contains("OVER_LIMIT", "OVER_LIMIT_REFUSED", "REJECTED");
        assertThat(support.mails()).filteredOn(m -> MailText.subject(m).contains(seven.getRequestNumber())
                && !MailText.isReceipt(m))
                .singleElement().satisfies(m -> assertThat(MailText.body(m)).contains("超出图书馆的限额")
                        .contains(issn));

        // the library refuses instead of asking: rejected at once
        copyright.changeRule(true, 5, 5, 5, OverLimit.REFUSE);
        DocumentDeliveryRequest eight = submitted(article(issn, recentYear()), patron);
        assertThat(instanceOf(eight)).hasPassed(TASK_CHECK_LIMITS, TASK_REJECT_REQUEST).hasNotPassed(TASK_APPROVE_OVER_LIMIT)
                .isWaitingAt(TASK_NOTIFY_REJECTED);
        assertThat(reload(eight).getStatus()).isEqualTo(DeliveryStatus.REJECTED);
    }

    @Test
    void openAccessTitlesOldArticlesAndTheEissnAreCountedAsTheRuleSays() {
        String issn = org.illflow.support.TestIssns.next();
        String eissn = org.illflow.support.TestIssns.next();
        String patron = "2024110001";
        for (int i = 0; i < 5; i++) {
            copyright.recordCopy(new org.illflow.copyright.CopiedArticle(-1000L - SEQ.incrementAndGet(), "DD-TEST",
                    issn, null, "Journal " + issn, recentYear(), java.time.Instant.now()), false);
        }
        // cited by its eISSN alone: one journal once a rule (or a KBART row) pairs the two
        ArticleRequestForm byEissn = article(null, recentYear());
        byEissn.setEissn(eissn);
        assertThat(copyright.standing(DocumentDelivery.articleOf(requestFor(byEissn))).nth()).isEqualTo(1);
        copyright.saveJournalRule(issn, eissn, "Journal " + issn, null, null, false);
        DocumentDeliveryRequest six = submitted(byEissn, patron);
        assertThat(standingOf(six).nth()).isEqualTo(6);
        assertThat(instanceOf(six)).isWaitingAt(TASK_APPROVE_OVER_LIMIT);

        // an article older than the last five years is not counted
        DocumentDeliveryRequest old = submitted(article(issn, recentYear() - 5), patron);
        assertThat(standingOf(old).level()).isEqualTo(CopyrightStanding.Level.NOT_RECENT);
        assertThat(instanceOf(old)).isWaitingAt(TASK_ORDER);

        // open access: never counted against
        copyright.saveJournalRule(issn, eissn, "Journal " + issn, null, null, true);
        DocumentDeliveryRequest free = submitted(article(issn, recentYear()), patron);
        assertThat(standingOf(free).level()).isEqualTo(CopyrightStanding.Level.OPEN_ACCESS);
        assertThat(instanceOf(free)).isWaitingAt(TASK_ORDER);
        assertThat(standingOf(free).needsConfirmation()).isFalse();
    }

    /** An unsaved request for the standing of a citation. */
    private static DocumentDeliveryRequest requestFor(ArticleRequestForm form) {
        return new DocumentDeliveryRequest("DD-TEST", "2024110001", "PHD_STUDENT", "化学学院", form.toCitation(), null,
                null, java.time.Instant.now(), "test");
    }

    @Test
    void aPatronWhoHasSpentTheYearsBudgetNeedsAnAdminAndJustUnderItDoesNot() {
        String card = newPatron();
        String college = collegeOf(card);
        DocumentDeliveryRequest first = submitted(article(org.illflow.support.TestIssns.next(), recentYear()), card);
        deliverFromSupplier(first);
        BigDecimal spent = reload(first).getCost();
        assertThat(spent).isPositive();

        // one fen more than spent: within the budget
        limits.save(PatronType.PHD_STUDENT, college, null, null, spent.add(new BigDecimal("0.01")));
        DocumentDeliveryRequest under = submitted(article(org.illflow.support.TestIssns.next(), recentYear()), card);
        assertThat(instanceOf(under)).hasPassed(TASK_CHECK_LIMITS).isWaitingAt(TASK_ORDER);

        // exactly spent: the budget is used up, an admin decides
        limits.save(PatronType.PHD_STUDENT, college, null, null, spent);
        DocumentDeliveryRequest at = submitted(article(org.illflow.support.TestIssns.next(), recentYear()), card);
        assertThat(instanceOf(at)).isWaitingAt(TASK_APPROVE_OVER_LIMIT);
        assertThat((String) runtimeService.getVariable(at.getProcessInstanceId(), VAR_LIMITS_REASON))
                .contains("经费预算").contains(spent.toPlainString());
        complete(task(at, TASK_APPROVE_OVER_LIMIT), "admin", IllflowGroups.ADMINS,
                Map.of(VAR_OVER_LIMIT_APPROVED, true));
        assertThat(instanceOf(at)).isWaitingAt(TASK_ORDER);

        // the library refuses over the budget: at the door already
        limits.overBudget(OverLimit.REFUSE);
        assertThatThrownBy(() -> requests.submit(article(org.illflow.support.TestIssns.next(), recentYear()), card))
                .isInstanceOf(org.illflow.system.ApiRefusal.class)
                .satisfies(e -> assertThat(((org.illflow.system.ApiRefusal) e).getStatus()).isEqualTo(409))
                .satisfies(e -> assertThat(((org.illflow.system.ApiRefusal) e).getMessageKey())
                        .isEqualTo("limits.budget.spent"));
    }

    @Test
    void aRequestAlreadyPastTheSavePointWhenTheBudgetIsRefusedIsRejectedBeforeOrdering() {
        String card = newPatron();
        DocumentDeliveryRequest first = submitted(article(org.illflow.support.TestIssns.next(), recentYear()), card);
        deliverFromSupplier(first);
        DocumentDeliveryRequest waiting = requests.submit(article(org.illflow.support.TestIssns.next(), recentYear()), card);
        started.add(waiting.getRequestNumber());
        limits.save(PatronType.PHD_STUDENT, collegeOf(card), null, null, reload(first).getCost());
        limits.overBudget(OverLimit.REFUSE);
        support.passSavePoint(waiting.getRequestNumber());
        assertThat(instanceOf(waiting)).hasPassed(TASK_CHECK_LIMITS).isWaitingAt(TASK_NOTIFY_REJECTED);
        assertThat(reload(waiting).getStatusReason()).contains("经费预算");
    }

    private final Map<String, String> colleges = new HashMap<>();

    /** An active PhD student of a college of their own, so limits set for it touch no other test. */
    private String newPatron() {
        String card = "LB" + SEQ.incrementAndGet();
        RegistrationForm form = new RegistrationForm();
        form.setCardNumber(card);
        form.setName("限额测试 " + card);
        form.setEmail(card.toLowerCase() + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.PHD_STUDENT);
        form.setCollege("预算测试学院 " + card);
        form.setLanguage("zh");
        registration.enrolApproved(form, "budget2026", "test");
        colleges.put(card, form.getCollege());
        return card;
    }

    private String collegeOf(String card) {
        return colleges.get(card);
    }
}
