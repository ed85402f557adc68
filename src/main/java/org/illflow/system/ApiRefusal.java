package org.illflow.system;

/**
 * A request the JSON API refuses for a reason the caller should read: answered as RFC 9457 problem+json with
 * the status and the message (key of messages*.properties) in the caller's language.
 */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final Object[] arguments;

    public ApiRefusal(int status, String messageKey, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public Object[] getArguments() {
        return arguments.clone();
    }

    public int getStatus() {
        return status;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
