package org.illflow.borrowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.RetryInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.iso18626.Iso18626Version;
import org.illflow.loan.BookRequestForm;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.loan.LoanStatus;
import org.illflow.loan.LoanTestData;
import org.illflow.loan.LoanTimelineEvent;
import org.illflow.security.IllflowGroups;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Borrowing a book from ISO 18626 partner libraries (requester role), end to end inside this application: the
 * loan process sends the request itself, and the lender's supplyingAgencyMessages are posted to
 * {@code POST /iso18626} as the partner's machine would. Fudan (the cheapest lender) is registered as a 2021-2
 * partner, SJTU (the next) as a 1.2 partner; both registrations are deactivated after each test, so the other
 * loan tests keep their staff path. Every message illflow sends is read back from the outbox and validated
 * against its partner's schema version. Timers fire by moving the engine clock from Monday 2 March 2026, 10:00.
 */
@IllflowTest
class PartnerLoanTest {

    static final String LI_MING = "2024110001";
    static final String ILL_STAFF = "illstaff";
    static final AgencyId FUDAN_AGENCY = new AgencyId("ISIL", "CN-FDU-BORROW");
    static final AgencyId SJTU_AGENCY = new AgencyId("ISIL", "CN-SJTU-BORROW");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired LoanRequests requests;
    @Autowired TestSupport support;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired SupplierCatalog suppliers;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;

