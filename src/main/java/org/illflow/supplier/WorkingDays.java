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
        return step(start, workingDays, 1, zone);
    }

    /** The same time of day, {@code workingDays} working days earlier. */
    public static Instant before(Instant end, int workingDays, ZoneId zone) {
        return step(end, workingDays, -1, zone);
    }

    /** Whole working days from {@code from} to {@code to} (0 when {@code to} is not later). */
    public static int between(Instant from, Instant to, ZoneId zone) {
        int days = 0;
        ZonedDateTime at = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (!(at = at.plusDays(1)).isAfter(end)) {
            if (isWorkingDay(at)) {
                days++;
            }
        }
        return days;
    }

    private static Instant step(Instant start, int workingDays, int direction, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        int left = workingDays;
        while (left > 0) {
            at = at.plusDays(direction);
            if (isWorkingDay(at)) {
                left--;
            }
        }
        return at.toInstant();
    }

    private static boolean isWorkingDay(ZonedDateTime at) {
        return at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
