package org.illflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

import org.illflow.loan.DueDateCalculator;
import org.illflow.loan.LoanSettings;
import org.illflow.supplier.WorkingDays;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The working-day calendar with the demo data's 2026 (国庆 1–7 October, 调休 Saturday 10 October): working days,
 * due dates and pickup deadlines follow it; admins edit and import it. Edits use 2031, which no other test reads.
 */
@IllflowTest
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired WorkingCalendar calendar;
    @Autowired DueDateCalculator dates;
    @Autowired LoanSettings loanSettings;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void clean() {
        jdbc.update("delete from working_calendar_day where calendar_date between date '2031-01-01' and date '2031-12-31'");
        loanSettings.setDeskOpenOnWeekends(true);
    }

    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Test
    void theDemoDataHas2026And2027() {
        assertThat(calendar.year(2026)).extracting(d -> d.getDay() + " " + d.getKind())
                .contains("2026-10-01 HOLIDAY", "2026-10-07 HOLIDAY", "2026-10-10 WORKDAY", "2026-02-17 HOLIDAY",
                        "2026-02-14 WORKDAY");
        assertThat(calendar.year(2027)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getName()).as("a placeholder, marked so").contains("待核对"));
        assertThat(calendar.isOpen(LocalDate.parse("2026-10-05"))).as("国庆, a Monday").isFalse();
        assertThat(calendar.isOpen(LocalDate.parse("2026-10-10"))).as("调休, a Saturday").isTrue();
        assertThat(calendar.isOpen(LocalDate.parse("2026-10-11"))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isOpen(LocalDate.parse("2026-10-12"))).isTrue();
    }

    @Test
    void aDueDateLandingOnTheNationalDayHolidayMovesToTheNextOpenDay() {
        // NLC-like 30 days − 3 for the return post: 6 September + 27 = Saturday 3 October, inside 国庆
        assertThat(dates.dueDate(at("2026-09-06T10:00"), 30)).isEqualTo(LocalDate.parse("2026-10-08"));
        // on 1 October itself
        assertThat(dates.dueDate(at("2026-09-04T10:00"), 30)).isEqualTo(LocalDate.parse("2026-10-08"));
        // a renewal landing in the holiday moves too
        assertThat(dates.renewedDueDate(LocalDate.parse("2026-09-05"), 30)).isEqualTo(LocalDate.parse("2026-10-08"));
        // the last pickup day: arrived 24 September + 7 days = 1 October
        assertThat(dates.lastPickupDay(at("2026-09-24T15:00"))).isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(dates.pickupDeadline(at("2026-09-24T15:00"))).isEqualTo(at("2026-10-09T00:00"));
    }

    @Test
    void aDueDateLandingOnATiaoxiuSaturdayStaysEvenWhenTheDeskClosesOnWeekends() {
        loanSettings.setDeskOpenOnWeekends(false);
        // 13 September + 27 = Saturday 10 October, a 调休 working day: open
        assertThat(dates.dueDate(at("2026-09-13T10:00"), 30)).isEqualTo(LocalDate.parse("2026-10-10"));
        // an ordinary Saturday a week later moves to Monday
        assertThat(dates.dueDate(at("2026-09-20T10:00"), 30)).isEqualTo(LocalDate.parse("2026-10-19"));

        // with the desk open on weekends (the default) an ordinary Saturday is a due date like any other
        loanSettings.setDeskOpenOnWeekends(true);
        assertThat(dates.dueDate(at("2026-09-20T10:00"), 30)).isEqualTo(LocalDate.parse("2026-10-17"));
        assertThat(dates.dueDate(at("2026-09-13T10:00"), 30)).isEqualTo(LocalDate.parse("2026-10-10"));
    }

    @Test
    void workingDaysForSuppliersAndTasksSkipHolidaysAndCountTiaoxiuDays() {
        // 30 September + 3 working days: 8, 9 October and the 调休 Saturday 10 October
        assertThat(WorkingDays.after(at("2026-09-30T10:00"), 3, SHANGHAI)).isEqualTo(at("2026-10-10T10:00"));
        // 24 September (Thursday) + 2: 25–27 are 中秋, so Monday 28 and Tuesday 29
        assertThat(WorkingDays.after(at("2026-09-24T09:00"), 2, SHANGHAI)).isEqualTo(at("2026-09-29T09:00"));
        // the 调休 Sunday 20 September counts: Friday 18 + 1 = Sunday 20
        assertThat(WorkingDays.after(at("2026-09-18T09:00"), 1, SHANGHAI)).isEqualTo(at("2026-09-20T09:00"));
        // no entries: Monday to Friday
        assertThat(WorkingDays.after(at("2031-03-07T09:00"), 1, SHANGHAI)).isEqualTo(at("2031-03-10T09:00"));
    }

    @Test
    void adminsImportAYearFromAnExcelCsvAndEditSingleDays() throws Exception {
        String csv = "date,type,name\r\n2031-10-01,HOLIDAY,国庆节\r\n2031-10-02,放假,国庆节\r\n2031-10-11,调休,国庆节调休\r\n";
        String page = mvc.perform(multipart("/admin/calendar/import")
                        .file(new MockMultipartFile("file", "2031.csv", "text/csv", csv.getBytes(Charset.forName("GBK"))))
                        .with(csrf()).with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已导入 3 天（2031 年").contains("GB18030").contains("国庆节调休");
        assertThat(calendar.isOpen(LocalDate.parse("2031-10-02"))).isFalse();
        assertThat(calendar.isOpen(LocalDate.parse("2031-10-11"))).isTrue();

        // a file with a bad line changes nothing and names the line
        String bad = "2031-10-01,HOLIDAY\n2031-13-01,HOLIDAY\n2031-10-03,maybe\n";
        String refused = mvc.perform(multipart("/admin/calendar/import")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user("admin").roles("ADMIN", "STAFF")).cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("nothing was imported").contains("Line 2:").contains("Not a date: 2031-13-01")
                .contains("Line 3:").contains("Unknown type: maybe");
        assertThat(calendar.year(2031)).hasSize(3);

        // one day at a time: a new holiday, then removed again
        mvc.perform(post("/admin/calendar/day").param("day", "2031-03-07").param("kind", "HOLIDAY")
                        .param("name", "校庆").with(csrf()).with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isOpen(LocalDate.parse("2031-03-07"))).isFalse();
        assertThat(mvc.perform(get("/admin/calendar").param("year", "2031").with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("校庆");
        mvc.perform(post("/admin/calendar/day").param("day", "2031-02-30").param("kind", "HOLIDAY").with(csrf())
                .with(user("admin").roles("ADMIN", "STAFF"))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/calendar/day/delete").param("day", "2031-03-07").with(csrf())
                .with(user("admin").roles("ADMIN", "STAFF"))).andExpect(status().is3xxRedirection());
        assertThat(calendar.isOpen(LocalDate.parse("2031-03-07"))).isTrue();

        // staff, patrons and requests without CSRF cannot change it
        mvc.perform(post("/admin/calendar/day").param("day", "2031-03-07").param("kind", "HOLIDAY").with(csrf())
                .with(user("ddstaff").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").with(user("2024110001").roles("PATRON"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/day").param("day", "2031-03-07").param("kind", "HOLIDAY")
                .with(user("admin").roles("ADMIN", "STAFF"))).andExpect(status().isForbidden());
        assertThat(calendar.isOpen(LocalDate.parse("2031-03-07"))).isTrue();
    }
}
