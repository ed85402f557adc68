package org.illflow.lending;

/** Ids and variable names of processes/lending.bpmn, so Java and the model cannot drift. */
public final class LendingProcess {

    public static final String KEY = "LendingProcess";
    /** A lending request's number, also the process's business key: {@code LEND-YYYY-NNNNNN}. */
    public static final String NUMBER_PREFIX = "LEND";

    public static final String MESSAGE_CANCEL = "Message_LendingCancel";
    public static final String MESSAGE_RECEIVED = "Message_LendingReceived";
    public static final String MESSAGE_RENEW = "Message_LendingRenew";
    public static final String MESSAGE_SHIPPED_RETURN = "Message_LendingShippedReturn";
    public static final String MESSAGE_RECALL = "Message_LendingRecall";

    public static final String START_REQUEST_RECEIVED = "StartEvent_RequestReceived";
    public static final String SUBPROCESS_BEFORE_SHIPPING = "SubProcess_BeforeShipping";
    public static final String START_BEFORE_SHIPPING = "StartEvent_BeforeShipping";
    public static final String TASK_CHECK_HOLDINGS = "Task_CheckHoldings";
    public static final String GATEWAY_HELD = "Gateway_Held";
    public static final String TASK_DECIDE = "Task_Decide";
    public static final String GATEWAY_DECISION = "Gateway_Decision";
    public static final String GATEWAY_MERGE_UNFILLED = "Gateway_MergeUnfilled";
    public static final String TASK_SEND_UNFILLED = "Task_SendUnfilled";
    public static final String END_UNFILLED = "EndEvent_Unfilled";
    public static final String TASK_SEND_RETRY_POSSIBLE = "Task_SendRetryPossible";
    public static final String END_RETRY_POSSIBLE = "EndEvent_RetryPossible";
    public static final String TASK_SEND_WILL_SUPPLY = "Task_SendWillSupply";
    public static final String GATEWAY_LOAN_OR_COPY = "Gateway_LoanOrCopy";
    public static final String TASK_PULL_AND_SHIP = "Task_PullAndShip";
    public static final String TASK_SEND_LOANED = "Task_SendLoaned";
    public static final String END_SHIPPED = "EndEvent_Shipped";
    public static final String TASK_SCAN_AND_SEND = "Task_ScanAndSend";
    public static final String TASK_SEND_COPY_COMPLETED = "Task_SendCopyCompleted";
    public static final String END_COPY_SENT = "EndEvent_CopySent";
    public static final String SUBPROCESS_CANCEL_REQUESTED = "SubProcess_CancelRequested";
    public static final String START_CANCEL_REQUESTED = "StartEvent_CancelRequested";
    public static final String GATEWAY_SUPPLY_PROMISED = "Gateway_SupplyPromised";
    public static final String TASK_ANSWER_CANCEL = "Task_AnswerCancel";
    public static final String GATEWAY_CANCEL_ACCEPTED = "Gateway_CancelAccepted";
    public static final String GATEWAY_MERGE_CANCEL = "Gateway_MergeCancel";
    public static final String TASK_SEND_CANCEL_ACCEPTED = "Task_SendCancelAccepted";
    public static final String END_CANCEL_ACCEPTED = "EndEvent_CancelAccepted";
    public static final String TASK_SEND_CANCEL_REFUSED = "Task_SendCancelRefused";
    public static final String END_CANCEL_REFUSED = "EndEvent_CancelRefused";
    public static final String EVENT_CANCELLED = "Event_Cancelled";
    public static final String END_CANCELLED = "EndEvent_Cancelled";
    public static final String GATEWAY_ON_LOAN = "Gateway_OnLoan";
    public static final String END_FINISHED = "EndEvent_Finished";
    public static final String GATEWAY_MERGE_ON_LOAN = "Gateway_MergeOnLoan";
    public static final String SUBPROCESS_ON_LOAN = "SubProcess_OnLoan";
    public static final String START_ON_LOAN = "StartEvent_OnLoan";
    public static final String TASK_AWAIT_RETURN = "Task_AwaitReturn";
    public static final String END_SHIPPED_BACK = "EndEvent_ShippedBack";
    public static final String EVENT_OVERDUE = "Event_Overdue";
    public static final String TASK_SEND_OVERDUE = "Task_SendOverdue";
    public static final String END_OVERDUE_SENT = "EndEvent_OverdueSent";
    public static final String SUBPROCESS_RECEIVED = "SubProcess_Received";
    public static final String START_RECEIVED = "StartEvent_Received";
    public static final String TASK_RECORD_RECEIVED = "Task_RecordReceived";
    public static final String END_RECEIVED = "EndEvent_Received";
    public static final String SUBPROCESS_RENEW = "SubProcess_Renew";
    public static final String START_RENEW_REQUESTED = "StartEvent_RenewRequested";
    public static final String TASK_DECIDE_RENEWAL = "Task_DecideRenewal";
    public static final String GATEWAY_RENEWAL_GRANTED = "Gateway_RenewalGranted";
    public static final String TASK_SEND_RENEW_GRANTED = "Task_SendRenewGranted";
    public static final String END_RENEWED = "EndEvent_Renewed";
    public static final String TASK_SEND_RENEW_REFUSED = "Task_SendRenewRefused";
    public static final String END_RENEW_REFUSED = "EndEvent_RenewRefused";
    public static final String SUBPROCESS_RECALL = "SubProcess_Recall";
    public static final String START_RECALL = "StartEvent_Recall";
    public static final String TASK_SEND_RECALLED = "Task_SendRecalled";
    public static final String END_RECALLED = "EndEvent_Recalled";
    public static final String EVENT_RENEWED = "Event_Renewed";
    public static final String TASK_CHECK_IN = "Task_CheckInLentBook";
    public static final String TASK_SEND_LOAN_COMPLETED = "Task_SendLoanCompleted";
    public static final String END_LOAN_COMPLETED = "EndEvent_LoanCompleted";

