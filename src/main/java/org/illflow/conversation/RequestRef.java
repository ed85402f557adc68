package org.illflow.conversation;

/**
 * The request a conversation belongs to, in either service: {@code DD} (document_delivery_request) or {@code ILL}
 * (loan_request), its row id, number, patron and process instance (null once nothing runs any more).
 */
public record RequestRef(String service, long id, String requestNumber, String patronCardNumber,
        String processInstanceId) {

    public boolean isLoan() {
        return "ILL".equals(service);
    }

    /** The request's own timeline table (the services' tables; a message is one line there too). */
    String timelineTable() {
        return isLoan() ? "loan_timeline_event" : "dd_timeline_event";
    }
}
