package org.illflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's key figures (fill rate, held-locally share) and a default period that reaches imported history. */
@IllflowTest
class ReportKeyFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Reports reports;

    @Test
    void theDashboardShowsFillRateAndTheHeldLocallyShare() throws Exception {
        ReportFixture.load(jdbc);
        // 2011–2013: 10 requests; filled 6 (RPT-01, 02, 03, 04, 07, 12), unfilled 2, held locally 1 (RPT-08)
        ReportRow totals = reports.totals(LocalDate.parse("2011-01-01"), LocalDate.parse("2013-12-31"));
        assertThat(totals.requests()).isEqualTo(10);
        assertThat(totals.fillRate()).isEqualByComparingTo("75.0");
        assertThat(totals.heldLocally()).isEqualTo(1);

        String page = mvc.perform(get("/staff/reports?from=2011-01-01&to=2013-12-31")
                        .with(user("ddstaff").roles("STAFF", "DD_STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"key-figures\"").contains("<dd id=\"kf-requests\">10</dd>")
                .contains("<dd id=\"kf-fill-rate\">75.0 %</dd>").contains("<dd id=\"kf-held-locally\">10.00 % (1)</dd>")
                .contains("本馆已有馆藏的申请占比");
    }

    @Test
    void theDefaultPeriodReachesBackToImportedHistory() throws Exception {
        jdbc.update("delete from legacy_request where request_number = 'KF-1995'");
        jdbc.update("""
                insert into legacy_request (request_number, service, submitted_at, finished_at, status, patron_type,
                  college, patron, supplier, journal, issn, title, pub_year, cost, overdue_fee, source_file, imported_at)
                values ('KF-1995', 'DD', ?, null, 'UNFILLED', null, null, null, null, null, null, 'old', null, null,
                  null, 'fixture', ?)""", OffsetDateTime.parse("1995-06-01T09:00+08:00"), OffsetDateTime.now());
        try {
            LocalDate[] window = reports.defaultWindow();
            assertThat(window[0]).isBeforeOrEqualTo(LocalDate.parse("1995-01-01"))
                    .isAfterOrEqualTo(LocalDate.parse("1990-01-01"));
            assertThat(window[1]).isEqualTo(LocalDate.of(LocalDate.now().getYear(), 12, 31));
            String page = mvc.perform(get("/staff/reports").with(user("ddstaff").roles("STAFF", "DD_STAFF")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("name=\"from\" value=\"" + window[0] + "\"");
        } finally {
            jdbc.update("delete from legacy_request where request_number = 'KF-1995'");
        }
    }
}