    // ---- variables (Tasklist cards read requestNumber, requestTitle, partnerName, dueDate, neededBy)
    public static final String VAR_LENDING_ID = "lendingId";
    public static final String VAR_REQUEST_NUMBER = "requestNumber";
    public static final String VAR_REQUEST_TITLE = "requestTitle";
    public static final String VAR_PARTNER_NAME = "partnerName";
    public static final String VAR_PARTNER_REQUEST_ID = "partnerRequestId";
    /** What the partner asked for: Loan, Copy or CopyOrLoan (ISO 18626 serviceType). */
    public static final String VAR_SERVICE_TYPE = "serviceType";
    /** Bibliographic details as one text for the staff forms. */
    public static final String VAR_ITEM_DETAILS = "itemDetails";
    /** The partner's need-before date (yyyy-MM-dd), when it gave one. */
    public static final String VAR_NEEDED_BY = "neededBy";
    public static final String VAR_MAX_COST = "maxCost";
    public static final String VAR_HELD = "held";
    public static final String VAR_HOLDING_INFO = "holdingInfo";
    /** Staff's decision on Task_Decide: loan, copy, unfilled or retry. */
    public static final String VAR_DECISION = "decision";
    /** What is supplied once decided: loan or copy. */
    public static final String VAR_SUPPLY_AS = "supplyAs";
    /** The ISO 18626 reasonUnfilled sent with Unfilled (NotHeld when the holdings check finds nothing). */
    public static final String VAR_UNFILLED_REASON = "unfilledReason";
    public static final String VAR_RETRY_REASON = "retryReason";
    public static final String VAR_RETRY_COST = "retryCost";
    public static final String VAR_NOTE = "note";
    /** Whether WillSupply has been sent (a cancellation is then for staff to answer). */
    public static final String VAR_SUPPLY_PROMISED = "supplyPromised";
    /** A cancellation waits for staff: shipping is held back until they answer it. */
    public static final String VAR_CANCEL_PENDING = "cancelPending";
    public static final String VAR_CANCEL_ACCEPTED = "cancelAccepted";
    public static final String VAR_CANCEL_NOTE = "cancelNote";
    /** Where "until shipped" ended: loaned, copied, unfilled or retry. */
    public static final String VAR_LENDING_OUTCOME = "lendingOutcome";
    public static final String VAR_DUE_DATE = "dueDate";
    /**
     * The due date staff give on Task_PullAndShip (proposed from the lending terms). Not {@code dueDate}: that one is
     * a card variable, copied onto each task, which would shadow what the form submits.
     */
    public static final String VAR_SHIP_DUE_DATE = "shipDueDate";
    public static final String VAR_SHIPPING_NOTE = "shippingNote";
    /** When the overdue notices start (end of the due date), as a timer cycle's start. */
    public static final String VAR_OVERDUE_FROM = "overdueFrom";
    public static final String VAR_RENEWALS = "renewals";
    public static final String VAR_RENEWAL_PENDING = "renewalPending";
    public static final String VAR_RENEWAL_OUTCOME = "renewalOutcome";
    public static final String VAR_NEW_DUE_DATE = "newDueDate";
    public static final String VAR_RECALL_NOTE = "recallNote";
    public static final String VAR_BOOK_CHECKED = "bookChecked";
    public static final String VAR_DOCUMENT_ID = "documentId";
    /** Which message a send task sends (input parameter of ${lendingSend}). */
    public static final String VAR_MESSAGE = "message";

    public static final String LOAN = "loan";
    public static final String COPY = "copy";
    public static final String UNFILLED = "unfilled";
    public static final String RETRY = "retry";
    public static final String OUTCOME_LOANED = "loaned";
    public static final String OUTCOME_COPIED = "copied";
    public static final String GRANTED = "granted";
    public static final String REFUSED = "refused";

    private LendingProcess() {
    }
}
