package org.illflow.loan;

/** Ids and variable names of processes/interlibrary-loan.bpmn, so Java and the model cannot drift. */
public final class InterlibraryLoanProcess {

    public static final String KEY = "InterlibraryLoanProcess";
    public static final String MESSAGE_CANCEL = "Message_LoanCancelRequested";
    public static final String MESSAGE_RENEWAL = "Message_LoanRenewalRequested";
    public static final String MESSAGE_RECALL = "Message_LoanRecalled";
    public static final String ERROR_PATRON_NOT_ACTIVE = "Error_PatronNotActive";
    /** The ISO 18626 partner's supplyingAgencyMessages the process waits for (correlated by business key). */
    public static final String MESSAGE_LENDER_WILL_SUPPLY = "Message_LenderWillSupply";
    public static final String MESSAGE_LENDER_LOANED = "Message_LenderLoaned";
    public static final String MESSAGE_LENDER_UNFILLED = "Message_LenderUnfilled";
    public static final String MESSAGE_LENDER_RETRY_POSSIBLE = "Message_LenderRetryPossible";
    public static final String MESSAGE_LENDER_RENEW_ANSWER = "Message_LenderRenewAnswer";
    public static final String MESSAGE_LENDER_LOAN_COMPLETED = "Message_LenderLoanCompleted";

