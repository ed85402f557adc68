package org.illflow.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Due dates, pickup deadlines, reminder times and overdue fees in the library's time zone (Asia/Shanghai). */
class DueDateCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final LoanSettings settings = new LoanSettings();
    private final DueDateCalculator dates = new DueDateCalculator(settings, Clock.system(SHANGHAI),
            java.util.function.UnaryOperator.identity());

    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @ParameterizedTest(name = "checked out {0}, lender lends {1} days: due {2}")
    @CsvSource({
        // the National Library of China lends 14 days; 3 days go to the return post
        "2026-03-02T10:00, 14, 2026-03-13",
        // a Shanghai library lends 30 days: over the end of January into February
        "2026-01-30T09:00, 30, 2026-02-26",
        // over the end of February: 2026 has no leap day, 2028 has one
        "2026-02-20T09:00, 14, 2026-03-03",
        "2028-02-20T09:00, 14, 2028-03-02",
        "2028-02-18T09:00, 14, 2028-02-29",
        // over the end of the year
        "2026-12-20T15:00, 30, 2027-01-16",
        // late in the evening in Shanghai is still that day, although UTC is 8 hours behind
        "2026-03-31T23:30, 14, 2026-04-11",
        // just after midnight in Shanghai is the new day, although UTC is still on the day before
        "2026-04-01T00:30, 14, 2026-04-12",
    })
    void theDueDateIsTheLoanPeriodLessTheReturnShippingBuffer(String checkedOut, int loanDays, LocalDate due) {
        assertThat(dates.dueDate(at(checkedOut), loanDays)).isEqualTo(due);
    }

    @Test
    void aLoanPeriodShorterThanTheBufferStillGivesTheBookForADay() {
        assertThat(dates.dueDate(at("2026-03-02T10:00"), 2)).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @ParameterizedTest(name = "due {0}, renewed for {1} days: due {2}")
    @CsvSource({
        "2026-01-31, 30, 2026-03-02",
        "2028-02-15, 14, 2028-02-29",
        "2028-02-29, 30, 2028-03-30",
        "2027-02-28, 1, 2027-03-01",
    })
    void aRenewalAddsTheLendersLoanPeriodToTheCurrentDueDate(LocalDate current, int loanDays, LocalDate renewed) {
        assertThat(dates.renewedDueDate(current, loanDays)).isEqualTo(renewed);
    }

    @ParameterizedTest(name = "arrived {0}: collect by {1}")
    @CsvSource({
        "2026-03-02T10:00, 2026-03-09",
        "2026-02-26T16:00, 2026-03-05",
        "2028-02-25T16:00, 2028-03-03",
        "2026-12-28T11:00, 2027-01-04",
    })
    void theBookWaitsAWeekAndGoesBackWhenTheLastPickupDayEnds(String arrived, LocalDate lastDay) {
        assertThat(dates.lastPickupDay(at(arrived))).isEqualTo(lastDay);
        assertThat(dates.pickupDeadline(at(arrived))).isEqualTo(lastDay.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
    }

    @ParameterizedTest(name = "due {0}: reminder at the start of {1}")
    @CsvSource({
        "2026-03-13, 2026-03-10",
        "2028-03-02, 2028-02-28",
        "2027-03-02, 2027-02-27",
        "2026-05-01, 2026-04-28",
    })
    void theReminderGoesThreeDaysBeforeTheDueDate(LocalDate due, LocalDate reminderDay) {
        assertThat(dates.reminderAt(due)).isEqualTo(reminderDay.atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void theFirstOverdueNoticeGoesWhenTheDueDateEnds() {
        assertThat(dates.overdueFrom(LocalDate.parse("2028-02-28"))).isEqualTo(at("2028-02-29T00:00"));
        assertThat(dates.overdueFrom(LocalDate.parse("2026-02-28"))).isEqualTo(at("2026-03-01T00:00"));
        assertThat(dates.overdueFrom(LocalDate.parse("2026-12-31"))).isEqualTo(at("2027-01-01T00:00"));
    }

    @ParameterizedTest(name = "due {0}, returned {1}: {2} days, fee {3}")
    @CsvSource({
        // on time or early: nothing to pay
        "2026-03-13, 2026-03-13T18:00, 0, 0.00",
        "2026-03-13, 2026-03-10T09:00, 0, 0.00",
        // across the end of February: one day in 2027, two in the leap year 2028
        "2027-02-28, 2027-03-01T09:00, 1, 0.50",
        "2028-02-28, 2028-03-01T09:00, 2, 1.00",
        "2028-02-29, 2028-03-01T09:00, 1, 0.50",
        // across the end of a 31-day month and of the year
        "2026-01-31, 2026-03-02T10:00, 30, 15.00",
        "2026-03-30, 2026-04-02T10:00, 3, 1.50",
        "2026-12-30, 2027-01-02T10:00, 3, 1.50",
        // counted by the day in Shanghai, not in UTC (00:30 in Shanghai is 16:30 the day before in UTC)
        "2026-03-30, 2026-04-01T00:30, 2, 1.00",
    })
    void overdueDaysAndTheFeeAreCountedInCalendarDays(LocalDate due, String returned, int days, BigDecimal fee) {
        int overdue = dates.overdueDays(due, at(returned));
        assertThat(overdue).isEqualTo(days);
        assertThat(dates.overdueFee(overdue)).isEqualByComparingTo(fee).hasScaleOf(2);
    }

    @Test
    void theFeePerDayIsASetting() {
        settings.setOverdueFeePerDay(new BigDecimal("0.30"));
        assertThat(dates.overdueFee(7)).isEqualTo(new BigDecimal("2.10"));
        assertThat(dates.overdueFee(0)).isEqualTo(new BigDecimal("0.00"));
    }
}
