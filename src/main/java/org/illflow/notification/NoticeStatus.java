package org.illflow.notification;

public enum NoticeStatus {
    /** Recorded, not yet handed to the SMTP server. */
    PENDING,
    SENT,
    /** The last attempt failed; the job retries and ends as an incident in Cockpit. */
    FAILED
}
