package org.illflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.illflow.system.ApiRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/interlibrary-loan.bpmn with the demo lenders, holdings and patrons. Timers fire by
 * moving the engine clock; the test starts on Monday 2 March 2026, 10:00 in Shanghai.
 */
@IllflowTest
class InterlibraryLoanProcessTest {

    static final String LI_MING = "2024110001";
    static final String LI_MING_EMAIL = "liming@stu.example.edu";
    static final String EMMA = "2025120002";
    static final String ILL_STAFF = "illstaff";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired LoanRequests requests;
    @Autowired TestSupport support;
    @Autowired PatronRegistration registration;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        support.purgeMail();
        clockAt("2026-03-02T10:00");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        support.resetClock();
        // loans left running would hold timers dated by the moved clock, due at once for the tests after this one
        runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().forEach(instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(shanghai(localDateTime)));
    }

    private ProcessInstance instanceOf(LoanRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
    }

    private ProcessInstance running(LoanRequest request) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(request.getProcessInstanceId()).singleResult();
        assertThat(instance).as("process of %s is running", request.getRequestNumber()).isNotNull();
        return instance;
    }

    private Task task(LoanRequest request, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(taskKey).singleResult();
    }

    /** Inter-library loan staff claim and complete the task in Tasklist. */
    private void complete(LoanRequest request, String taskKey, Map<String, Object> variables) {
        Task task = task(request, taskKey);
        assertThat(task).as("task %s of %s", taskKey, request.getRequestNumber()).isNotNull();
        identityService.setAuthentication(ILL_STAFF, List.of(IllflowGroups.ILL_STAFF));
        try {
            // the task's Camunda Form is deployed and readable by the staff who work on it
            try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
                assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"components\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            taskService.claim(task.getId(), ILL_STAFF);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Runs the jobs of this request that are due now (mail, timers), as the job executor would. */
    private void runJobs(LoanRequest request) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(request.getProcessInstanceId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep creating jobs");
    }

    private Instant timerDue(LoanRequest request, String eventId) {
        Job timer = managementService.createJobQuery().processInstanceId(request.getProcessInstanceId()).timers()
                .activityId(eventId).singleResult();
        assertThat(timer).as("timer %s", eventId).isNotNull();
        return timer.getDuedate().toInstant();
    }

    private LoanRequest reload(LoanRequest request) {
        return requests.visibleTo(request.getRequestNumber(), ILL_STAFF, true);
    }

    private List<String> events(LoanRequest request) {
        return requests.timelineOf(request).stream().map(LoanTimelineEvent::getEvent).toList();
    }

    /** The patron's call has returned; the save point after it runs as the job executor would run it. */
    private LoanRequest submitted(LoanRequest request) {
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private List<MimeMessage> mailsAbout(LoanRequest request) {
        // the "request received" mail aside (RequestReceivedTest looks at it)
        return support.mails().stream().filter(m -> MailText.subject(m).contains(request.getRequestNumber()))
                .filter(m -> !MailText.isReceipt(m)).toList();
    }

    private Object variable(LoanRequest request, String name) {
        return runtimeService.getVariable(request.getProcessInstanceId(), name);
    }

    /** A request the cheapest lender (Fudan: 30 days, 1 renewal) has sent; waiting for the patron to collect it. */
    private LoanRequest satisfied(String patron) {
        LoanRequest request = submitted(requests.submit(LoanTestData.book(), patron));
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, RECEIVED));
        runJobs(request);
        return reload(request);
    }

    /** Lent on Monday 2 March 2026: due on 29 March (30 days less 3 for the return post). */
    private LoanRequest lent(String patron) {
        LoanRequest request = satisfied(patron);
        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
        return reload(request);
    }

    // ---- the demo walk-through -------------------------------------------------------------------------------

    @Test
    void aBookIsBorrowedFromTheCheapestLenderLentRemindedRenewedOverdueReturnedAndSentBack() {
        LoanRequest request = submitted(requests.submit(LoanTestData.book(), LI_MING));
        ProcessInstance instance = running(request);
        assertThat(request.getRequestNumber()).matches("ILL-2026-\\d{6}");

        // Fudan and SJTU lend for 0 + 15 shipping, the cheapest; same turnaround, so by code
        assertThat(instance).isWaitingAt(TASK_REQUEST_FROM_LENDER);
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("FUDAN");
        assertThat(task(request, TASK_REQUEST_FROM_LENDER).getName()).isEqualTo("向出借馆申请 Request from lender · 复旦大学图书馆");
        // the form shows authors and ISBN: a request from the portal carries them too, not only the staff start form
        assertThat(variable(request, VAR_AUTHORS)).isEqualTo("王, 家范");
        assertThat(variable(request, VAR_ISBN)).isEqualTo(request.getIsbn()).isNotNull();
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.REQUESTED);
        assertThat(reload(request).getLenderCode()).isEqualTo("FUDAN");
        assertThat(task(request, TASK_RECEIVE_BOOK).getName()).isEqualTo("收书 Receive book · 复旦大学图书馆");

        complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, RECEIVED));
        LoanRequest arrived = reload(request);
        assertThat(arrived.getStatus()).isEqualTo(LoanStatus.SATISFIED);
        assertThat(arrived.getBorrowingFee()).isEqualByComparingTo("0.00");
        assertThat(arrived.getPickupDeadline()).isEqualTo(shanghai("2026-03-10T00:00"));
        assertThat(instance).isWaitingAt(TASK_NOTIFY_READY_FOR_PICKUP);
        runJobs(request);
        assertThat(mailsAbout(request)).singleElement().satisfies(mail -> {
            assertThat(MailText.to(mail)).contains(LI_MING_EMAIL);
            assertThat(MailText.subject(mail)).isEqualTo("您申请的图书已到馆，请到流通台取书：" + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("2026-03-09", "流通台", "证件", "复旦大学图书馆");
        });

        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
        LoanRequest onLoan = reload(request);
        assertThat(onLoan.getStatus()).isEqualTo(LoanStatus.ON_LOAN);
        assertThat(onLoan.getDueDate()).isEqualTo(LocalDate.parse("2026-03-29"));
        assertThat(instance).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
        assertThat(timerDue(request, EVENT_DUE_SOON)).isEqualTo(shanghai("2026-03-26T00:00"));
        assertThat(timerDue(request, EVENT_OVERDUE)).isEqualTo(shanghai("2026-03-30T00:00"));

        // the reminder, three days before the due date
        clockAt("2026-03-25T23:00");
        runJobs(request);
        assertThat(mailsAbout(request)).hasSize(1);
        clockAt("2026-03-26T08:00");
        runJobs(request);
        assertThat(mailsAbout(request)).hasSize(2).last().satisfies(mail -> {
            assertThat(MailText.subject(mail)).isEqualTo("您借的书即将到期：" + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("2026-03-29");
        });

        // the patron renews once; staff ask Fudan, which grants 30 more days
        requests.renew(request.getRequestNumber(), LI_MING, false);
        assertThat(reload(request).isRenewalPending()).isTrue();
        assertThat(task(request, TASK_ASK_LENDER_FOR_RENEWAL).getName()).isEqualTo("向出借馆申请续借 Ask lender for renewal · 复旦大学图书馆");
        assertThat(variable(request, VAR_NEW_DUE_DATE)).isEqualTo("2026-04-28");
        complete(request, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, GRANTED,
                VAR_NEW_DUE_DATE, "2026-04-28"));
        LoanRequest renewed = reload(request);
        assertThat(renewed.getDueDate()).isEqualTo(LocalDate.parse("2026-04-28"));
        assertThat(renewed.getRenewalsUsed()).isEqualTo(1);
        assertThat(renewed.isRenewalPending()).isFalse();
        assertThat(timerDue(request, EVENT_DUE_SOON)).isEqualTo(shanghai("2026-04-25T00:00"));
        assertThat(timerDue(request, EVENT_OVERDUE)).isEqualTo(shanghai("2026-04-29T00:00"));
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail ->
                assertThat(MailText.subject(mail)).isEqualTo("续借成功，新的应还日期：2026-04-28（"
                        + request.getRequestNumber() + "）"));
        assertThatThrownBy(() -> requests.renew(request.getRequestNumber(), LI_MING, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("allows 1 renewal");

        // a second reminder for the new due date, then (clock moved) the overdue notice
        clockAt("2026-04-25T08:00");
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail ->
                assertThat(MailText.body(mail)).contains("2026-04-28"));
        clockAt("2026-04-29T08:00");
        runJobs(request);
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.OVERDUE);
        assertThat(mailsAbout(request)).last().satisfies(mail -> {
            assertThat(MailText.subject(mail)).isEqualTo("您借的书已逾期，请尽快归还：" + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("2026-04-28", "0.50");
        });

        // the patron returns it a day late: 1 day, 0.50; staff post it back to Fudan
        clockAt("2026-04-29T10:00");
        complete(request, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        LoanRequest returned = reload(request);
        assertThat(returned.getStatus()).isEqualTo(LoanStatus.RETURNED);
        assertThat(returned.getOverdueDays()).isEqualTo(1);
        assertThat(returned.getOverdueFee()).isEqualByComparingTo("0.50");
        assertThat(managementService.createJobQuery().processInstanceId(request.getProcessInstanceId()).timers()
                .count()).as("no timer outlives the loan").isZero();
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail -> {
            assertThat(MailText.subject(mail)).isEqualTo("图书已归还：" + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("0.50");
        });
        assertThat(task(request, TASK_RETURN_TO_LENDER).getName()).isEqualTo("寄还出借馆 Return to lender · 复旦大学图书馆");
        assertThat(variable(request, VAR_SHIPPING_COST)).isEqualTo(15.0);
        complete(request, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, 15.0, VAR_TRACKING_NUMBER, "SF1234567890"));

        assertThat(instance).isEnded().hasPassedInOrder(TASK_REQUEST_FROM_LENDER, TASK_RECEIVE_BOOK,
                TASK_LEND_TO_PATRON, TASK_SEND_DUE_REMINDER, TASK_RECORD_RENEWAL, TASK_SEND_OVERDUE_NOTICE,
                TASK_CHECK_IN_RETURNED_BOOK, TASK_RETURN_TO_LENDER, END_SENT_BACK);
        LoanRequest completed = reload(request);
        assertThat(completed.getStatus()).isEqualTo(LoanStatus.COMPLETED);
        assertThat(completed.getShippingCost()).isEqualByComparingTo("15.00");
        assertThat(completed.getSentBackAt()).isEqualTo(shanghai("2026-04-29T10:00"));
        assertThat(events(request)).containsSubsequence("SUBMITTED", "LENDERS_RANKED", "LENDER_TRY", "REQUESTED",
                "SATISFIED", "NOTIFIED", "CHECKED_OUT", "NOTIFIED", "RENEWAL_REQUESTED", "RENEWED", "NOTIFIED",
                "NOTIFIED", "OVERDUE", "NOTIFIED", "RETURNED", "NOTIFIED", "SENT_BACK");
        assertThat(requests.timelineOf(request)).filteredOn(e -> e.getEvent().equals("CHECKED_OUT")).singleElement()
                .satisfies(e -> assertThat(e.getActor()).isEqualTo(ILL_STAFF));
    }

    // ---- timers ----------------------------------------------------------------------------------------------

    @Test
    void aBookNotCollectedByTheLastPickupDayGoesBackToTheLender() {
        LoanRequest request = satisfied(EMMA);
        ProcessInstance instance = running(request);
        assertThat(mailsAbout(request)).singleElement().satisfies(mail -> {
            assertThat(MailText.subject(mail)).isEqualTo("Your book has arrived - collect it at the circulation desk: "
                    + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("2026-03-09", "ID card", "Fudan University Library");
        });

        clockAt("2026-03-09T20:00");
        runJobs(request);
        assertThat(instance).isWaitingAt(TASK_LEND_TO_PATRON);
        clockAt("2026-03-10T00:05");
        runJobs(request);

        assertThat(instance).hasPassed(EVENT_PICKUP_DEADLINE, TASK_RECORD_NOT_COLLECTED, END_NOT_COLLECTED,
                TASK_NOTIFY_NOT_COLLECTED).isWaitingAt(TASK_RETURN_TO_LENDER);
        LoanRequest notCollected = reload(request);
        assertThat(notCollected.getStatus()).isEqualTo(LoanStatus.CANCELLED);
        assertThat(notCollected.getStatusReason()).contains("not collected");
        assertThat(mailsAbout(request)).last().satisfies(mail ->
                assertThat(MailText.subject(mail)).startsWith("Your book was not collected"));
        assertThatThrownBy(() -> requests.cancel(request.getRequestNumber(), EMMA, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("can no longer be cancelled");

        complete(request, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, 15.0));
        assertThat(instance).isEnded().hasPassed(END_SENT_BACK);
        LoanRequest sentBack = reload(request);
        assertThat(sentBack.getStatus()).isEqualTo(LoanStatus.CANCELLED);
        assertThat(sentBack.getSentBackAt()).isNotNull();
        assertThat(sentBack.getCheckedOutAt()).isNull();
        assertThat(events(request)).containsSubsequence("SATISFIED", "NOT_COLLECTED", "NOTIFIED", "SENT_BACK");
    }

    @Test
    void theReminderAndTwoWeeklyOverdueNoticesFollowTheClockUntilTheBookIsBack() {
        LoanRequest request = lent(LI_MING);
        support.purgeMail();

        clockAt("2026-03-26T00:01");
        runJobs(request);
        assertThat(mailsAbout(request)).singleElement().satisfies(mail ->
                assertThat(MailText.subject(mail)).startsWith("您借的书即将到期"));
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.ON_LOAN);

        // the due date (29 March) ends: the first overdue notice
        clockAt("2026-03-29T23:59");
        runJobs(request);
        assertThat(mailsAbout(request)).hasSize(1);
        clockAt("2026-03-30T00:01");
        runJobs(request);
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.OVERDUE);
        assertThat(mailsAbout(request)).hasSize(2).last().satisfies(mail ->
                assertThat(MailText.subject(mail)).startsWith("您借的书已逾期"));
        assertThat(timerDue(request, EVENT_OVERDUE)).isEqualTo(shanghai("2026-04-06T00:00"));

        // a week later: the second
        clockAt("2026-04-06T00:01");
        runJobs(request);
        assertThat(mailsAbout(request)).hasSize(3).last().satisfies(mail ->
                assertThat(MailText.body(mail)).contains("已逾期 <strong>8</strong> 天", "4.00"));
        assertThat(reload(request).getOverdueNotices()).isEqualTo(2);
        assertThat(timerDue(request, EVENT_OVERDUE)).isEqualTo(shanghai("2026-04-13T00:00"));
        assertThat(events(request)).filteredOn("OVERDUE"::equals).hasSize(2);

        // too late to renew
        assertThatThrownBy(() -> requests.renew(request.getRequestNumber(), LI_MING, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("due date has passed");

        clockAt("2026-04-07T15:00");
        complete(request, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, "true"));
        LoanRequest returned = reload(request);
        assertThat(returned.getOverdueDays()).isEqualTo(9);
        assertThat(returned.getOverdueFee()).isEqualByComparingTo("4.50");
        assertThat(managementService.createJobQuery().processInstanceId(request.getProcessInstanceId()).timers()
                .count()).isZero();
        assertThat(running(request)).hasPassed(END_RETURNED).isWaitingAt(TASK_NOTIFY_RETURNED);
        assertThatThrownBy(() -> requests.renew(request.getRequestNumber(), LI_MING, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("has been returned");
    }

    @Test
    void aRefusedRenewalKeepsTheDueDateAndAGrantedOneMovesEveryTimer() {
        LoanRequest request = lent(EMMA);
        Task checkIn = task(request, TASK_CHECK_IN_RETURNED_BOOK);

        requests.renew(request.getRequestNumber(), EMMA, false);
        assertThatThrownBy(() -> requests.renew(request.getRequestNumber(), EMMA, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("already being asked");
        complete(request, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, REFUSED,
                VAR_RENEWAL_REFUSAL_REASON, "another reader is waiting for it"));
        assertThat(running(request)).hasPassed(TASK_RECORD_RENEWAL_REFUSED).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail -> {
            assertThat(MailText.subject(mail))
                    .isEqualTo("Renewal refused by the lender: " + request.getRequestNumber());
            assertThat(MailText.body(mail)).contains("2026-03-29");
        });
        LoanRequest refused = reload(request);
        assertThat(refused.getDueDate()).isEqualTo(LocalDate.parse("2026-03-29"));
        assertThat(refused.getRenewalsUsed()).isZero();
        assertThat(refused.isRenewalPending()).isFalse();
        assertThat(task(request, TASK_CHECK_IN_RETURNED_BOOK).getId()).isEqualTo(checkIn.getId());
        assertThat(timerDue(request, EVENT_DUE_SOON)).isEqualTo(shanghai("2026-03-26T00:00"));

        // asked again, the lender grants it until 20 April; staff must give a date after the current one
        requests.renew(request.getRequestNumber(), EMMA, false);
        assertThatThrownBy(() -> complete(request, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, GRANTED,
                VAR_NEW_DUE_DATE, "2026-03-20"))).hasMessageContaining("after 2026-03-29");
        assertThatThrownBy(() -> complete(request, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, "maybe")))
                .hasMessageContaining("granted or refused");
        complete(request, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, GRANTED,
                VAR_NEW_DUE_DATE, "2026-04-20T00:00:00"));
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-04-20"));
        assertThat(timerDue(request, EVENT_DUE_SOON)).isEqualTo(shanghai("2026-04-17T00:00"));
        assertThat(timerDue(request, EVENT_OVERDUE)).isEqualTo(shanghai("2026-04-21T00:00"));
        assertThat(running(request)).hasPassed(EVENT_RENEWED, GATEWAY_AFTER_RENEWAL)
                .isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK, TASK_NOTIFY_RENEWED);
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail ->
                assertThat(MailText.subject(mail)).isEqualTo("Renewed - your book is now due on 2026-04-20: "
                        + request.getRequestNumber()));

        // the old dates no longer fire anything
        int mails = mailsAbout(request).size();
        clockAt("2026-03-30T08:00");
        runJobs(request);
        assertThat(mailsAbout(request)).hasSize(mails);
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.ON_LOAN);
        clockAt("2026-04-17T08:00");
        runJobs(request);
        assertThat(mailsAbout(request)).hasSize(mails + 1).last().satisfies(mail ->
                assertThat(MailText.subject(mail)).isEqualTo("Your book is due soon: " + request.getRequestNumber()));

        // Fudan allows one renewal
        assertThatThrownBy(() -> requests.renew(request.getRequestNumber(), EMMA, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("allows 1 renewal");
        assertThat(events(request)).containsSubsequence("RENEWAL_REQUESTED", "RENEWAL_REFUSED", "RENEWAL_REQUESTED",
                "RENEWED");
    }

    @Test
    void aRecallBringsTheDueDateForwardDropsAPendingRenewalAndTheTimersFollow() {
        LoanRequest request = lent(LI_MING);
        assertThatThrownBy(() -> requests.recall(request.getRequestNumber(), ILL_STAFF,
                LocalDate.parse("2026-03-29"), null)).isInstanceOf(ApiRefusal.class)
                .hasMessageContaining("before the current due date");
        assertThatThrownBy(() -> requests.recall(request.getRequestNumber(), ILL_STAFF,
                LocalDate.parse("2026-03-01"), null)).isInstanceOf(ApiRefusal.class);
        requests.renew(request.getRequestNumber(), LI_MING, false);
        assertThat(task(request, TASK_ASK_LENDER_FOR_RENEWAL)).isNotNull();

        clockAt("2026-03-04T09:00");
        requests.recall(request.getRequestNumber(), ILL_STAFF, LocalDate.parse("2026-03-10"),
                "needed for an exhibition");

        assertThat(running(request)).hasPassed(EVENT_RECALLED, TASK_RECORD_RECALL, GATEWAY_AFTER_RECALL)
                .isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK, TASK_NOTIFY_RECALLED);
        assertThat(task(request, TASK_ASK_LENDER_FOR_RENEWAL)).isNull();
        LoanRequest recalled = reload(request);
        assertThat(recalled.getDueDate()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(recalled.isRenewalPending()).isFalse();
        assertThat(recalled.getStatusReason()).isEqualTo("needed for an exhibition");
        assertThat(timerDue(request, EVENT_DUE_SOON)).isEqualTo(shanghai("2026-03-07T00:00"));
        assertThat(timerDue(request, EVENT_OVERDUE)).isEqualTo(shanghai("2026-03-11T00:00"));
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail ->
                assertThat(MailText.subject(mail)).isEqualTo("出借馆召回图书，请于 2026-03-10 前归还："
                        + request.getRequestNumber()));
        assertThat(requests.timelineOf(request)).filteredOn(e -> e.getEvent().equals("RECALLED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo(ILL_STAFF);
                    assertThat(e.getDetail()).contains("2026-03-29 → 2026-03-10", "pending renewal dropped");
                });

        clockAt("2026-03-07T07:00");
        runJobs(request);
        assertThat(mailsAbout(request)).last().satisfies(mail -> {
            assertThat(MailText.subject(mail)).startsWith("您借的书即将到期");
            assertThat(MailText.body(mail)).contains("2026-03-10");
        });
        clockAt("2026-03-11T07:00");
        runJobs(request);
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.OVERDUE);
        assertThatThrownBy(() -> requests.recall(request.getRequestNumber(), ILL_STAFF,
                LocalDate.parse("2026-03-12"), null)).isInstanceOf(ApiRefusal.class);
    }

    // ---- lenders, holdings, cancellation ---------------------------------------------------------------------

    @Test
    void lendersAreAskedCheapestFirstAndWhenSkippedLateOrUnableTheNextOneUntilNoneIsLeft() {
        LoanRequest request = submitted(requests.submit(LoanTestData.book(), LI_MING));
        ProcessInstance instance = running(request);
        assertThat(events(request)).contains("LENDERS_RANKED");
        assertThat(requests.timelineOf(request)).filteredOn(e -> e.getEvent().equals("LENDERS_RANKED"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).isEqualTo("FUDAN,SJTU,NLC,SHL,CALIS"));

        assertThatThrownBy(() -> complete(request, TASK_REQUEST_FROM_LENDER, Map.of()))
                .hasMessageContaining("requested or skip");
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, SKIP));
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("SJTU");
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        // SJTU promises 3 working days: Thursday 10:00
        assertThat(timerDue(request, EVENT_LENDER_TIMEOUT)).isEqualTo(shanghai("2026-03-05T10:00"));
        clockAt("2026-03-05T09:00");
        runJobs(request);
        assertThat(instance).isWaitingAt(TASK_RECEIVE_BOOK);
        clockAt("2026-03-05T10:30");
        runJobs(request);
        assertThat(instance).hasPassed(EVENT_LENDER_TIMEOUT, TASK_RECORD_LENDER_TIMEOUT)
                .isWaitingAt(TASK_REQUEST_FROM_LENDER);
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("NLC");
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.SUBMITTED);

        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        assertThatThrownBy(() -> complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, UNFILLED)))
                .hasMessageContaining("reason");
        complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, UNFILLED,
                VAR_UNFILLED_REASON, "on loan to a reader of our own"));
        assertThat(instance).hasPassed(TASK_RECORD_LENDER_UNFILLED).isWaitingAt(TASK_REQUEST_FROM_LENDER);
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("SHL");
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, SKIP));
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("CALIS");
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, SKIP));

        assertThat(instance).hasPassed(TASK_RECORD_UNFILLED).isWaitingAt(TASK_NOTIFY_UNFILLED);
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.UNFILLED);
        runJobs(request);
        assertThat(instance).isEnded().hasPassed(END_UNFILLED, END_CLOSED);
        assertThat(mailsAbout(request)).singleElement().satisfies(mail ->
                assertThat(MailText.subject(mail)).startsWith("很抱歉，未能借到您申请的图书"));
        assertThat(events(request)).containsSubsequence("SKIPPED", "REQUESTED", "LENDER_TIMEOUT", "REQUESTED",
                "LENDER_UNFILLED", "SKIPPED", "SKIPPED", "UNFILLED", "NOTIFIED");
        assertThat(requests.timelineOf(request)).filteredOn(e -> e.getEvent().equals("LENDER_UNFILLED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getLenderCode()).isEqualTo("NLC");
                    assertThat(e.getActor()).isEqualTo(ILL_STAFF);
                });
    }

    @Test
    void aBookTheLibraryHoldsIsAnsweredWithItsCallNumberAndStaffMayBorrowItAnyway() {
        BookRequestForm pearls = LoanTestData.book();
        pearls.setTitle("Programming pearls");
        pearls.setIsbn(LoanTestData.HELD_ISBN);
        LoanRequest held = submitted(requests.submit(pearls, EMMA));
        ProcessInstance heldInstance = running(held);
        assertThat(reload(held).getStatus()).isEqualTo(LoanStatus.HELD_LOCALLY);
        assertThat(reload(held).getHoldingInfo()).contains("QA76.6").contains("Main Library");
        runJobs(held);
        assertThat(mailsAbout(held)).singleElement().satisfies(mail -> {
            assertThat(MailText.subject(mail)).startsWith("The library already has your book");
            assertThat(MailText.body(mail)).contains("QA76.6");
        });
        assertThat(heldInstance).isWaitingAt(TASK_CONFIRM_LOCAL_HOLDING);
        assertThatThrownBy(() -> complete(held, TASK_CONFIRM_LOCAL_HOLDING, Map.of()))
                .hasMessageContaining("available");
        complete(held, TASK_CONFIRM_LOCAL_HOLDING, Map.of(VAR_HOLDING_ACCESSIBLE, true));
        assertThat(heldInstance).isEnded().hasPassed(END_HELD_LOCALLY, END_CLOSED);
        assertThat(reload(held).getStatus()).isEqualTo(LoanStatus.HELD_LOCALLY);

        // the library's copy is lost: staff borrow it anyway
        LoanRequest override = submitted(requests.submit(pearls, LI_MING));
        runJobs(override);
        complete(override, TASK_CONFIRM_LOCAL_HOLDING, Map.of(VAR_HOLDING_ACCESSIBLE, "false"));
        assertThat(running(override)).hasPassed(TASK_RANK_LENDERS).isWaitingAt(TASK_REQUEST_FROM_LENDER);
        assertThat(reload(override).getStatus()).isEqualTo(LoanStatus.SUBMITTED);
        assertThat(events(override)).containsSubsequence("HELD_LOCALLY", "NOTIFIED", "HOLDING_NOT_AVAILABLE",
                "LENDERS_RANKED");
    }

    @Test
    void thePatronMayCancelUntilCheckOutAndStaffThenDoWhatTheBooksWhereaboutsNeed() {
        // before any lender was asked: nothing else to do
        LoanRequest early = submitted(requests.submit(LoanTestData.book(), LI_MING));
        requests.cancel(early.getRequestNumber(), LI_MING, false);
        assertThat(instanceOf(early)).isNull();
        assertThat(reload(early).getStatus()).isEqualTo(LoanStatus.CANCELLED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(early.getProcessInstanceId())
                .activityId(END_CANCELLED).count()).isEqualTo(1);
        assertThat(requests.timelineOf(reload(early))).last().satisfies(e -> {
            assertThat(e.getEvent()).isEqualTo("CANCELLED");
            assertThat(e.getActor()).isEqualTo(LI_MING);
        });

        // the lender was asked: staff withdraw the request there
        LoanRequest asked = submitted(requests.submit(LoanTestData.book(), LI_MING));
        complete(asked, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        requests.cancel(asked.getRequestNumber(), LI_MING, false);
        assertThat(task(asked, TASK_WITHDRAW_FROM_LENDER).getName()).isEqualTo("向出借馆撤回申请 Withdraw request from lender · 复旦大学图书馆");
        assertThatThrownBy(() -> complete(asked, TASK_WITHDRAW_FROM_LENDER, Map.of(VAR_LENDER_TOLD, false)))
                .hasMessageContaining("lender was told");
        complete(asked, TASK_WITHDRAW_FROM_LENDER, Map.of(VAR_LENDER_TOLD, true));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(asked.getProcessInstanceId())
                .activityId(END_WITHDRAWN).count()).isEqualTo(1);
        assertThat(events(asked)).containsSubsequence("REQUESTED", "CANCELLED", "WITHDRAWN");

        // the book is at the desk: staff (for the patron) cancel and it goes back
        LoanRequest waiting = satisfied(LI_MING);
        requests.cancel(waiting.getRequestNumber(), ILL_STAFF, true);
        assertThat(running(waiting)).hasPassed(TASK_RECORD_CANCELLATION, GATEWAY_BOOK_GOES_BACK)
                .isWaitingAt(TASK_RETURN_TO_LENDER);
        complete(waiting, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, 12.5));
        LoanRequest back = reload(waiting);
        assertThat(back.getStatus()).isEqualTo(LoanStatus.CANCELLED);
        assertThat(back.getShippingCost()).isEqualByComparingTo("12.50");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(waiting.getProcessInstanceId())
                .singleResult().getEndTime()).isNotNull();

        // after check-out it is too late, and someone else's loan cannot even be found
        LoanRequest onLoan = lent(LI_MING);
        assertThatThrownBy(() -> requests.cancel(onLoan.getRequestNumber(), LI_MING, false))
                .isInstanceOf(ApiRefusal.class).hasMessageContaining("can no longer be cancelled")
                .satisfies(e -> assertThat(((ApiRefusal) e).getStatus()).isEqualTo(409));
        assertThatThrownBy(() -> requests.cancel(onLoan.getRequestNumber(), EMMA, false))
                .isInstanceOf(ApiRefusal.class).satisfies(e -> assertThat(((ApiRefusal) e).getStatus()).isEqualTo(404));
        assertThatThrownBy(() -> requests.renew(onLoan.getRequestNumber(), EMMA, false))
                .isInstanceOf(ApiRefusal.class).satisfies(e -> assertThat(((ApiRefusal) e).getStatus()).isEqualTo(404));
        assertThat(running(onLoan)).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
    }

    /** The patron cancels: the status the request is left in, or the refusal (status and message key). */
    private String cancelAsPatron(LoanRequest request) {
        try {
            requests.cancel(request.getRequestNumber(), request.getPatronCardNumber(), false);
            return reload(request).getStatus().name();
        } catch (ApiRefusal refused) {
            return refused.getStatus() + " " + refused.getMessageKey();
        }
    }

    private LoanRequest skippedByEveryLender(LoanRequest request) {
        while (task(request, TASK_REQUEST_FROM_LENDER) != null) {
            complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, SKIP));
        }
        return request;
    }

    @Test
    void everyStatusEitherTakesTheCancelOrAnswers409AndNeverAnEngineError() {
        BookRequestForm pearls = LoanTestData.book();
        pearls.setTitle("Programming pearls");
        pearls.setIsbn(LoanTestData.HELD_ISBN);
        Map<String, LoanRequest> requestIn = new LinkedHashMap<>();
        requestIn.put("SUBMITTED, checks not run yet", requests.submit(LoanTestData.book(), LI_MING));
        requestIn.put("SUBMITTED", submitted(requests.submit(LoanTestData.book(), LI_MING)));
        requestIn.put("HELD_LOCALLY, staff to confirm", submitted(requests.submit(pearls, LI_MING)));
        LoanRequest confirmed = submitted(requests.submit(pearls, LI_MING));
        runJobs(confirmed);
        complete(confirmed, TASK_CONFIRM_LOCAL_HOLDING, Map.of(VAR_HOLDING_ACCESSIBLE, true));
        requestIn.put("HELD_LOCALLY, confirmed and ended", confirmed);
        LoanRequest asked = submitted(requests.submit(LoanTestData.book(), LI_MING));
        complete(asked, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        requestIn.put("REQUESTED", asked);
        requestIn.put("SATISFIED", satisfied(LI_MING));
        requestIn.put("ON_LOAN", lent(LI_MING));
        LoanRequest overdue = lent(LI_MING);
        clockAt("2026-03-30T00:01");
        runJobs(overdue);
        requestIn.put("OVERDUE", overdue);
        clockAt("2026-03-02T10:00");
        LoanRequest returned = lent(LI_MING);
        complete(returned, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        requestIn.put("RETURNED", returned);
        LoanRequest completed = lent(LI_MING);
        complete(completed, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        runJobs(completed);
        complete(completed, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, 15.0));
        requestIn.put("COMPLETED", completed);
        requestIn.put("UNFILLED", skippedByEveryLender(submitted(requests.submit(LoanTestData.book(), LI_MING))));
        LoanRequest cancelled = submitted(requests.submit(LoanTestData.book(), LI_MING));
        requests.cancel(cancelled.getRequestNumber(), LI_MING, false);
        requestIn.put("CANCELLED", cancelled);
        LoanRequest notCollected = satisfied(LI_MING);
        clockAt("2026-03-10T00:05");
        runJobs(notCollected);
        requestIn.put("CANCELLED, not collected", notCollected);
        assertThat(requestIn).allSatisfy((label, request) -> assertThat(reload(request).getStatus().name())
                .as(label).isEqualTo(label.split(",")[0]));

        Map<String, String> firstCancel = new LinkedHashMap<>();
        Map<String, String> secondCancel = new LinkedHashMap<>();
        requestIn.forEach((label, request) -> {
            firstCancel.put(label, cancelAsPatron(request));
            secondCancel.put(label, cancelAsPatron(request));
        });

        String tooLate = "409 loan.cancel.tooLate";
        assertThat(firstCancel).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SUBMITTED, checks not run yet", "CANCELLED"),
                Map.entry("SUBMITTED", "CANCELLED"),
                Map.entry("HELD_LOCALLY, staff to confirm", "CANCELLED"),
                Map.entry("HELD_LOCALLY, confirmed and ended", "409 request.cancel.closed"),
                Map.entry("REQUESTED", "CANCELLED"),
                Map.entry("SATISFIED", "CANCELLED"),
                Map.entry("ON_LOAN", tooLate),
                Map.entry("OVERDUE", tooLate),
                Map.entry("RETURNED", tooLate),
                Map.entry("COMPLETED", tooLate),
                Map.entry("UNFILLED", tooLate),
                Map.entry("CANCELLED", tooLate),
                Map.entry("CANCELLED, not collected", tooLate)));
        assertThat(secondCancel.values()).allMatch(outcome -> outcome.startsWith("409 "));
        // the record says what may still be cancelled, and the ended request says so too
        assertThat(reload(confirmed).isCancellable()).isFalse();
        assertThat(reload(confirmed).getClosedAt()).isNotNull();
        assertThat(requestIn.values()).allSatisfy(request -> assertThat(reload(request).isCancellable()).isFalse());
    }

    // ---- staff ------------------------------------------------------------------------------------------------

    @Test
    void onlyInterLibraryLoanStaffSeeTheTasksAndTheyMustAnswerTheFormsFully() {
        LoanRequest request = satisfied(LI_MING);
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        try {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber()).count())
                    .isZero();
            assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_LEND_TO_PATRON).count()).isZero();
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication(ILL_STAFF, List.of(IllflowGroups.ILL_STAFF));
        try {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber()).list())
                    .singleElement()
                    .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo(TASK_LEND_TO_PATRON));
        } finally {
            identityService.clearAuthentication();
        }

        assertThatThrownBy(() -> complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, false)))
                .hasMessageContaining("ID card");
        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, "true"));
        assertThatThrownBy(() -> complete(request, TASK_CHECK_IN_RETURNED_BOOK, Map.of()))
                .hasMessageContaining("book is back");
        complete(request, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        runJobs(request);
        assertThatThrownBy(() -> complete(request, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, -1)))
                .hasMessageContaining("shipping");
        assertThatThrownBy(() -> complete(request, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, "free")))
                .hasMessageContaining("shipping");
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.RETURNED);
        assertThat(reload(request).getOverdueDays()).isZero();
    }

    @Test
    void staffEnterABookRequestForARegisteredPatronFromTasklistAndBadInputStoresNothing() throws IOException {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        try (InputStream form = formService.getDeployedStartForm(definition)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"EnterLoanRequestForm\"",
                    "\"patronCardNumber\"", "\"isbn\"");
        }
        ProcessInstance instance = startAsStaff(startForm(LI_MING));
        assertThat(instance).isWaitingAt(TASK_REQUEST_FROM_LENDER);
        String number = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
        LoanRequest entered = requests.visibleTo(number, LI_MING, false);
        assertThat(entered.getSubmittedBy()).isEqualTo(ILL_STAFF);
        assertThat(entered.getIsbn()).isEqualTo(LoanTestData.isbn13("753259123"));
        assertThat(entered.getPatronType()).isEqualTo("PHD_STUDENT");
        assertThat(requests.mine(LI_MING)).extracting(LoanRequest::getRequestNumber).contains(number);

        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        long stored = requests.mine(LI_MING).size();
        Map<String, Object> badIsbn = startForm(LI_MING);
        badIsbn.put("isbn", "978-7-5053-9013-0");
        // Tasklist shows the refusal as it is: the field and its rule, in Chinese and then in English
        assertThatThrownBy(() -> startAsStaff(badIsbn)).hasMessageContaining("ISBN（isbn）：ISBN 无效：应为 10 位或 13 位"
                + "（如 978-7-5053-9013-3），且最后一位校验位须正确。 / ISBN: This is not a valid ISBN: 10 or 13 digits");
        assertThatThrownBy(() -> startAsStaff(startForm("NOSUCH99"))).hasMessageContaining("No patron");
        Map<String, Object> noTitle = startForm(LI_MING);
        noTitle.remove("title");
        assertThatThrownBy(() -> startAsStaff(noTitle))
                .hasMessageContaining("书名（title）：请填写书名 / Title: Please give the title of the book");
        Map<String, Object> notAYear = startForm(LI_MING);
        notAYear.put("year", "二〇二四");
        assertThatThrownBy(() -> startAsStaff(notAYear))
                .hasMessageContaining("出版年（year）：应为数字（二〇二四） / Year: not a number (二〇二四)");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
        assertThat(requests.mine(LI_MING)).hasSize((int) stored);
    }

    @Test
    void aPatronWhoseAccountIsNotActiveIsToldAndNothingIsBorrowed() {
        RegistrationForm form = new RegistrationForm();
        form.setName("待审核读者");
        form.setCardNumber("L" + (System.nanoTime() % 100000000));
        form.setEmail("pending-loan-" + System.nanoTime() + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.MASTER_STUDENT);
        form.setCollege("历史学院");
        form.setLanguage("zh");
        form.setPassword("pending2026");
        form.setPasswordConfirmation("pending2026");
        registration.register(form);

        assertThatThrownBy(() -> requests.submit(LoanTestData.book(), form.getCardNumber()))
                .isInstanceOf(ApiRefusal.class).satisfies(e -> assertThat(((ApiRefusal) e).getStatus()).isEqualTo(403));
        ProcessInstance instance = startAsStaff(startForm(form.getCardNumber()));
        assertThat(instance).hasPassed(TASK_RECORD_REQUEST, EVENT_PATRON_NOT_ACTIVE, TASK_REJECT_REQUEST)
                .isWaitingAt(TASK_NOTIFY_REJECTED);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .singleResult().getId());
        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        String number = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey();
        LoanRequest rejected = requests.visibleTo(number, ILL_STAFF, true);
        assertThat(rejected.getStatus()).as("ends as in document delivery").isEqualTo(LoanStatus.REJECTED);
        assertThat(rejected.getStatusReason()).isEqualTo("patron account not active");
        assertThat(support.mails()).filteredOn(m -> MailText.to(m).contains(form.getEmail())
                && MailText.subject(m).contains(number)).singleElement()
                .satisfies(m -> assertThat(MailText.subject(m)).startsWith("您的借书申请未能受理"));
    }

    private ProcessInstance startAsStaff(Map<String, Object> startForm) {
        identityService.setAuthentication(ILL_STAFF, List.of(IllflowGroups.ILL_STAFF));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(KEY, startForm);
        } finally {
            identityService.clearAuthentication();
        }
        support.passSavePointOf(instance.getId());
        return instance;
    }

    private static Map<String, Object> startForm(String card) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(VAR_PATRON, card);
        vars.put("title", "Requested by phone " + System.nanoTime());
        vars.put("authors", "Fei, Xiaotong");
        vars.put("isbn", LoanTestData.isbn13("753259123"));
        vars.put("publisher", "上海人民出版社");
        vars.put("year", 2019L);
        vars.put("edition", "1");
        vars.put("subjectArea", "HSS");
        vars.put("language", "zh");
        return vars;
    }
}
