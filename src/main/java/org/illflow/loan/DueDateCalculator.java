package org.illflow.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import org.illflow.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.stereotype.Component;

/**
 * The dates and money of a loan, in the library's time zone. Days are calendar days: a due date is a day, and
 * the book is due by the end of it. Timers fire at the start of a day. A due date or a last pickup day that falls
 * on a day the circulation desk is closed (a public holiday in the working-day calendar; weekends too when
 * {@code illflow.loan.desk-open-on-weekends} is false) moves to the next day it is open; a weekend day worked
 * instead (调休) is open.
 */
@Component
public class DueDateCalculator {

    private final LoanSettings settings;
    private final ZoneId zone;
    private final UnaryOperator<LocalDate> nextOpenDay;

    @Autowired
    DueDateCalculator(LoanSettings settings, Clock clock, WorkingCalendar calendar) {
        this(settings, clock, day -> calendar.nextOpenDay(day, settings.isDeskOpenOnWeekends()));
    }

    /** With another rule for closed days (tests; {@code UnaryOperator.identity()}: every day open). */
    DueDateCalculator(LoanSettings settings, Clock clock, UnaryOperator<LocalDate> nextOpenDay) {
        this.settings = settings;
        this.zone = clock.getZone();
        this.nextOpenDay = nextOpenDay;
    }

    /**
     * Check-out day + the lender's loan period − the return-shipping buffer; never earlier than the day after
     * check-out, however short the lender's period.
     */
    public LocalDate dueDate(Instant checkedOutAt, int lenderLoanPeriodDays) {
        LocalDate checkOutDay = day(checkedOutAt);
        LocalDate due = checkOutDay.plusDays(lenderLoanPeriodDays).minus(settings.getReturnShippingBuffer());
        return nextOpenDay.apply(due.isAfter(checkOutDay) ? due : checkOutDay.plusDays(1));
    }

    /** A renewal adds the lender's loan period to the current due date. */
    public LocalDate renewedDueDate(LocalDate currentDueDate, int lenderLoanPeriodDays) {
        return nextOpenDay.apply(currentDueDate.plusDays(lenderLoanPeriodDays));
    }

    /** The last day the patron may collect the book: the arrival day + the pickup window (an open day). */
    public LocalDate lastPickupDay(Instant arrivedAt) {
        return nextOpenDay.apply(day(arrivedAt).plus(settings.getPickupWindow()));
    }

    /** When the book goes back uncollected: as the last pickup day ends. */
    public Instant pickupDeadline(Instant arrivedAt) {
        return endOf(lastPickupDay(arrivedAt));
    }

    /** The reminder goes out at the start of the day {@code reminder-lead} before the due date. */
    public Instant reminderAt(LocalDate dueDate) {
        return dueDate.minus(settings.getReminderLead()).atStartOfDay(zone).toInstant();
    }

    /** The first overdue notice: as the due date ends. */
    public Instant overdueFrom(LocalDate dueDate) {
        return endOf(dueDate);
    }

    /** Whole days between the due date and the day the book came back; 0 when on time. */
    public int overdueDays(LocalDate dueDate, Instant returnedAt) {
        long days = ChronoUnit.DAYS.between(dueDate, day(returnedAt));
        return (int) Math.max(0, days);
    }

    /** The patron's overdue fee: days × the fee per day. */
    public BigDecimal overdueFee(int overdueDays) {
        return settings.getOverdueFeePerDay().multiply(BigDecimal.valueOf(overdueDays)).setScale(2,
                RoundingMode.HALF_UP);
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
