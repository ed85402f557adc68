package org.illflow.supplier;

import java.time.Instant;
import java.time.ZoneId;

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
        return WorkingCalendar.currentOrWeekdays().after(start, workingDays, zone);
    }

    /** The same time of day, {@code workingDays} working days earlier. */
    public static Instant before(Instant end, int workingDays, ZoneId zone) {
        return WorkingCalendar.currentOrWeekdays().before(end, workingDays, zone);
    }

    /** Whole working days from {@code from} to {@code to} (0 when {@code to} is not later). */
    public static int between(Instant from, Instant to, ZoneId zone) {
        return WorkingCalendar.currentOrWeekdays().between(from, to, zone);
    }
}
