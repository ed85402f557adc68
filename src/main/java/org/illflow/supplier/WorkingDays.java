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
        if (calendar != null) {
            return calendar.after(start, workingDays, zone);
        }
        ZonedDateTime at = start.atZone(zone);
        int left = workingDays;
        while (left > 0) {
            at = at.plusDays(1);
            if (WorkingCalendar.weekday(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }
}
