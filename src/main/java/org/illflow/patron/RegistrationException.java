package org.illflow.patron;

/**
 * A registration that cannot be accepted as given. Carries the form field and message key so the page shows
 * the error beside the field in the page's language; from Tasklist's start form it becomes a refusal in both
 * languages ({@link org.illflow.system.StaffRefusals}).
 */
public class RegistrationException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public RegistrationException(String field, String messageKey, String englishMessage) {
        super(englishMessage);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String getField() {
        return field;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