    public static final String START_REQUEST_SUBMITTED = "StartEvent_RequestSubmitted";
    public static final String TASK_RECORD_REQUEST = "Task_RecordRequest";
    public static final String TASK_VERIFY_PATRON = "Task_VerifyPatron";
    public static final String EVENT_PATRON_NOT_ACTIVE = "Event_PatronNotActive";
    public static final String TASK_REJECT_REQUEST = "Task_RejectRequest";
    public static final String TASK_NOTIFY_REJECTED = "Task_NotifyRejected";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String SUBPROCESS_UNTIL_CHECK_OUT = "SubProcess_UntilCheckOut";
    public static final String START_BOOK_WANTED = "StartEvent_BookWanted";
    public static final String TASK_CHECK_HOLDINGS = "Task_CheckHoldings";
    public static final String GATEWAY_HELD_LOCALLY = "Gateway_HeldLocally";
    public static final String TASK_RECORD_HELD_LOCALLY = "Task_RecordHeldLocally";
    public static final String TASK_NOTIFY_HELD_LOCALLY = "Task_NotifyHeldLocally";
    public static final String TASK_CONFIRM_LOCAL_HOLDING = "Task_ConfirmLocalHolding";
    public static final String GATEWAY_HOLDING_ACCESSIBLE = "Gateway_HoldingAccessible";
    public static final String END_HELD_LOCALLY = "EndEvent_HeldLocally";
    public static final String GATEWAY_MERGE_TO_LENDING = "Gateway_MergeToLending";
    public static final String TASK_CHECK_LIMITS = "Task_CheckLimits";
    public static final String GATEWAY_WITHIN_LIMITS = "Gateway_WithinLimits";
    public static final String TASK_APPROVE_OVER_LIMIT = "Task_ApproveOverLimit";
    public static final String GATEWAY_OVER_LIMIT_APPROVED = "Gateway_OverLimitApproved";
    public static final String TASK_RECORD_LIMIT_REFUSED = "Task_RecordLimitRefused";
    public static final String TASK_NOTIFY_LIMIT_REFUSED = "Task_NotifyLimitRefused";
    public static final String END_LIMIT_REFUSED = "EndEvent_LimitRefused";
    public static final String TASK_RANK_LENDERS = "Task_RankLenders";
    public static final String TASK_TAKE_NEXT_LENDER = "Task_TakeNextLender";
    public static final String GATEWAY_LENDER_LEFT = "Gateway_LenderLeft";
    public static final String TASK_REQUEST_FROM_LENDER = "Task_RequestFromLender";
    public static final String GATEWAY_REQUESTED = "Gateway_Requested";
    public static final String TASK_RECEIVE_BOOK = "Task_ReceiveBook";
    public static final String EVENT_LENDER_TIMEOUT = "Event_LenderTimeout";
    public static final String TASK_RECORD_LENDER_TIMEOUT = "Task_RecordLenderTimeout";
    public static final String GATEWAY_BOOK_RECEIVED = "Gateway_BookReceived";
    public static final String TASK_RECORD_LENDER_UNFILLED = "Task_RecordLenderUnfilled";
    public static final String TASK_RECORD_UNFILLED = "Task_RecordUnfilled";
    public static final String TASK_NOTIFY_UNFILLED = "Task_NotifyUnfilled";
    public static final String END_UNFILLED = "EndEvent_Unfilled";
    public static final String TASK_RECORD_ARRIVAL = "Task_RecordArrival";
    public static final String TASK_NOTIFY_READY_FOR_PICKUP = "Task_NotifyReadyForPickup";
    public static final String TASK_LEND_TO_PATRON = "Task_LendToPatron";
    public static final String EVENT_PICKUP_DEADLINE = "Event_PickupDeadline";
    public static final String TASK_RECORD_NOT_COLLECTED = "Task_RecordNotCollected";
    public static final String END_NOT_COLLECTED = "EndEvent_NotCollected";
    public static final String END_LENT = "EndEvent_Lent";
    public static final String EVENT_CANCEL_REQUESTED = "Event_CancelRequested";
    public static final String TASK_RECORD_CANCELLATION = "Task_RecordCancellation";
    public static final String GATEWAY_BOOK_WHERE = "Gateway_BookWhere";
    public static final String TASK_WITHDRAW_FROM_LENDER = "Task_WithdrawFromLender";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_CANCELLED = "EndEvent_Cancelled";
    public static final String GATEWAY_LENT = "Gateway_Lent";
    public static final String END_CLOSED = "EndEvent_Closed";
    public static final String TASK_NOTIFY_NOT_COLLECTED = "Task_NotifyNotCollected";
    public static final String GATEWAY_BOOK_GOES_BACK = "Gateway_BookGoesBack";
    public static final String TASK_RECORD_CHECK_OUT = "Task_RecordCheckOut";
    public static final String GATEWAY_MERGE_ON_LOAN = "Gateway_MergeOnLoan";
    public static final String SUBPROCESS_ON_LOAN = "SubProcess_OnLoan";
    public static final String START_ON_LOAN = "StartEvent_OnLoan";
    public static final String TASK_CHECK_IN_RETURNED_BOOK = "Task_CheckInReturnedBook";
    public static final String END_RETURNED = "EndEvent_Returned";
    public static final String EVENT_DUE_SOON = "Event_DueSoon";
    public static final String TASK_SEND_DUE_REMINDER = "Task_SendDueReminder";
    public static final String END_REMINDED = "EndEvent_Reminded";
    public static final String EVENT_OVERDUE = "Event_Overdue";
    public static final String TASK_RECORD_OVERDUE = "Task_RecordOverdue";
    public static final String TASK_SEND_OVERDUE_NOTICE = "Task_SendOverdueNotice";
    public static final String END_OVERDUE_NOTICE_SENT = "EndEvent_OverdueNoticeSent";
    public static final String SUBPROCESS_RENEWAL_REQUESTED = "SubProcess_RenewalRequested";
    public static final String START_RENEWAL_REQUESTED = "StartEvent_RenewalRequested";
    public static final String TASK_ASK_LENDER_FOR_RENEWAL = "Task_AskLenderForRenewal";
    public static final String GATEWAY_RENEWAL_GRANTED = "Gateway_RenewalGranted";
    public static final String TASK_RECORD_RENEWAL = "Task_RecordRenewal";
    public static final String END_RENEWED = "EndEvent_Renewed";
    public static final String TASK_RECORD_RENEWAL_REFUSED = "Task_RecordRenewalRefused";
    public static final String TASK_NOTIFY_RENEWAL_REFUSED = "Task_NotifyRenewalRefused";
    public static final String END_RENEWAL_REFUSED = "EndEvent_RenewalRefused";
    public static final String EVENT_RENEWED = "Event_Renewed";
    public static final String GATEWAY_AFTER_RENEWAL = "Gateway_AfterRenewal";
    public static final String TASK_NOTIFY_RENEWED = "Task_NotifyRenewed";
    public static final String END_RENEWAL_NOTICE_SENT = "EndEvent_RenewalNoticeSent";
    public static final String EVENT_RECALLED = "Event_Recalled";
    public static final String TASK_RECORD_RECALL = "Task_RecordRecall";
    public static final String GATEWAY_AFTER_RECALL = "Gateway_AfterRecall";
    public static final String TASK_NOTIFY_RECALLED = "Task_NotifyRecalled";
    public static final String END_RECALL_NOTICE_SENT = "EndEvent_RecallNoticeSent";
    public static final String TASK_RECORD_RETURN = "Task_RecordReturn";
    public static final String TASK_NOTIFY_RETURNED = "Task_NotifyReturned";
    public static final String GATEWAY_MERGE_TO_RETURN = "Gateway_MergeToReturn";
    public static final String TASK_RETURN_TO_LENDER = "Task_ReturnToLender";
    public static final String TASK_RECORD_SENT_BACK = "Task_RecordSentBack";
    public static final String END_SENT_BACK = "EndEvent_SentBack";

