package org.illflow.report;

import java.util.List;

/** A report that cannot run as asked (unknown dimension, reversed or absurd dates). Nothing was queried. */
public class InvalidReportException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    InvalidReportException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** A key of messages-report*.properties. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
