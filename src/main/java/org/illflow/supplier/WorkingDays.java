package org.illflow.supplier;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.illflow.calendar.WorkingCalendar;

/**
 * Supplier and lender turnaround targets, and staff task deadlines, are agreed in working days. Which days are
 * working days is the library's working-day calendar ({@link WorkingCalendar}: Monday to Friday, minus public
 * holidays, plus the weekend days worked instead, 调休), which admins keep per year.
 *
 * <p>A static entry point, so every caller counts the same way without each injecting the calendar; it uses the
 * calendar of the running application. Outside one (a plain unit test) only weekends are closed.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static Instant after(Instant start, int workingDays, ZoneId zone) {
        WorkingCalendar calendar = WorkingCalendar.current();
        return calendar != null ? calendar.after(start, workingDays, zone) : weekdays(start, workingDays, 1, zone);
    }

    /** The same time of day, {@code workingDays} working days earlier. */
    public static Instant before(Instant end, int workingDays, ZoneId zone) {
        WorkingCalendar calendar = WorkingCalendar.current();
        return calendar != null ? calendar.before(end, workingDays, zone) : weekdays(end, workingDays, -1, zone);
    }

    /** Whole working days from {@code from} to {@code to} (0 when {@code to} is not later). */
    public static int between(Instant from, Instant to, ZoneId zone) {
        WorkingCalendar calendar = WorkingCalendar.current();
        if (calendar != null) {
            return calendar.between(from, to, zone);
        }
        int days = 0;
        ZonedDateTime at = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (!(at = at.plusDays(1)).isAfter(end)) {
            if (WorkingCalendar.weekday(at.toLocalDate())) {
                days++;
            }
        }
        return days;
    }

    private static Instant weekdays(Instant start, int workingDays, int direction, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        int left = workingDays;
        while (left > 0) {
            at = at.plusDays(direction);
            if (WorkingCalendar.weekday(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }
}
