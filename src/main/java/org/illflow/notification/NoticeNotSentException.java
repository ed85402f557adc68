package org.illflow.notification;

/** SMTP refused or could not be reached. Thrown to the engine so the job retries, then becomes an incident. */
public class NoticeNotSentException extends RuntimeException {

    public NoticeNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