    // ---- the lender is an ISO 18626 partner library (requester role) -------------------------------------------
    public static final String TASK_SEND_LENDER_REQUEST = "Task_SendLenderRequest";
    public static final String GATEWAY_AWAIT_LENDER = "Gateway_AwaitLender";
    public static final String EVENT_LENDER_WILL_SUPPLY = "Event_LenderWillSupply";
    public static final String EVENT_LENDER_LOANED = "Event_LenderLoaned";
    public static final String TASK_RECEIVE_PARTNER_BOOK = "Task_ReceivePartnerBook";
    public static final String TASK_SEND_RECEIVED = "Task_SendReceived";
    public static final String EVENT_LENDER_UNFILLED = "Event_LenderUnfilled";
    public static final String EVENT_LENDER_RETRY_POSSIBLE = "Event_LenderRetryPossible";
    public static final String TASK_DECIDE_ON_RETRY = "Task_DecideOnRetry";
    public static final String GATEWAY_RETRY_DECISION = "Gateway_RetryDecision";
    public static final String EVENT_PARTNER_TIMEOUT = "Event_PartnerTimeout";
    public static final String TASK_SEND_CANCEL_ON_TIMEOUT = "Task_SendCancelOnTimeout";
    public static final String TASK_SEND_CANCEL_ON_WITHDRAW = "Task_SendCancelOnWithdraw";
    public static final String GATEWAY_RENEWAL_ROUTE = "Gateway_RenewalRoute";
    public static final String TASK_SEND_RENEW = "Task_SendRenew";
    public static final String GATEWAY_AWAIT_RENEW_ANSWER = "Gateway_AwaitRenewAnswer";
    public static final String EVENT_LENDER_RENEW_ANSWER = "Event_LenderRenewAnswer";
    /** No RenewResponse within illflow.loan.partner-renew-answer-wait: staff ask the partner (Task_AskLenderForRenewal). */
    public static final String EVENT_RENEW_ANSWER_OVERDUE = "Event_RenewAnswerOverdue";
    public static final String GATEWAY_RETURN_ROUTE = "Gateway_ReturnRoute";
    public static final String TASK_SEND_SHIPPED_RETURN = "Task_SendShippedReturn";
    public static final String GATEWAY_AWAIT_LOAN_COMPLETED = "Gateway_AwaitLoanCompleted";
    public static final String EVENT_LENDER_LOAN_COMPLETED = "Event_LenderLoanCompleted";
    public static final String END_PARTNER_LOAN_COMPLETED = "EndEvent_PartnerLoanCompleted";
    /** No LoanCompleted within illflow.loan.partner-return-confirmation-wait: staff check with the partner. */
    public static final String EVENT_LOAN_COMPLETED_OVERDUE = "Event_LoanCompletedOverdue";
    public static final String TASK_CHECK_RETURN_WITH_PARTNER = "Task_CheckReturnWithPartner";
    public static final String END_RETURN_CHECKED_BY_STAFF = "EndEvent_ReturnCheckedByStaff";

