package org.illflow.supplier;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Supplier and lender turnaround targets are agreed in working days. Saturdays and Sundays do not count; public
 * holidays are not known to illflow yet (a holiday calendar would be a setting), so a target over a holiday
 * falls due early rather than late.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static Instant after(Instant start, int workingDays, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        int left = workingDays;
        while (left > 0) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
