package org.illflow.desk;

import java.time.Instant;
import java.util.List;

/**
 * One request as the desk lists it, document delivery or inter-library loan alike, with the open staff tasks of
 * its process (from the engine's task service).
 */
public record DeskRow(String service, long id, String requestNumber, String patronCardNumber, String patronName,
        String college, String title, String identifier, String status, String partnerCode, Instant submittedAt,
        Instant updatedAt, String processInstanceId, long unreadMessages, java.time.LocalDate neededBy,
        List<OpenTask> tasks) {

    /** A staff task of the request's process: what it is, who holds it (null: nobody yet), when it is due. */
    public record OpenTask(String id, String name, String assignee, Instant due) {
    }

    /**
     * The patron's needed-by date cannot be met: an open task (the order, the supplier's or lender's turnaround, the
     * pickup) is due after the end of that day. Closed requests and requests without a date are never flagged.
     */
    public boolean cannotBeMetInTime(java.time.ZoneId zone) {
        if (neededBy == null) {
            return false;
        }
        Instant endOfDay = neededBy.plusDays(1).atStartOfDay(zone).toInstant();
        return tasks.stream().anyMatch(task -> task.due() != null && task.due().isAfter(endOfDay));
    }

    /** Whole days since the request was sent. */
    public long ageDays(Instant now) {
        return java.time.Duration.between(submittedAt, now).toDays();
    }

    DeskRow withTasks(List<OpenTask> open) {
        return new DeskRow(service, id, requestNumber, patronCardNumber, patronName, college, title, identifier, status,
                partnerCode, submittedAt, updatedAt, processInstanceId, unreadMessages, neededBy, List.copyOf(open));
    }
}
