package org.illflow.delivery;

/** Ids and variable names of processes/document-delivery.bpmn, so Java and the model cannot drift. */
public final class DocumentDeliveryProcess {

    public static final String KEY = "DocumentDeliveryProcess";
    public static final String MESSAGE_CANCEL = "Message_CancelRequested";
    public static final String MESSAGE_SAME_ARTICLE_SETTLED = "Message_SameArticleSettled";
    public static final String ERROR_PATRON_NOT_ACTIVE = "Error_PatronNotActive";
    /** The ISO 18626 partner's supplyingAgencyMessages the process waits for (correlated by business key). */
    public static final String MESSAGE_SUPPLIER_WILL_SUPPLY = "Message_SupplierWillSupply";
    public static final String MESSAGE_SUPPLIER_COPY_COMPLETED = "Message_SupplierCopyCompleted";
    public static final String MESSAGE_SUPPLIER_UNFILLED = "Message_SupplierUnfilled";
    /** The partner's copy could not be fetched from its URL (not a PDF, too large, unreachable …): staff get it. */
    public static final String ERROR_COPY_NOT_FETCHED = "Error_CopyNotFetched";

    public static final String START = "StartEvent_RequestSubmitted";
    public static final String TASK_RECORD_REQUEST = "Task_RecordRequest";
    public static final String TASK_VERIFY_PATRON = "Task_VerifyPatron";
    public static final String EVENT_PATRON_NOT_ACTIVE = "Event_PatronNotActive";
    public static final String TASK_REJECT_REQUEST = "Task_RejectRequest";
    public static final String TASK_NOTIFY_REJECTED = "Task_NotifyRejected";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String TASK_CHECK_ARCHIVE = "Task_CheckArchive";
    public static final String GATEWAY_COPY_IN_ARCHIVE = "Gateway_CopyInArchive";
    public static final String TASK_DELIVER_FROM_ARCHIVE = "Task_DeliverFromArchive";
    public static final String TASK_SEND_ARCHIVED_COPY = "Task_SendArchivedCopy";
    public static final String END_DELIVERED_FROM_ARCHIVE = "EndEvent_DeliveredFromArchive";
    public static final String TASK_CHECK_HOLDINGS = "Task_CheckHoldings";
    public static final String TASK_RECORD_HELD_LOCALLY = "Task_RecordHeldLocally";
    public static final String TASK_NOTIFY_HELD_LOCALLY = "Task_NotifyHeldLocally";
    public static final String TASK_CONFIRM_LOCAL_HOLDING = "Task_ConfirmLocalHolding";
    public static final String END_HELD_LOCALLY = "EndEvent_HeldLocally";
    public static final String TASK_CHECK_SAME_ARTICLE = "Task_CheckSameArticle";
    public static final String GATEWAY_SAME_ARTICLE = "Gateway_SameArticle";
    public static final String EVENT_SAME_ARTICLE_SETTLED = "Event_SameArticleSettled";
    public static final String TASK_CHECK_LIMITS = "Task_CheckLimits";
    public static final String GATEWAY_WITHIN_LIMITS = "Gateway_WithinLimits";
    public static final String TASK_APPROVE_OVER_LIMIT = "Task_ApproveOverLimit";
    public static final String GATEWAY_OVER_LIMIT_APPROVED = "Gateway_OverLimitApproved";
    public static final String TASK_RANK_SUPPLIERS = "Task_RankSuppliers";
    public static final String TASK_TAKE_NEXT_SUPPLIER = "Task_TakeNextSupplier";
    public static final String TASK_ORDER = "Task_OrderFromSupplier";
    public static final String TASK_RECEIVE = "Task_ReceiveCopy";
    public static final String EVENT_SUPPLIER_TIMEOUT = "Event_SupplierTimeout";
    public static final String TASK_RECORD_SUPPLIER_TIMEOUT = "Task_RecordSupplierTimeout";
    public static final String TASK_RECORD_SUPPLIER_UNFILLED = "Task_RecordSupplierUnfilled";
    public static final String TASK_RECORD_DELIVERY = "Task_RecordDelivery";
    public static final String TASK_NOTIFY_DELIVERED = "Task_NotifyDelivered";
    public static final String END_DELIVERED = "EndEvent_Delivered";
    public static final String TASK_RECORD_UNFILLED = "Task_RecordUnfilled";
    public static final String TASK_NOTIFY_UNFILLED = "Task_NotifyUnfilled";
    public static final String END_UNFILLED = "EndEvent_Unfilled";
    public static final String START_CANCEL = "StartEvent_CancelRequested";
    public static final String TASK_RECORD_CANCELLATION = "Task_RecordCancellation";
    public static final String END_CANCELLED = "EndEvent_Cancelled";

    // ---- the supplier is an ISO 18626 partner library (requester role, service type Copy) -----------------------
    public static final String TASK_SEND_COPY_REQUEST = "Task_SendCopyRequest";
    public static final String GATEWAY_AWAIT_SUPPLIER = "Gateway_AwaitSupplier";
    public static final String EVENT_SUPPLIER_WILL_SUPPLY = "Event_SupplierWillSupply";
    public static final String EVENT_SUPPLIER_COPY_COMPLETED = "Event_SupplierCopyCompleted";
    public static final String GATEWAY_COPY_BY_URL = "Gateway_CopyByUrl";
    public static final String TASK_FETCH_COPY = "Task_FetchCopy";
    public static final String EVENT_COPY_NOT_FETCHED = "Event_CopyNotFetched";
    public static final String EVENT_SUPPLIER_UNFILLED = "Event_SupplierUnfilled";
    public static final String EVENT_PARTNER_TIMEOUT = "Event_PartnerSupplierTimeout";
    public static final String TASK_SEND_CANCEL_ON_TIMEOUT = "Task_SendCopyCancelOnTimeout";
    public static final String GATEWAY_CANCEL_TELL_PARTNER = "Gateway_CancelTellPartner";
    public static final String TASK_SEND_CANCEL_ON_WITHDRAW = "Task_SendCopyCancelOnWithdraw";