    public static final String VAR_REQUEST_ID = "requestId";
    public static final String VAR_REQUEST_NUMBER = "requestNumber";
    public static final String VAR_REQUEST_TITLE = "requestTitle";
    public static final String VAR_PATRON = "patronCardNumber";
    /** The fields of Tasklist's start form; authors and ISBN are also shown on the Request task on every path. */
    public static final String VAR_TITLE = "title";
    public static final String VAR_AUTHORS = org.illflow.request.StartForm.AUTHORS;
    public static final String VAR_ISBN = "isbn";
    public static final String VAR_PUBLISHER = "publisher";
    public static final String VAR_YEAR = org.illflow.request.StartForm.YEAR;
    public static final String VAR_EDITION = "edition";
    public static final String VAR_LANGUAGE = org.illflow.request.StartForm.LANGUAGE;
    public static final String VAR_SUBJECT_AREA = org.illflow.request.StartForm.SUBJECT_AREA;
    public static final String VAR_NOTE = org.illflow.request.StartForm.NOTE;
    /** The patron's needed-by date, yyyy-MM-dd (optional; start form field and start variable). */
    public static final String VAR_NEEDED_BY = org.illflow.request.StartForm.NEEDED_BY;
    public static final String VAR_HELD_LOCALLY = "heldLocally";
    public static final String VAR_HOLDING_INFO = "holdingInfo";
    /** Shared with document delivery's Confirm form (forms/confirm-local-holding.form). */
    public static final String VAR_HOLDING_ACCESSIBLE = "holdingAccessible";
    public static final String VAR_REMAINING_LENDERS = "remainingLenders";
    public static final String VAR_LENDER_LEFT = "lenderLeft";
    public static final String VAR_LENDER_CODE = "lenderCode";
    public static final String VAR_LENDER_NAME = "lenderName";
    public static final String VAR_LENDER_TERMS = "lenderTerms";
    public static final String VAR_LENDER_WORK_LINK = "lenderWorkLink";
    public static final String VAR_LENDER_DUE_AT = "lenderDueAt";
    public static final String VAR_REQUEST_OUTCOME = "requestOutcome";
    public static final String VAR_RECEIVE_OUTCOME = "receiveOutcome";
    public static final String VAR_UNFILLED_REASON = "unfilledReason";
    /** Task_CheckLimits' answer (within, approval, refuse: {@link org.illflow.request.LimitVerdict}). */
    public static final String VAR_LIMITS_OUTCOME = "limitsOutcome";
    /** Why the request is over the budget, for the admin's task and the patron's notice. */
    public static final String VAR_LIMITS_REASON = "limitsReason";
    /** The admin's answer on Task_ApproveOverLimit. */
    public static final String VAR_OVER_LIMIT_APPROVED = "overLimitApproved";
    public static final String VAR_PICKUP_DEADLINE = "pickupDeadline";
    public static final String VAR_LAST_PICKUP_DAY = "lastPickupDay";
    public static final String VAR_ID_CHECKED = "idChecked";
    /** Where the request ended up when the "until check-out" part finished: lent, notCollected or closed. */
    public static final String VAR_LOAN_OUTCOME = "loanOutcome";
    public static final String VAR_CANCELLED_BY = "cancelledBy";
    /** Where the book was when the request was cancelled: library, lender or none. */
    public static final String VAR_BOOK_WHERE = "bookWhere";
    public static final String VAR_LENDER_TOLD = "lenderTold";
    public static final String VAR_DUE_DATE = "dueDate";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_OVERDUE_NOTICES_FROM = "overdueNoticesFrom";
    public static final String VAR_RENEWALS = "renewals";
    public static final String VAR_NEW_DUE_DATE = "newDueDate";
    public static final String VAR_RENEWAL_OUTCOME = "renewalOutcome";
    public static final String VAR_RENEWAL_REFUSAL_REASON = "renewalRefusalReason";
    public static final String VAR_RENEWAL_REQUESTED_BY = "renewalRequestedBy";
    public static final String VAR_RECALL_DUE_DATE = "recallDueDate";
    public static final String VAR_RECALL_REASON = "recallReason";
    public static final String VAR_RECALLED_BY = "recalledBy";
    public static final String VAR_BOOK_CHECKED = "bookChecked";
    public static final String VAR_OVERDUE_DAYS = "overdueDays";
    public static final String VAR_OVERDUE_FEE = "overdueFee";
    public static final String VAR_SHIPPING_COST = "shippingCost";
    public static final String VAR_TRACKING_NUMBER = "trackingNumber";
    /** Whether the lender taken last is an ISO 18626 partner: illflow then sends and reads the messages itself. */
    public static final String VAR_LENDER_IS_PEER = "lenderIsPeer";
    /** The requestingAgencyRequestId of the request sent to the partner now (the number, or number-R2 … on a retry). */
    public static final String VAR_PARTNER_REQUEST_ID = "partnerRequestId";
    /** The partner's due date (yyyy-MM-dd) from its Loaned message; the patron's due date is set from it. */
    public static final String VAR_LENDER_DUE_DATE = "lenderDueDate";
    /** The partner's RetryPossible: its reason, conditions and offered cost, for the staff decision. */
    public static final String VAR_LENDER_RETRY_REASON = "lenderRetryReason";
    /** Staff's answer on Task_DecideOnRetry: retry (ask the partner again, accepting) or nextLender. */
    public static final String VAR_RETRY_DECISION = "retryDecision";
    /** The ISO 18626 action a "tell the partner" step sends (its input parameter): Received, Cancel … */
    public static final String VAR_PARTNER_ACTION = "partnerAction";
    /** Staff tick it on Task_ReceivePartnerBook when the partner's parcel is on the desk. */
    public static final String VAR_PARTNER_BOOK_ARRIVED = "partnerBookArrived";
    /** Staff tick it on Task_CheckReturnWithPartner once the partner said it has the book back. */
    public static final String VAR_PARTNER_HAS_BOOK = "partnerHasBook";
    /** How staff learnt it (e-mail, phone, the partner's own system): on the timeline. */
    public static final String VAR_RETURN_CHECK_NOTE = "returnCheckNote";

