package org.illflow.desk;

/** The process variables a Tasklist card shows; the lifecycles set most of them, the card listener the rest. */
final class CardVariables {

    static final String REQUEST_NUMBER = "requestNumber";
    static final String REQUEST_TITLE = "requestTitle";
    static final String PATRON_CARD_NUMBER = "patronCardNumber";
    /** Set by {@link TaskCardListener} from the patron's record when a task is created. */
    static final String PATRON_NAME = "patronName";
    static final String SUPPLIER_NAME = "supplierName";
    static final String LENDER_NAME = "lenderName";
    /** The partner library a lending request is for. */
    static final String PARTNER_NAME = org.illflow.lending.LendingProcess.VAR_PARTNER_NAME;
    static final String LOAN_DUE_DATE = "dueDate";
    static final String APPLICANT_NAME = "applicantName";
    static final String CARD_NUMBER = "cardNumber";
    static final String COLLEGE = "college";
    static final String PATRON_TYPE = "patronType";
    /** Set by {@link TaskCardListener}: the patron type as staff read it. */
    static final String PATRON_TYPE_LABEL = org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_TYPE_LABEL;

    /** The patron's unread messages on the request (kept up to date by the conversation package). */
    static final String UNREAD_MESSAGES = org.illflow.conversation.RequestMessages.UNREAD_VARIABLE;
    /** The patron's needed-by date (yyyy-MM-dd), when they gave one. */
    static final String NEEDED_BY = "neededBy";
    /** Set by {@link TaskCardListener} on a task due after the needed-by date: the request cannot be met in time. */
    static final String AT_RISK = "neededByAtRisk";

    /** Copied onto each task when it is created, where Tasklist's cards can read them. */
    static final java.util.List<String> ON_CARDS = java.util.List.of(REQUEST_NUMBER, REQUEST_TITLE, PATRON_NAME,
            SUPPLIER_NAME, LENDER_NAME, PARTNER_NAME, LOAN_DUE_DATE, APPLICANT_NAME, CARD_NUMBER, COLLEGE, UNREAD_MESSAGES,
            NEEDED_BY);

    private CardVariables() {
    }
}