    public static final String VAR_REQUEST_ID = "requestId";
    public static final String VAR_REQUEST_NUMBER = "requestNumber";
    public static final String VAR_PATRON = "patronCardNumber";
    /** The request's title, for task names and forms in Tasklist. */
    public static final String VAR_REQUEST_TITLE = "requestTitle";
    /** Where the library holds it, shown on the Confirm task. */
    public static final String VAR_HOLDING_INFO = "holdingInfo";
    public static final String VAR_ARCHIVED_DOCUMENT = "archivedDocumentId";
    /** The number of the open request for the same article this one waits for; null when none. */
    public static final String VAR_SAME_ARTICLE_ON_ORDER = "sameArticleOnOrder";
    public static final String VAR_HELD_LOCALLY = "heldLocally";
    public static final String VAR_HOLDING_ACCESSIBLE = "holdingAccessible";
    public static final String VAR_REMAINING_SUPPLIERS = "remainingSuppliers";
    public static final String VAR_SUPPLIER_LEFT = "supplierLeft";
    public static final String VAR_SUPPLIER_CODE = "supplierCode";
    public static final String VAR_SUPPLIER_NAME = "supplierName";
    public static final String VAR_SUPPLIER_DUE_AT = "supplierDueAt";
    public static final String VAR_ORDER_OUTCOME = "orderOutcome";
    public static final String VAR_RECEIVE_OUTCOME = "receiveOutcome";
    public static final String VAR_DOCUMENT_ID = "documentId";
    public static final String VAR_UNFILLED_REASON = "unfilledReason";
    /** Whether the supplier taken last is an ISO 18626 partner: illflow then sends and reads the messages itself. */
    public static final String VAR_SUPPLIER_IS_PEER = "supplierIsPeer";
    /** The requestingAgencyRequestId of the copy request sent to the partner now. */
    public static final String VAR_PARTNER_REQUEST_ID = "partnerRequestId";
    /** True while the partner has an open request of ours (a cancellation then tells it). */
    public static final String VAR_PARTNER_REQUEST_OPEN = "partnerRequestOpen";
    /** Where the partner's CopyCompleted says the PDF is (null: it was sent by e-mail; staff upload it). */
    public static final String VAR_COPY_URL = "copyUrl";
    /** The ISO 18626 action a "tell the partner" step sends (its input parameter). */
    public static final String VAR_PARTNER_ACTION = "partnerAction";
    /** Task_CheckLimits' answer: {@link #WITHIN_LIMITS}, {@link #NEEDS_APPROVAL} or {@link #REFUSED}. */
    public static final String VAR_LIMITS_OUTCOME = "limitsOutcome";
    /** Which limit the request is over (copyright, budget), for the admin's task and the patron's notice. */
    public static final String VAR_LIMITS_REASON = "limitsReason";
    /** The admin's answer on Task_ApproveOverLimit. */
    public static final String VAR_OVER_LIMIT_APPROVED = "overLimitApproved";
    /** Staff confirmed the journal's copyright count on the Order form (needed from the warning threshold on). */
    public static final String VAR_COPYRIGHT_CONFIRMED = "copyrightConfirmed";

    /** The fields of Tasklist's start form (a request staff enter for a patron by phone or e-mail). */
    public static final String VAR_GENRE = "genre";
    public static final String VAR_TITLE = "title";
    public static final String VAR_AUTHORS = org.illflow.request.StartForm.AUTHORS;
    public static final String VAR_JOURNAL = "journal";
    public static final String VAR_ISSN = "issn";
    public static final String VAR_DOI = "doi";
    public static final String VAR_VOLUME = "volume";
    public static final String VAR_ISSUE = "issue";
    public static final String VAR_PAGES = "pages";
    public static final String VAR_YEAR = org.illflow.request.StartForm.YEAR;
    public static final String VAR_LANGUAGE = org.illflow.request.StartForm.LANGUAGE;
    public static final String VAR_SUBJECT_AREA = org.illflow.request.StartForm.SUBJECT_AREA;
    public static final String VAR_NOTE = org.illflow.request.StartForm.NOTE;
    /** The patron's needed-by date, yyyy-MM-dd (optional; start form field and start variable). */
    public static final String VAR_NEEDED_BY = org.illflow.request.StartForm.NEEDED_BY;

    public static final String WITHIN_LIMITS = org.illflow.request.LimitVerdict.WITHIN;
    public static final String NEEDS_APPROVAL = org.illflow.request.LimitVerdict.NEEDS_APPROVAL;
    public static final String REFUSED = org.illflow.request.LimitVerdict.REFUSED;

    public static final String ORDERED = "ordered";
    public static final String SKIP = "skip";
    public static final String DELIVERED = "delivered";
    public static final String UNFILLED = "unfilled";

    public static final String NOTICE_DELIVERED = "DD_DELIVERED";
    public static final String NOTICE_HELD_LOCALLY = "DD_HELD_LOCALLY";
    public static final String NOTICE_UNFILLED = "DD_UNFILLED";
    public static final String NOTICE_REJECTED = "DD_REJECTED";
    /** "Request received", with its number, once per request: the first step after the save point. */
    public static final String NOTICE_RECEIVED = "DD_RECEIVED";
    public static final String TASK_CONFIRM_RECEIPT = "Task_ConfirmReceipt";

    private DocumentDeliveryProcess() {
    }
}
