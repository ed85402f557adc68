package org.illflow.request;

import java.time.Instant;

/**
 * What every request record says about itself, document delivery or loan: its number, its patron, when it was
 * sent, whether its status still allows a cancel and whether its lifecycle has ended. The kernel works on this;
 * each service's entity keeps what differs (citation, supplier or lender, dates of its own).
 */
public interface RequestRecord {

    Long getId();

    String getRequestNumber();

    String getPatronCardNumber();

    Instant getSubmittedAt();

    /** When the process instance ended; null while the lifecycle runs. */
    Instant getClosedAt();

    /** The status (SUBMITTED, HELD_LOCALLY …) by name. */
    String statusName();

    /** Whether the status alone allows a cancel (nothing delivered or lent yet, not closed by the status). */
    boolean statusAllowsCancel();

    /** The patron may still cancel: the status allows it and the lifecycle has not ended. */
    default boolean isCancellable() {
        return getClosedAt() == null && statusAllowsCancel();
    }

    /** Sent, and nothing has happened since: the checks after the save point have not run yet. */
    default boolean awaitsFirstChecks(java.util.List<? extends TimelineEntry> timeline) {
        return "SUBMITTED".equals(statusName()) && timeline.stream().allMatch(e -> "SUBMITTED".equals(e.getEvent()));
    }
}
