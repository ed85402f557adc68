package org.illflow.conversation;

import java.time.Instant;

/**
 * One message on a request: who wrote it (a patron's card number or a staff member's user id), whether staff
 * wrote it, the plain text (shown escaped, line breaks kept), when, and when the other side first read it.
 */
public record RequestMessage(long id, String requestNumber, String author, boolean fromStaff, String body,
        Instant writtenAt, Instant readAt) {

    public boolean isUnread() {
        return readAt == null;
    }
}
