package org.illflow.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.lending.LendingFixture.*;
import static org.illflow.lending.LendingProcess.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.support.IllflowTest;
import org.illflow.support.TableCounts;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/lending.bpmn driven as a partner library drives it: its messages go to {@code POST /iso18626}, staff
 * complete the tasks, timers fire by moving the engine clock (Monday 2 March 2026, 10:00 in Shanghai). What this
 * library answers is read from the message log, in order.
 */
@IllflowTest
class LendingProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;

    LendingFixture partner;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        clockAt("2026-03-02T10:00");
        partner = new LendingFixture(support, jdbc, runtime, tasks, management, identity, peers, settings);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        partner.endAll();
        support.resetClock();
    }

    /** A book request that has reached Task_Decide. */
    private String heldBookAtDecide(String requestId) {
        String number = partner.ask(partner.book(requestId, "三体", HELD_ISBN, ServiceType.Loan));
        assertThat(number).matches("LEND-\\d{4}-\\d{6}");
        partner.runJobs(number);
        assertThat(partner.instance(number)).isWaitingAt(TASK_DECIDE);
        return number;
    }

    /** Decided, pulled and shipped: the book is on loan to the partner, due 13 April. */
    private String onLoan(String requestId) {
        String number = heldBookAtDecide(requestId);
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2026-04-13",
                VAR_SHIPPING_NOTE, "顺丰 SF1234567890"));
        assertThat(partner.instance(number)).isWaitingAt(TASK_AWAIT_RETURN);
        return number;
    }

    private void shipBackAndCheckIn(String requestId, String number) {
        assertThat(partner.send(partner.action(requestId, Action.ShippedReturn, "已寄回")).ok()).isTrue();
        assertThat(partner.instance(number)).isWaitingAt(TASK_CHECK_IN);
        partner.complete(number, TASK_CHECK_IN, Map.of(VAR_BOOK_CHECKED, true));
        assertThat(partner.instance(number)).as("the loan ended").isNull();
    }

    // ------------------------------------------------------------------ the book path

    @Test
    void aBookIsLentReceivedShippedBackAndCheckedInWithEveryMessageSentInOrder() {
        String requestId = requestId();
        String number = partner.ask(partner.book(requestId, "三体", HELD_ISBN, ServiceType.Loan));
        // the request and its process exist together; the holdings check waits for the job executor
        assertThat(partner.instance(number)).isNotNull().isWaitingAt(TASK_CHECK_HOLDINGS);
        assertThat(partner.row(number)).containsEntry("STATUS", "RequestReceived").containsEntry("SERVICE_TYPE", "Loan");
        partner.runJobs(number);
        assertThat(partner.instance(number)).isWaitingAt(TASK_DECIDE);
        assertThat(runtime.getVariable(partner.instance(number).getId(), VAR_HOLDING_INFO).toString()).contains("三体");

        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)");
        // the due date proposed from the lending terms: shipped today + 42 days
        assertThat(runtime.getVariable(partner.instance(number).getId(), VAR_SHIP_DUE_DATE)).isEqualTo("2026-04-13");

        partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2026-04-13", VAR_SHIPPING_NOTE,
                "顺丰 SF1234567890"));
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)", "Loaned (StatusChange)");
        assertThat(partner.lastSentXml(number)).contains("<ill:dueDate>2026-04-13T16:00:00", "顺丰 SF1234567890");
        assertThat(partner.row(number)).containsEntry("STATUS", "Loaned").containsEntry("DUE_DATE",
                java.sql.Date.valueOf(LocalDate.of(2026, 4, 13)));

        Confirmation received = partner.send(partner.action(requestId, Action.Received, "收到，谢谢"));
        assertThat(received.ok()).isTrue();
        assertThat(received.action()).isEqualTo(Action.Received);
        assertThat(partner.row(number).get("RECEIVED_AT")).isNotNull();
        assertThat(partner.instance(number)).isWaitingAt(TASK_AWAIT_RETURN);

        shipBackAndCheckIn(requestId, number);
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)", "Loaned (StatusChange)",
                "LoanCompleted (StatusChange)");
        assertThat(partner.row(number)).containsEntry("STATUS", "LoanCompleted").containsEntry("OUTCOME",
                "LOAN_COMPLETED");
        assertThat(jdbc.queryForObject("select t.status from iso18626_transaction t join lending_request r on "
                + "r.transaction_id = t.id where r.lending_number = ?", String.class, number)).isEqualTo("LoanCompleted");
    }

    @Test
    void aBookTheLibraryDoesNotHoldIsUnfilledAtOnceWithTheReason() {
        String number = partner.ask(partner.book(requestId(), "江村经济", NOT_HELD_ISBN, ServiceType.Loan));
        partner.runJobs(number);
        assertThat(partner.instance(number)).as("ended without a task").isNull();
        assertThat(partner.sent(number)).containsExactly("Unfilled (RequestResponse)");
        assertThat(partner.lastSentXml(number)).contains("<ill:reasonUnfilled>NotHeld</ill:reasonUnfilled>");
        assertThat(partner.row(number)).containsEntry("OUTCOME", "UNFILLED").containsEntry("UNFILLED_REASON", "NotHeld");
    }

    @Test
    void staffMaySayAHeldBookCannotBeSuppliedWithAReasonAndNoteButNotWithoutAReason() {
        String number = heldBookAtDecide(requestId());
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, UNFILLED)))
                .hasMessageContaining("Choose why");
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, COPY)))
                .as("the partner asked for a loan only").hasMessageContaining("asked for a loan only");
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, "lend")))
                .hasMessageContaining("Choose what to do");
        assertThat(partner.sent(number)).as("nothing sent while the task stays open").isEmpty();
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, UNFILLED, VAR_UNFILLED_REASON, "OnLoan",
                VAR_NOTE, "借出中，四月可借 on loan until April"));
        assertThat(partner.instance(number)).isNull();
        assertThat(partner.sent(number)).containsExactly("Unfilled (RequestResponse)");
        assertThat(partner.lastSentXml(number)).contains("<ill:reasonUnfilled>OnLoan</ill:reasonUnfilled>",
                "四月可借");
    }

    @Test
    void shippingNeedsADueDateAfterTodayAndWithinAYear() {
        String number = heldBookAtDecide(requestId());
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        assertThatThrownBy(() -> partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2026-03-02")))
                .hasMessageContaining("due date");
        assertThatThrownBy(() -> partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2028-01-01")))
                .hasMessageContaining("due date");
        assertThatThrownBy(() -> partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "soon")))
                .hasMessageContaining("due date");
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)");
    }

    // ------------------------------------------------------------------ messages that do not fit

    @Test
    void aMessageThatDoesNotFitTheStateGetsUnsupportedActionTypeAndChangesNothing() {
        String requestId = requestId();
        String number = heldBookAtDecide(requestId);
        for (Action early : new Action[] {Action.Received, Action.ShippedReturn, Action.Renew}) {
            Map<String, Long> before = TableCounts.of(jdbc);
            Confirmation refused = partner.send(partner.action(requestId, early, null));
            assertThat(refused.ok()).as("%s before the book was sent", early).isFalse();
            assertThat(refused.errors().get(0).errorType()).isEqualTo(ErrorType.UnsupportedActionType);
            assertThat(refused.errors().get(0).errorValue()).contains(number, "status RequestReceived");
            Map<String, Long> after = TableCounts.of(jdbc);
            after.computeIfPresent("ISO18626_MESSAGE", (k, v) -> v - 1);
            assertThat(after).as("only the refused message's log row is new").isEqualTo(before);
        }
        assertThat(partner.instance(number)).isWaitingAt(TASK_DECIDE);
        // Lost is not supported by this library at all
        assertThat(partner.send(partner.action(requestId, Action.Lost, null)).errors().get(0).errorType())
                .isEqualTo(ErrorType.UnsupportedActionType);
    }

    @Test
    void aStatusRequestIsAnsweredWithTheStatusLastSentAtAnyTimeAndANotificationIsKept() {
        String requestId = requestId();
        String number = heldBookAtDecide(requestId);
        assertThat(partner.send(partner.action(requestId, Action.StatusRequest, null)).ok()).isTrue();
        assertThat(partner.sent(number)).containsExactly("RequestReceived (StatusRequestResponse)");
        assertThat(partner.send(partner.action(requestId, Action.Notification, "请加急 please hurry")).ok()).isTrue();
        assertThat(jdbc.queryForList("select e.detail from lending_event e join lending_request r on r.id = e.lending_id "
                + "where r.lending_number = ? and e.kind = 'NOTIFICATION'", String.class, number))
                .containsExactly("请加急 please hurry");
    }

    @Test
    void afterTheLoanHasEndedOnlyAStatusRequestFits() {
        String requestId = requestId();
        String number = onLoan(requestId);
        shipBackAndCheckIn(requestId, number);
        Confirmation late = partner.send(partner.action(requestId, Action.Renew, null));
        assertThat(late.ok()).isFalse();
        assertThat(late.errors().get(0).errorValue()).contains("has ended");
        assertThat(partner.send(partner.action(requestId, Action.StatusRequest, null)).ok()).isTrue();
        assertThat(partner.sent(number)).last().isEqualTo("LoanCompleted (StatusRequestResponse)");
    }

    // ------------------------------------------------------------------ retry, copies

    @Test
    void retryPossibleCarriesTheConditionAndTheOfferedCost() {
        String number = heldBookAtDecide(requestId());
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, RETRY,
                VAR_RETRY_REASON, "CostExceedsMaxCost", VAR_RETRY_COST, "四十五"))).hasMessageContaining("amount in CNY");
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, RETRY)))
                .hasMessageContaining("condition");
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, RETRY, VAR_RETRY_REASON, "CostExceedsMaxCost",
                VAR_RETRY_COST, "45.00", VAR_NOTE, "运费另计 shipping extra"));
        assertThat(partner.instance(number)).isNull();
        assertThat(partner.sent(number)).containsExactly("RetryPossible (RequestResponse)");
        assertThat(partner.lastSentXml(number)).contains("<ill:reasonRetry>CostExceedsMaxCost</ill:reasonRetry>",
                "<ill:monetaryValue>45.00</ill:monetaryValue>", "CNY");
        assertThat(partner.row(number)).containsEntry("OUTCOME", "RETRY_POSSIBLE");
    }

    @Autowired LendingCopies copies;
    @Autowired Lending lending;
    @Autowired CopyLinks links;

    @Test
    void aCopyIsScannedAndSentAsALinkThePartnerFetchesUntilItIsUsedUpOrExpires() {
        String requestId = requestId();
        String number = partner.ask(partner.chapter(requestId, HELD_ISBN));
        partner.runJobs(number);
        assertThat(partner.instance(number)).isWaitingAt(TASK_DECIDE);
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN)))
                .hasMessageContaining("asked for a copy only");
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, COPY));
        assertThat(partner.instance(number)).isWaitingAt(TASK_SCAN_AND_SEND);
        assertThatThrownBy(() -> partner.complete(number, TASK_SCAN_AND_SEND, Map.of()))
                .hasMessageContaining("Attach the scanned PDF");
        // another request's document is not this request's scan
        long foreign = copies.attach(lending.byNumber(heldBookAtDecide(requestId())).orElseThrow(),
                org.illflow.archive.Pdfs.pdf(1), ILL_STAFF).id();
        assertThatThrownBy(() -> partner.complete(number, TASK_SCAN_AND_SEND, Map.of(VAR_DOCUMENT_ID, foreign)))
                .hasMessageContaining("Attach the scanned PDF");
        byte[] scan = org.illflow.archive.Pdfs.pdf(3);
        long documentId = copies.attach(lending.byNumber(number).orElseThrow(), scan, ILL_STAFF).id();
        partner.complete(number, TASK_SCAN_AND_SEND, Map.of(VAR_DOCUMENT_ID, documentId));
        assertThat(partner.instance(number)).isNull();
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)", "CopyCompleted (StatusChange)");
        assertThat(partner.row(number)).containsEntry("OUTCOME", "COPY_COMPLETED");

        java.util.regex.Matcher url = java.util.regex.Pattern.compile("<ill:URL>[^<]*(/partner-copies/[A-Za-z0-9_-]{43})</ill:URL>")
                .matcher(partner.lastSentXml(number));
        assertThat(url.find()).as(partner.lastSentXml(number)).isTrue();
        String path = url.group(1);
        String token = path.substring(path.lastIndexOf('/') + 1);
        // the token is in no process variable, no timeline line, and only hashed with the link
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like ?", Long.class,
                "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from lending_event where detail like ?", Long.class,
                "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from lending_copy_link where token_sha256 = ?", Long.class,
                CopyLinks.sha256(token))).isEqualTo(1);

        // no login: the link is the authorisation, five times
        for (int i = 0; i < 5; i++) {
            var response = support.client().get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(response.body()).startsWith("%PDF");
        }
        assertThat(support.client().get(path).statusCode()).as("used up").isEqualTo(410);
        assertThat(support.client().get("/partner-copies/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(support.client().get("/partner-copies/not-a-token").statusCode()).isEqualTo(404);

        // a fresh link expires after 30 days
        String fresh = links.issue(lending.byNumber(number).orElseThrow(), documentId);
        String freshPath = fresh.substring(fresh.indexOf("/partner-copies/"));
        support.moveClock(Duration.ofDays(30).minusMinutes(1));
        assertThat(support.client().get(freshPath).statusCode()).isEqualTo(200);
        support.moveClock(Duration.ofMinutes(2));
        assertThat(support.client().get(freshPath).statusCode()).as("expired").isEqualTo(410);
    }

    // ------------------------------------------------------------------ renewals, overdue, recall

    @Test
    void aRenewalGrantedMovesTheDueDateTheOverdueNoticesFollowItAndALaterOneIsRefused() {
        String requestId = requestId();
        String number = onLoan(requestId);
        assertThat(partner.send(partner.action(requestId, Action.Renew, "还要用两周")).ok()).isTrue();
        assertThat(partner.instance(number)).isWaitingAt(TASK_AWAIT_RETURN, TASK_DECIDE_RENEWAL);
        assertThat(runtime.getVariable(partner.instance(number).getId(), VAR_NEW_DUE_DATE)).isEqualTo("2026-05-11");
        Confirmation twice = partner.send(partner.action(requestId, Action.Renew, null));
        assertThat(twice.ok()).isFalse();
        assertThat(twice.errors().get(0).errorValue()).contains("earlier Renew");
        assertThatThrownBy(() -> partner.complete(number, TASK_DECIDE_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, GRANTED,
                VAR_NEW_DUE_DATE, "2026-04-01"))).hasMessageContaining("new due date");
        partner.complete(number, TASK_DECIDE_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, GRANTED, VAR_NEW_DUE_DATE,
                "2026-05-11"));
        assertThat(partner.sent(number)).last().isEqualTo("Loaned (RenewResponse)");
        assertThat(partner.lastSentXml(number)).contains("<ill:answerYesNo>Y</ill:answerYesNo>",
                "<ill:dueDate>2026-05-11T16:00:00");
        assertThat(partner.row(number)).containsEntry("RENEWALS", 1);
        assertThat(partner.instance(number)).isWaitingAt(TASK_AWAIT_RETURN);

        // the old due date passes without a notice; the new one does not
        clockAt("2026-04-15T10:00");
        partner.runJobs(number);
        assertThat(partner.sent(number)).last().isEqualTo("Loaned (RenewResponse)");
        clockAt("2026-05-12T00:30");
        partner.runJobs(number);
        assertThat(partner.sent(number)).last().isEqualTo("Overdue (StatusChange)");
        support.moveClock(Duration.ofDays(7));
        partner.runJobs(number);
        assertThat(partner.sent(number)).filteredOn("Overdue (StatusChange)"::equals).hasSize(2);

        assertThat(partner.send(partner.action(requestId, Action.Renew, "再续一次")).ok()).isTrue();
        partner.complete(number, TASK_DECIDE_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, REFUSED, VAR_NOTE, "已逾期"));
        assertThat(partner.sent(number)).last().isEqualTo("Overdue (RenewResponse)");
        assertThat(partner.lastSentXml(number)).contains("<ill:answerYesNo>N</ill:answerYesNo>");
        shipBackAndCheckIn(requestId, number);
    }

    @Autowired LendingDesk desk;

    @Test
    void staffRecallABookOnLoanAndThePartnerCanNoLongerRenewIt() {
        String requestId = requestId();
        String number = onLoan(requestId);
        assertThat(desk.recall(lending.byNumber(number).orElseThrow(), ILL_STAFF, "本馆读者急需 needed here")).isTrue();
        assertThat(partner.sent(number)).last().isEqualTo("Recalled (StatusChange)");
        assertThat(partner.lastSentXml(number)).contains("本馆读者急需");
        assertThat(desk.recall(lending.byNumber(number).orElseThrow(), ILL_STAFF, null)).as("once").isFalse();
        Confirmation renew = partner.send(partner.action(requestId, Action.Renew, null));
        assertThat(renew.errors().get(0).errorValue()).contains("recalled");
        assertThat(partner.send(partner.action(requestId, Action.Received, null)).ok()).isTrue();
        shipBackAndCheckIn(requestId, number);
    }

    // ------------------------------------------------------------------ cancellation

    @Test
    void aCancelBeforeTheLibraryPromisedAnythingIsAcceptedAtOnce() {
        String requestId = requestId();
        String number = partner.ask(partner.book(requestId, "三体", HELD_ISBN, ServiceType.Loan));
        Confirmation cancel = partner.send(partner.action(requestId, Action.Cancel, "不需要了"));
        assertThat(cancel.ok()).isTrue();
        assertThat(partner.instance(number)).as("ended, holdings check and all").isNull();
        assertThat(partner.sent(number)).containsExactly("Cancelled (CancelResponse)");
        assertThat(partner.row(number)).containsEntry("OUTCOME", "CANCELLED");
        assertThat(partner.send(partner.action(requestId, Action.Cancel, null)).errors().get(0).errorValue())
                .contains("has ended");
    }

    @Test
    void aCancelAfterWillSupplyIsForStaffAndShippingWaitsForTheirAnswer() {
        String requestId = requestId();
        String number = heldBookAtDecide(requestId);
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        assertThat(partner.send(partner.action(requestId, Action.Cancel, "找到了别的 found elsewhere")).ok()).isTrue();
        assertThat(partner.instance(number)).isWaitingAt(TASK_PULL_AND_SHIP, TASK_ANSWER_CANCEL);
        assertThatThrownBy(() -> partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2026-04-13")))
                .hasMessageContaining("answer that task first");
        assertThat(partner.send(partner.action(requestId, Action.Cancel, null)).errors().get(0).errorValue())
                .contains("earlier Cancel");
        assertThatThrownBy(() -> partner.complete(number, TASK_ANSWER_CANCEL, Map.of()))
                .hasMessageContaining("Accept or refuse");
        partner.complete(number, TASK_ANSWER_CANCEL, Map.of(VAR_CANCEL_ACCEPTED, "false"));
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)", "WillSupply (CancelResponse)");
        partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2026-04-13"));
        assertThat(partner.sent(number)).last().isEqualTo("Loaned (StatusChange)");
        assertThat(partner.send(partner.action(requestId, Action.Cancel, null)).errors().get(0).errorValue())
                .contains("sent already");
        shipBackAndCheckIn(requestId, number);
    }

    @Test
    void aCancelAfterWillSupplyThatStaffAcceptEndsTheRequest() {
        String requestId = requestId();
        String number = heldBookAtDecide(requestId);
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        assertThat(partner.send(partner.action(requestId, Action.Cancel, null)).ok()).isTrue();
        partner.complete(number, TASK_ANSWER_CANCEL, Map.of(VAR_CANCEL_ACCEPTED, "true"));
        assertThat(partner.instance(number)).isNull();
        assertThat(partner.sent(number)).containsExactly("WillSupply (RequestResponse)", "Cancelled (CancelResponse)");
        assertThat(partner.row(number)).containsEntry("OUTCOME", "CANCELLED");
    }

    // ------------------------------------------------------------------ Tasklist

    @Autowired org.camunda.bpm.engine.FilterService filters;

    @Test
    void lendingTasksHaveADueDateCardVariablesAndAFilterOfTheirOwnForLoanStaff() {
        String number = heldBookAtDecide(requestId());
        org.camunda.bpm.engine.task.Task decide = partner.task(number, TASK_DECIDE);
        assertThat(decide.getName()).isEqualTo("决定 Decide · 同济大学图书馆（测试）");
        assertThat(decide.getDueDate()).isAfter(java.util.Date.from(shanghai("2026-03-02T10:00")))
                .isBeforeOrEqualTo(java.util.Date.from(shanghai("2026-03-03T23:59")));
        assertThat(tasks.getVariablesLocal(decide.getId())).containsEntry(VAR_REQUEST_NUMBER, number)
                .containsEntry(VAR_PARTNER_NAME, "同济大学图书馆（测试）").containsKey(VAR_REQUEST_TITLE);

        identity.setAuthentication(ILL_STAFF, java.util.List.of(org.illflow.security.IllflowGroups.ILL_STAFF));
        try {
            var lendingFilter = filters.createFilterQuery().filterName("馆际互借·借出 / ILL: lending").singleResult();
            assertThat(lendingFilter).isNotNull();
            java.util.List<org.camunda.bpm.engine.task.Task> listed = filters.list(lendingFilter.getId());
            assertThat(listed).extracting(org.camunda.bpm.engine.task.Task::getId).contains(decide.getId());
            assertThat(listed).allMatch(t -> t.getProcessDefinitionId().startsWith(KEY + ":"));
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("ddstaff", java.util.List.of(org.illflow.security.IllflowGroups.DD_STAFF));
        try {
            assertThat(filters.createFilterQuery().filterName("馆际互借·借出 / ILL: lending").count())
                    .as("document delivery staff do not see the lending queue").isZero();
        } finally {
            identity.clearAuthentication();
        }
    }
}
