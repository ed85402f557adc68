package org.illflow.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests written for the report tests, all in 2011–2013 (no other test uses those years). Hand-computed
 * figures are in {@link ReportsTest}. Times are the library's (+08:00).
 */
final class ReportFixture {

    static final String PREFIX = "RPT-";

    private ReportFixture() {
    }

    static void load(JdbcTemplate jdbc) {
        jdbc.update("delete from document_delivery_request where request_number like 'RPT-%'");
        jdbc.update("delete from legacy_request where request_number like 'RPT-%'");
        // submitted, delivered, status, patron type, college, patron, supplier, journal, issn, cost
        dd(jdbc, "RPT-01", "2011-03-10T09:00+08:00", "2011-03-12T09:00+08:00", "DELIVERED", "FACULTY", "物理学院", "P1", "NSTL", "Journal A", "1111-1111", "10.00");
        dd(jdbc, "RPT-02", "2011-06-01T08:00+08:00", "2011-06-05T08:00+08:00", "DELIVERED", "PHD_STUDENT", "物理学院", "P2", "CALIS", "Journal A", "1111-1111", "20.50");
        // spans the year end: counted in 2011, when it was submitted; 5 days
        dd(jdbc, "RPT-03", "2011-12-29T10:00+08:00", "2012-01-03T10:00+08:00", "DELIVERED", "MASTER_STUDENT", "化学学院", "P3", "CASHL", "Journal B", "2222-2222", "7.25");
        dd(jdbc, "RPT-04", "2011-08-01T08:00+08:00", "2011-08-01T20:00+08:00", "FROM_ARCHIVE", "FACULTY", "物理学院", "P1", null, "Journal A", "1111-1111", "0.00");
        dd(jdbc, "RPT-05", "2011-09-01T08:00+08:00", null, "UNFILLED", "PHD_STUDENT", "化学学院", "P2", "NSTL", "Journal B", "2222-2222", null);
        // 2010-12-31 16:30 UTC: already 2011 in the library
        dd(jdbc, "RPT-06", "2011-01-01T00:30+08:00", null, "CANCELLED", "MASTER_STUDENT", "化学学院", "P3", null, "Journal C", null, null);
        dd(jdbc, "RPT-07", "2013-02-01T09:00+08:00", "2013-02-11T09:00+08:00", "DELIVERED", "FACULTY", "物理学院", "P1", "NSTL", "Journal A", "1111-1111", "30.00");
        dd(jdbc, "RPT-08", "2013-05-05T09:00+08:00", null, "HELD_LOCALLY", "PHD_STUDENT", "物理学院", "P2", null, "Journal C", null, null);
        dd(jdbc, "RPT-09", "2013-12-31T23:30+08:00", null, "UNFILLED", "FACULTY", "数学学院", "P4", "CALIS", "Journal B", "2222-2222", null);
        // outside 2011–2013 in the library's time
        dd(jdbc, "RPT-10", "2010-12-31T23:50+08:00", null, "CANCELLED", "FACULTY", "数学学院", "P4", null, "Journal A", "1111-1111", null);
        dd(jdbc, "RPT-11", "2014-01-01T00:10+08:00", null, "UNFILLED", "FACULTY", "数学学院", "P4", "NSTL", "Journal A", "1111-1111", null);
        // an imported loan: 7 days, the library paid 45.00, the patron 3.50 overdue fee
        jdbc.update("""
                insert into legacy_request (request_number, service, submitted_at, finished_at, status, patron_type,
                  college, patron, supplier, journal, issn, title, pub_year, cost, overdue_fee, source_file, imported_at)
                values ('RPT-12', 'ILL', ?, ?, 'FILLED', 'FACULTY', '数学学院', 'P4', 'NLC', null, null, '三体', 2008,
                  45.00, 3.50, 'fixture', ?)""",
                OffsetDateTime.parse("2013-03-01T09:00+08:00"), OffsetDateTime.parse("2013-03-08T09:00+08:00"),
                OffsetDateTime.now());
    }

    private static void dd(JdbcTemplate jdbc, String number, String submitted, String delivered, String status,
            String patronType, String college, String patron, String supplier, String journal, String issn,
            String cost) {
        OffsetDateTime at = OffsetDateTime.parse(submitted);
        jdbc.update("""
                insert into document_delivery_request (request_number, patron_card_number, patron_type, college, genre,
                  title, journal, issn, status, supplier_code, cost, submitted_at, submitted_by, updated_at, delivered_at)
                values (?, ?, ?, ?, 'ARTICLE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                number, patron, patronType, college, "Article " + number, journal, issn, status, supplier,
                cost == null ? null : new BigDecimal(cost), at, patron, at,
                delivered == null ? null : OffsetDateTime.parse(delivered));
    }
}