    public static final String REQUESTED = "requested";
    public static final String SKIP = "skip";
    public static final String RECEIVED = "received";
    public static final String UNFILLED = "unfilled";
    public static final String GRANTED = "granted";
    public static final String REFUSED = "refused";
    public static final String OUTCOME_LENT = "lent";
    public static final String OUTCOME_NOT_COLLECTED = "notCollected";
    public static final String OUTCOME_CLOSED = "closed";
    public static final String BOOK_AT_LIBRARY = "library";
    public static final String BOOK_WITH_LENDER = "lender";
    public static final String BOOK_NOWHERE = "none";
    public static final String RETRY = "retry";
    public static final String NEXT_LENDER = "nextLender";

    public static final String NOTICE_REJECTED = "ILL_REJECTED";
    /** "Request received", with its number, once per request: the first step after the save point. */
    public static final String NOTICE_RECEIVED = "ILL_RECEIVED";
    public static final String TASK_CONFIRM_RECEIPT = "Task_ConfirmReceipt";
    public static final String NOTICE_HELD_LOCALLY = "ILL_HELD_LOCALLY";
    public static final String NOTICE_UNFILLED = "ILL_UNFILLED";
    public static final String NOTICE_READY_FOR_PICKUP = "ILL_READY_FOR_PICKUP";
    public static final String NOTICE_NOT_COLLECTED = "ILL_NOT_COLLECTED";
    public static final String NOTICE_DUE_REMINDER = "ILL_DUE_REMINDER";
    public static final String NOTICE_OVERDUE = "ILL_OVERDUE";
    public static final String NOTICE_RENEWED = "ILL_RENEWED";
    public static final String NOTICE_RENEWAL_REFUSED = "ILL_RENEWAL_REFUSED";
    public static final String NOTICE_RECALLED = "ILL_RECALLED";
    public static final String NOTICE_RETURNED = "ILL_RETURNED";

    private InterlibraryLoanProcess() {
    }
}