    PartnerDesk desk;
    Iso18626Peer fudan;
    Iso18626Peer sjtu;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        support.purgeMail();
        ClockUtil.setCurrentTime(Date.from(shanghai("2026-03-02T10:00")));
        desk = new PartnerDesk(peers, settings, suppliers, jdbc, support);
        fudan = desk.partner("B-FUDAN", "FUDAN", FUDAN_AGENCY, Iso18626Version.V2021_2, true);
        sjtu = desk.partner("B-SJTU", "SJTU", SJTU_AGENCY, Iso18626Version.V1_2, false);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        support.resetClock();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().forEach(instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
        // the other loan tests ask these lenders through staff
        desk.partner("B-FUDAN", "FUDAN", FUDAN_AGENCY, Iso18626Version.V2021_2, false);
        desk.partner("B-SJTU", "SJTU", SJTU_AGENCY, Iso18626Version.V1_2, false);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private LoanRequest submitted(LocalDate neededBy) {
        BookRequestForm form = LoanTestData.book();
        form.setNeededBy(neededBy);
        LoanRequest request = requests.submit(form, LI_MING);
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private ProcessInstance instance(LoanRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
    }

    private LoanRequest reload(LoanRequest request) {
        return requests.visibleTo(request.getRequestNumber(), ILL_STAFF, true);
    }

    private List<String> events(LoanRequest request) {
        return requests.timelineOf(request).stream().map(LoanTimelineEvent::getEvent).toList();
    }

    private Object variable(LoanRequest request, String name) {
        return runtimeService.getVariable(request.getProcessInstanceId(), name);
    }

    private void complete(LoanRequest request, String taskKey, Map<String, Object> variables) {
        PartnerDesk.complete(engine, request.getRequestNumber(), taskKey, ILL_STAFF, IllflowGroups.ILL_STAFF, variables);
    }

    private void runJobs(LoanRequest request) {
        PartnerDesk.runJobs(managementService, request.getProcessInstanceId());
    }

    private SupplyingAgencyMessage fromPartner(Iso18626Peer partner, String requestId, ReasonForMessage reason,
            Status status, Instant dueDate, YesNo answer, String note, String reasonUnfilled, String reasonRetry,
            RetryInfo retry) {
        return desk.message(partner, requestId, reason, status, dueDate, answer, note, reasonUnfilled, reasonRetry,
                retry, null);
    }

    private SupplyingAgencyMessage status(Iso18626Peer partner, String requestId, Status status) {
        return desk.status(partner, requestId, status);
    }

    private void accepted(Iso18626Peer partner, Iso18626.Message message) throws Exception {
        desk.accepted(partner, message);
    }

    /** Refused as not fitting: an ERROR confirmation, the timeline unchanged, nothing sent. */
    private void refusedAsNotFitting(Iso18626Peer partner, LoanRequest request, Iso18626.Message message)
            throws Exception {
        List<String> before = events(request);
        desk.refusedAsNotFitting(partner, request.getRequestNumber(), message);
        assertThat(events(reload(request))).as("the timeline is unchanged").isEqualTo(before);
    }

    private List<PartnerDesk.Sent> sent(LoanRequest request) {
        return desk.sent(request.getRequestNumber());
    }

    private static Iso18626.Action action(PartnerDesk.Sent sent) {
        return sent.action();
    }

    // ---- the whole loan --------------------------------------------------------------------------------------

    @Test
    void aBookIsBorrowedFromAPartnerLibraryWithoutAnyoneTypingTheRequest() throws Exception {
        LoanRequest request = submitted(LocalDate.parse("2026-04-30"));
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);

        // Fudan is a partner: illflow sends the request itself instead of the staff task
        assertThat(instance).hasPassed(TASK_SEND_LENDER_REQUEST).isWaitingAt(GATEWAY_AWAIT_LENDER);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.REQUESTED);
        assertThat(reload(request).getLenderCode()).isEqualTo("FUDAN");
        assertThat(variable(request, VAR_PARTNER_REQUEST_ID)).isEqualTo(number);
        // the turnaround target still applies: Fudan promises 3 working days
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(EVENT_PARTNER_TIMEOUT).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(shanghai("2026-03-05T10:00"));
        assertThat(sent(request)).singleElement().satisfies(s -> {
            assertThat(s.peerId()).isEqualTo(fudan.getId());
            assertThat(s.version()).isEqualTo(Iso18626Version.V2021_2);
            Request sentRequest = (Request) s.message();
            assertThat(sentRequest.header().requestingAgencyRequestId()).isEqualTo(number);
            assertThat(sentRequest.header().supplyingAgencyId()).isEqualTo(FUDAN_AGENCY);
            assertThat(sentRequest.header().requestingAgencyId()).isEqualTo(settings.agencyId());
            assertThat(sentRequest.bibliographicInfo().title()).isEqualTo(request.getTitle());
            assertThat(sentRequest.bibliographicInfo().itemIds()).singleElement()
                    .satisfies(id -> assertThat(id.identifier()).isEqualTo(request.getIsbn()));
            assertThat(sentRequest.serviceInfo().serviceType()).isEqualTo(ServiceType.Loan);
            assertThat(sentRequest.serviceInfo().requestType()).isEqualTo(RequestType.New);
            // needed by 30 April: before 1 May, 00:00 in Shanghai
            assertThat(sentRequest.serviceInfo().needBeforeDate()).isEqualTo(shanghai("2026-05-01T00:00"));
            assertThat(sentRequest.billingInfo().maximumCosts())
                    .isEqualTo(new Costs("CNY", new BigDecimal("15.00")));
        });

        // WillSupply: recorded, the patron reads it in their words, the request keeps waiting
        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.RequestResponse, Status.WillSupply, null,
                YesNo.Y, null, null, null, null));
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_LENDER);
        assertThat(events(reload(request))).contains("PARTNER_ASKED", "PARTNER_WILL_SUPPLY");
        assertThat(messages.getMessage("event.PARTNER_WILL_SUPPLY", null, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("对方馆已同意提供");
        assertThat(messages.getMessage("event.PARTNER_WILL_SUPPLY", null, Locale.ENGLISH))
                .isEqualTo("The lending library will supply it");

        // Loaned with the partner's due date: staff receive the parcel
        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.StatusChange, Status.Loaned,
                shanghai("2026-04-10T23:59"), null, null, null, null, null));
        assertThat(instance).isWaitingAt(TASK_RECEIVE_PARTNER_BOOK);
        assertThat(variable(request, VAR_LENDER_DUE_DATE)).isEqualTo("2026-04-10");
        // a second Loaned does not fit any more: ERROR, and nothing changes
        refusedAsNotFitting(fudan, request, status(fudan, number, Status.Loaned));
        // nor does a status a book loan never takes
        refusedAsNotFitting(fudan, request, status(fudan, number, Status.CopyCompleted));

        complete(request, TASK_RECEIVE_PARTNER_BOOK, Map.of(VAR_PARTNER_BOOK_ARRIVED, true));
        assertThat(instance).hasPassed(TASK_SEND_RECEIVED, TASK_RECORD_ARRIVAL);
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.SATISFIED);
        assertThat(sent(request)).hasSize(2).last().satisfies(s -> assertThat(action(s))
                .isEqualTo(Iso18626.Action.Received));
        runJobs(request);
        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
        // the partner's due date less the three days of return post
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-04-07"));

        complete(request, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        runJobs(request);
        complete(request, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, 15.0, VAR_TRACKING_NUMBER, "SF1234567890"));
        assertThat(instance).hasPassed(TASK_SEND_SHIPPED_RETURN).isWaitingAt(GATEWAY_AWAIT_LOAN_COMPLETED);
        assertThat(sent(request)).hasSize(3).last().satisfies(s -> assertThat(action(s))
                .isEqualTo(Iso18626.Action.ShippedReturn));

        accepted(fudan, status(fudan, number, Status.LoanCompleted));
        assertThat(instance).hasPassed(END_PARTNER_LOAN_COMPLETED).isEnded();
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.COMPLETED);
        assertThat(events(reload(request))).containsSubsequence("PARTNER_ASKED", "PARTNER_WILL_SUPPLY",
                "PARTNER_LOANED", "PARTNER_TOLD_RECEIVED", "SATISFIED", "CHECKED_OUT", "RETURNED", "SENT_BACK",
                "PARTNER_TOLD_SHIPPED_RETURN", "PARTNER_LOAN_COMPLETED");
        // after the end nothing more fits
        refusedAsNotFitting(fudan, request, fromPartner(fudan, number, ReasonForMessage.RequestResponse,
                Status.WillSupply, null, YesNo.Y, null, null, null, null));

        // staff see every message on the request page; the patron sees the statuses in words, never XML
        PortalClient staff = support.client();
        staff.login(ILL_STAFF, "staff2026");
        String deskPage = staff.get("/staff/requests/" + number).body();
        assertThat(deskPage).contains("对方馆已同意提供", "supplyingAgencyMessage WillSupply",
                "requestingAgencyMessage Received");
        // and the message log of the request: what went out (waiting: the outbox is off in tests), what came in,
        // and what was refused with its error
        assertThat(deskPage).contains("ISO 18626 报文", "待发送", "已接受", "被拒", "UnrecognisedDataValue");
        PortalClient patron = support.client();
        patron.login(LI_MING, "reader2026");
        String page = patron.get("/requests/" + number).body();
        assertThat(page).contains("对方馆已同意提供", "对方馆已寄出").doesNotContain("supplyingAgencyMessage")
                .doesNotContain("ISO18626Message");
    }

    // ---- unfilled, conditions, next lender -------------------------------------------------------------------

    @Test
    void anUnfilledPartnerPassesTheRequestOnAndAPartnersConditionsAreStaffsToAcceptOrDecline() throws Exception {
        desk.partner("B-SJTU", "SJTU", SJTU_AGENCY, Iso18626Version.V1_2, true);
        LoanRequest request = submitted(null);
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);

        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.RequestResponse, Status.Unfilled, null,
                YesNo.N, "书已遗失", "NotHeld", null, null));
        runJobs(request); // the next lender is asked after the partner's confirmation
        assertThat(instance).hasPassed(EVENT_LENDER_UNFILLED, TASK_RECORD_LENDER_UNFILLED)
                .isWaitingAt(GATEWAY_AWAIT_LENDER);
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("SJTU");
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("LENDER_UNFILLED"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("NotHeld", "书已遗失"));
        // SJTU speaks 1.2: the request to it is written and validated in 1.2
        assertThat(sent(request)).hasSize(2).last().satisfies(s -> {
            assertThat(s.peerId()).isEqualTo(sjtu.getId());
            assertThat(s.version()).isEqualTo(Iso18626Version.V1_2);
            assertThat(((Request) s.message()).header().requestingAgencyRequestId()).isEqualTo(number);
        });
        // Fudan's request is over: a late WillSupply from it does not fit
        refusedAsNotFitting(fudan, request, fromPartner(fudan, number, ReasonForMessage.RequestResponse,
                Status.WillSupply, null, YesNo.Y, null, null, null, null));

        // SJTU could lend it on conditions: staff decide
        accepted(sjtu, fromPartner(sjtu, number, ReasonForMessage.RequestResponse, Status.RetryPossible, null,
                YesNo.N, "需押金", null, "CostExceedsMaxCost", new RetryInfo(new Costs("CNY", new BigDecimal("40.00")),
                        null, null)));
        assertThat(instance).isWaitingAt(TASK_DECIDE_ON_RETRY);
        assertThat((String) variable(request, VAR_LENDER_RETRY_REASON)).contains("CostExceedsMaxCost", "40.00 CNY",
                "需押金");
        complete(request, TASK_DECIDE_ON_RETRY, Map.of(VAR_RETRY_DECISION, RETRY));
        // accepted: a Retry request under a new id, since SJTU has seen the first
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_LENDER);
        assertThat(variable(request, VAR_PARTNER_REQUEST_ID)).isEqualTo(number + "-R2");
        assertThat(sent(request)).hasSize(3).last().satisfies(s -> {
            Request retry = (Request) s.message();
            assertThat(s.version()).isEqualTo(Iso18626Version.V1_2);
            assertThat(retry.header().requestingAgencyRequestId()).isEqualTo(number + "-R2");
            assertThat(retry.serviceInfo().requestType()).isEqualTo(RequestType.Retry);
            assertThat(retry.serviceInfo().note()).contains(number);
        });
        // an answer about the first id does not fit any more
        refusedAsNotFitting(sjtu, request, status(sjtu, number, Status.Loaned));

        accepted(sjtu, fromPartner(sjtu, number + "-R2", ReasonForMessage.RequestResponse, Status.RetryPossible,
                null, YesNo.N, "仅限馆内阅览", null, "LoanCondition", null));
        complete(request, TASK_DECIDE_ON_RETRY, Map.of(VAR_RETRY_DECISION, NEXT_LENDER));
        // declined: the next lender, NLC, is no partner and staff request it as before
        assertThat(instance).isWaitingAt(TASK_REQUEST_FROM_LENDER);
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("NLC");
        assertThat(variable(request, VAR_LENDER_IS_PEER)).isEqualTo(false);
        assertThat(events(reload(request))).containsSubsequence("PARTNER_UNFILLED", "LENDER_UNFILLED",
                "PARTNER_RETRY_POSSIBLE", "PARTNER_CONDITIONS_ACCEPTED", "PARTNER_RETRY_POSSIBLE",
                "PARTNER_CONDITIONS_DECLINED", "LENDER_TRY");
    }

    // ---- the turnaround target, and the patron's cancellation ---------------------------------------------------

    @Test
    void aPartnerThatDoesNotAnswerInTimeIsToldTheRequestIsWithdrawnAndTheNextLenderIsAsked() throws Exception {
        LoanRequest request = submitted(null);
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);
        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.RequestResponse, Status.ExpectToSupply, null,
                null, null, null, null, null));
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_LENDER);

        ClockUtil.setCurrentTime(Date.from(shanghai("2026-03-05T09:00")));
        runJobs(request);
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_LENDER);
        ClockUtil.setCurrentTime(Date.from(shanghai("2026-03-05T10:30")));
        runJobs(request);
        assertThat(instance).hasPassed(EVENT_PARTNER_TIMEOUT, TASK_SEND_CANCEL_ON_TIMEOUT, TASK_RECORD_LENDER_TIMEOUT)
                .isWaitingAt(TASK_REQUEST_FROM_LENDER);
        assertThat(variable(request, VAR_LENDER_CODE)).isEqualTo("SJTU");
        assertThat(sent(request)).hasSize(2).last().satisfies(s -> assertThat(action(s))
                .isEqualTo(Iso18626.Action.Cancel));

        // Fudan's answer to the Cancel is recorded; its late Loaned does not fit
        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.CancelResponse, Status.Cancelled, null, YesNo.Y,
                null, null, null, null));
        refusedAsNotFitting(fudan, request, status(fudan, number, Status.Loaned));
        assertThat(events(reload(request))).containsSubsequence("PARTNER_EXPECTS_TO_SUPPLY", "PARTNER_TOLD_CANCEL",
                "LENDER_TIMEOUT", "LENDER_TRY", "PARTNER_CANCELLED");
    }

    @Test
    void aPatronsCancellationWithdrawsTheRequestFromThePartner() throws Exception {
        LoanRequest request = submitted(null);
        ProcessInstance instance = instance(request);
        requests.cancel(request.getRequestNumber(), LI_MING, false);
        assertThat(instance).hasPassed(TASK_SEND_CANCEL_ON_WITHDRAW, END_WITHDRAWN).isEnded();
        assertThat(sent(request)).hasSize(2).last().satisfies(s -> {
            assertThat(action(s)).isEqualTo(Iso18626.Action.Cancel);
            assertThat(((RequestingAgencyMessage) s.message()).header().supplyingAgencyRequestId()).isNull();
        });
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.CANCELLED);
    }

    // ---- on loan: renewal, recall, overdue ---------------------------------------------------------------------

    private LoanRequest lentByFudan() throws Exception {
        LoanRequest request = submitted(null);
        accepted(fudan, fromPartner(fudan, request.getRequestNumber(), ReasonForMessage.StatusChange, Status.Loaned,
                shanghai("2026-04-10T12:00"), null, null, null, null, null));
        complete(request, TASK_RECEIVE_PARTNER_BOOK, Map.of(VAR_PARTNER_BOOK_ARRIVED, true));
        runJobs(request);
        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-04-07"));
        return request;
    }

    @Test
    void aRenewalIsAskedOfThePartnerAndItsAnswerMovesTheDueDate() throws Exception {
        LoanRequest request = lentByFudan();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);

        requests.renew(number, LI_MING, false);
        assertThat(instance).hasPassed(TASK_SEND_RENEW).isWaitingAt(GATEWAY_AWAIT_RENEW_ANSWER);
        assertThat(sent(request)).last().satisfies(s -> assertThat(action(s)).isEqualTo(Iso18626.Action.Renew));
        // an answer that is not about the renewal does not fit while the loan goes on
        refusedAsNotFitting(fudan, request, status(fudan, number, Status.LoanCompleted));

        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.RenewResponse, Status.Loaned,
                shanghai("2026-05-10T12:00"), YesNo.Y, null, null, null, null));
        runJobs(request);
        assertThat(instance).hasPassed(TASK_RECORD_RENEWAL).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-05-07"));
        assertThat(events(reload(request))).containsSubsequence("RENEWAL_REQUESTED", "PARTNER_ASKED_RENEWAL",
                "PARTNER_RENEWAL_GRANTED", "RENEWED");
    }

    @Test
    void aRefusedRenewalLeavesTheDueDateAndARecallOrOverdueFromThePartnerBringsItForward() throws Exception {
        LoanRequest request = lentByFudan();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);

        requests.renew(number, LI_MING, false);
        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.RenewResponse, Status.Loaned, null, YesNo.N,
                "已有预约", null, null, null));
        runJobs(request);
        assertThat(instance).hasPassed(TASK_RECORD_RENEWAL_REFUSED).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-04-07"));
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("RENEWAL_REFUSED"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).isEqualTo("已有预约"));

        // recalled to 20 March: the patron's due date is three days earlier
        accepted(fudan, fromPartner(fudan, number, ReasonForMessage.StatusChange, Status.Recalled,
                shanghai("2026-03-20T12:00"), null, null, null, null, null));
        runJobs(request);
        assertThat(instance).hasPassed(TASK_RECORD_RECALL).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-03-17"));

        // overdue at the partner's side on 10 March: due today
        ClockUtil.setCurrentTime(Date.from(shanghai("2026-03-10T10:00")));
        accepted(fudan, status(fudan, number, Status.Overdue));
        runJobs(request);
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(events(reload(request))).containsSubsequence("PARTNER_RENEWAL_REFUSED", "RENEWAL_REFUSED",
                "PARTNER_RECALLED", "RECALLED", "PARTNER_OVERDUE", "RECALLED");
    }

    // ---- a partner that never answers: the case goes to staff after a while ------------------------------------

    /** The timer is due at {@code due}; at {@code before} it has not fired and the process still waits there. */
    private void stillWaitingBefore(LoanRequest request, String timerId, String due, String before, String waitingAt) {
        Job timer = managementService.createJobQuery().processInstanceId(request.getProcessInstanceId()).timers()
                .activityId(timerId).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(shanghai(due));
        ClockUtil.setCurrentTime(Date.from(shanghai(before)));
        runJobs(request);
        assertThat(instance(request)).isWaitingAt(waitingAt);
    }

    @Test
    void aRenewalThePartnerDoesNotAnswerGoesToStaffAfterThreeDays() throws Exception {
        LoanRequest request = lentByFudan();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);
        requests.renew(number, LI_MING, false);
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_RENEW_ANSWER);
        // two days without an answer: still waiting for the partner
        stillWaitingBefore(request, EVENT_RENEW_ANSWER_OVERDUE, "2026-03-05T10:00", "2026-03-04T10:00",
                GATEWAY_AWAIT_RENEW_ANSWER);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_ASK_LENDER_FOR_RENEWAL).count()).isZero();
        // three days: staff ask the partner another way; the timeline says why
        ClockUtil.setCurrentTime(Date.from(shanghai("2026-03-05T10:01")));
        runJobs(request);
        assertThat(instance).hasPassed(EVENT_RENEW_ANSWER_OVERDUE).isWaitingAt(TASK_ASK_LENDER_FOR_RENEWAL);
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("PARTNER_NO_RENEW_ANSWER"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("FUDAN", "P3D"));
        assertThat(messages.getMessage("event.PARTNER_NO_RENEW_ANSWER", null, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("对方馆未按时答复续借，由馆员继续办理");
        // the partner's late answer no longer fits: refused, nothing changes
        refusedAsNotFitting(fudan, request, fromPartner(fudan, number, ReasonForMessage.RenewResponse, Status.Loaned,
                shanghai("2026-05-10T12:00"), YesNo.Y, null, null, null, null));

        // staff reached the partner by phone: granted until 1 May
        complete(request, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, "granted",
                VAR_NEW_DUE_DATE, "2026-05-01"));
        runJobs(request);
        assertThat(instance).hasPassed(TASK_RECORD_RENEWAL).isWaitingAt(TASK_CHECK_IN_RETURNED_BOOK);
        assertThat(reload(request).getDueDate()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(events(reload(request))).containsSubsequence("PARTNER_ASKED_RENEWAL", "PARTNER_NO_RENEW_ANSWER",
                "RENEWED");
    }

    @Test
    void aReturnThePartnerDoesNotConfirmGoesToStaffAfterTwoWeeks() throws Exception {
        LoanRequest request = lentByFudan();
        String number = request.getRequestNumber();
        ProcessInstance instance = instance(request);
        ClockUtil.setCurrentTime(Date.from(shanghai("2026-03-20T10:00")));
        complete(request, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        runJobs(request);
        complete(request, TASK_RETURN_TO_LENDER, Map.of(VAR_SHIPPING_COST, 15.0, VAR_TRACKING_NUMBER, "SF1234567890"));
        assertThat(instance).hasPassed(TASK_SEND_SHIPPED_RETURN).isWaitingAt(GATEWAY_AWAIT_LOAN_COMPLETED);
        stillWaitingBefore(request, EVENT_LOAN_COMPLETED_OVERDUE, "2026-04-03T10:00", "2026-04-03T09:59",
                GATEWAY_AWAIT_LOAN_COMPLETED);
        ClockUtil.setCurrentTime(Date.from(shanghai("2026-04-03T10:01")));
        runJobs(request);
        assertThat(instance).hasPassed(EVENT_LOAN_COMPLETED_OVERDUE).isWaitingAt(TASK_CHECK_RETURN_WITH_PARTNER);
        assertThat(events(reload(request))).endsWith("PARTNER_NO_RETURN_CONFIRMED");
        Task check = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_CHECK_RETURN_WITH_PARTNER).taskCandidateGroup(IllflowGroups.ILL_STAFF)
                .singleResult();
        assertThat(check).as("ILL staff's task").isNotNull();
        assertThat(check.getDueDate()).as("a desk task, due in two working days").isNotNull();
        // a late LoanCompleted no longer fits
        refusedAsNotFitting(fudan, request, status(fudan, number, Status.LoanCompleted));

        // staff must tick the box and say how they know
        assertThatThrownBy(() -> complete(request, TASK_CHECK_RETURN_WITH_PARTNER, Map.of(VAR_PARTNER_HAS_BOOK, false,
                VAR_RETURN_CHECK_NOTE, "电话 phone"))).hasMessageContaining("对方已收到图书（partnerHasBook）：对方确认收到后请勾选"
                        + " / The partner has the book back: Tick the box once the partner has the book back");
        assertThatThrownBy(() -> complete(request, TASK_CHECK_RETURN_WITH_PARTNER, Map.of(VAR_PARTNER_HAS_BOOK, true,
                VAR_RETURN_CHECK_NOTE, " "))).hasMessageContaining("核实方式（returnCheckNote）：请注明如何向对方核实（不超过 500"
                        + " 字） / How it was confirmed: Say how the partner confirmed it (at most 500 characters)");
        assertThat(instance).isWaitingAt(TASK_CHECK_RETURN_WITH_PARTNER);
        complete(request, TASK_CHECK_RETURN_WITH_PARTNER, Map.of(VAR_PARTNER_HAS_BOOK, true,
                VAR_RETURN_CHECK_NOTE, "复旦馆际互借处电话确认 4 月 1 日收到 / Fudan's ILL desk confirmed by phone"));
        assertThat(instance).hasPassed(END_RETURN_CHECKED_BY_STAFF).isEnded();
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.COMPLETED);
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("PARTNER_RETURN_CHECKED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getDetail()).contains("Fudan's ILL desk confirmed by phone");
                    assertThat(e.getActor()).isEqualTo(ILL_STAFF);
                });
    }

    @Test
    void thePartnersOwnNotesAreRecordedWithoutMovingTheRequest() throws Exception {
        LoanRequest request = submitted(null);
        ProcessInstance instance = instance(request);
        accepted(fudan, fromPartner(fudan, request.getRequestNumber(), ReasonForMessage.Notification,
                Status.RequestReceived, null, null, "正在查找 / searching the stacks", null, null, null));
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_LENDER);
        assertThat(requests.timelineOf(reload(request))).filteredOn(e -> e.getEvent().equals("PARTNER_NOTE"))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("searching the stacks"));
    }
}
