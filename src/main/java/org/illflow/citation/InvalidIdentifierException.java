package org.illflow.citation;

/**
 * Text that does not read as the identifier it was given for. The message key lets the portal and
 * the API answer with the same translated text as the form validation.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    // Pasted text can be a whole reference list; keep log lines readable.
    private static final int MAX_VALUE_IN_MESSAGE = 100;

    private final String messageKey;
    private final String rejectedValue;

    public InvalidIdentifierException(String messageKey, String rejectedValue) {
        super(messageKey + ": " + quoted(rejectedValue));
        this.messageKey = messageKey;
        this.rejectedValue = rejectedValue;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The value exactly as it was given, so a form can show it back unchanged. */
    public String rejectedValue() {
        return rejectedValue;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= MAX_VALUE_IN_MESSAGE
                ? "'" + value + "'"
                : "'" + value.substring(0, MAX_VALUE_IN_MESSAGE) + "…' (" + value.length() + " characters)";
    }
}
