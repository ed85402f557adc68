package org.illflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pre-aggregates against a direct count on the same data, whatever the database (H2 in
 * {@link ReportAggregatesTest}, PostgreSQL in {@link PostgresReportAggregatesTest}): every dashboard figure and a
 * few free reports, over whole years and over ranges that cut months, after each kind of change a request record
 * goes through. Its own requests are numbered AGG-… in 2012–2013 beside {@link ReportFixture}'s, and removed after.
 */
final class AggregateScenario {

    private static final List<List<Dimension>> REPORTS = List.of(
            List.of(Dimension.SUPPLIER), List.of(Dimension.PATRON_TYPE), List.of(Dimension.COLLEGE),
            List.of(Dimension.YEAR), List.of(Dimension.MONTH, Dimension.SERVICE), List.of(Dimension.SOURCE),
            List.of(Dimension.YEAR, Dimension.COLLEGE),
            List.of(Dimension.JOURNAL), List.of(Dimension.JOURNAL, Dimension.YEAR),
            // not aggregated: the direct path on both sides, still the same figures
            List.of(Dimension.PATRON));
    /** Whole years; a range that cuts months at both ends, its last month the partial 2012-10 beside a whole 2012-09. */
    private static final List<LocalDate[]> RANGES = List.of(
            new LocalDate[] {LocalDate.of(2011, 1, 1), LocalDate.of(2013, 12, 31)},
            new LocalDate[] {LocalDate.of(2010, 6, 15), LocalDate.of(2012, 10, 20)});

    private final JdbcTemplate jdbc;
    private final Reports reports;
    private final Reports direct;
    private final ReportAggregates aggregates;
    private final LegacyImport legacyImport;

    /** Over the application's beans (H2 or PostgreSQL, whichever the context runs on). */
    AggregateScenario(ApplicationContext context) {
        DataSource dataSource = context.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.reports = context.getBean(Reports.class);
        this.direct = Reports.direct(dataSource, context.getBean(Clock.class));
        this.aggregates = context.getBean(ReportAggregates.class);
        this.legacyImport = context.getBean(LegacyImport.class);
    }

    ReportAggregates aggregates() {
        return aggregates;
    }

    void run() {
        clean();
        ReportFixture.load(jdbc);
        aggregates.refresh(true);
        assertThat(aggregates.ready()).as("built for this zone and layout").isTrue();
        assertThat(aggregates.dirtyMonths()).isEmpty();
        assertThat(jdbc.queryForObject("select sum(requests) from report_cell where month_key between 201101 and"
                + " 201312", Long.class)).as("the fixture is in the cells").isGreaterThanOrEqualTo(10);
        assertSameAsDirect("built");

        // inserts either side of a month boundary in the library's time: both on the UTC day 2012-09-30
        dd("AGG-01", "2012-09-30T23:30+08:00", "2012-10-02T11:30+08:00", "DELIVERED", "NSTL", "5.00", "PubMed");
        dd("AGG-02", "2012-10-01T00:30+08:00", null, "ORDERED", "CALIS", null, null);
        assertThat(aggregates.dirtyMonths()).contains(YearMonth.of(2012, 9), YearMonth.of(2012, 10));
        assertSameAsDirect("inserted, not yet refreshed (dirty months read directly)");
        ReportResult months = reports.run(new ReportQuery(List.of(Dimension.MONTH), LocalDate.of(2012, 9, 1),
                LocalDate.of(2012, 10, 31)));
        assertThat(months.rows()).extracting(ReportRow::requests).containsExactly(1L, 1L);
        refreshed("inserted");

        // status, supplier and cost changes move requests between cells
        jdbc.update("update document_delivery_request set status = 'UNFILLED', delivered_at = null, cost = null"
                + " where request_number = 'RPT-02'");
        jdbc.update("update document_delivery_request set supplier_code = 'CALIS', cost = 12.30"
                + " where request_number = 'RPT-01'");
        jdbc.update("update document_delivery_request set status = 'DELIVERED', delivered_at = ?, cost = 8.80"
                + " where request_number = 'AGG-02'", OffsetDateTime.parse("2012-10-09T08:00+08:00"));
        assertSameAsDirect("status changed");
        refreshed("status changed");

        // a cancel
        jdbc.update("update document_delivery_request set status = 'CANCELLED', delivered_at = null, cost = null"
                + " where request_number = 'AGG-01'");
        refreshed("cancelled");

        // an import of history through the service admins use
        LegacyImport.Result imported = legacyImport.importCsv("aggregates.csv", (String.join(",",
                LegacyImport.COLUMNS) + "\n"
                + "AGG-L1,ILL,2012-05-03 10:00,2012-05-17 16:00,FILLED,FACULTY,数学学院,P9,NLC,,,三体,2008,40.00,1.50\n"
                + "AGG-L2,ILL,2013-11-30 23:00,,UNFILLED,STAFF,化学学院,P8,NLC,,,球状闪电,2005,,\n"
                + "AGG-L3,DD,2013-12-01 00:30,,CANCELLED,,物理学院,P7,,Journal of Catalysis,0021-9517,x,2010,,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.imported()).isEqualTo(3);
        assertSameAsDirect("imported, not yet refreshed");
        refreshed("imported");

        // a deleted record
        jdbc.update("delete from document_delivery_request where request_number = 'AGG-01'");
        refreshed("deleted");

        // two nodes refreshing at once: they take turns on the state row, neither corrupts the other
        dd("AGG-03", "2013-06-15T12:00+08:00", "2013-06-16T12:00+08:00", "FROM_ARCHIVE", null, "0.00", null);
        jdbc.update("update legacy_request set cost = 41.00 where request_number = 'AGG-L1'");
        concurrentRefreshes();
        assertThat(aggregates.dirtyMonths()).isEmpty();
        assertSameAsDirect("two refreshes at once");

        // built for another zone or layout: reports count directly until the refresh rebuilds everything
        jdbc.update("update report_aggregate_state set layout = 'another zone' where id = 1");
        assertThat(aggregates.ready()).isFalse();
        assertSameAsDirect("stale layout, direct path");
        assertThat(aggregates.refresh(true)).isPositive();
        assertThat(aggregates.ready()).isTrue();
        assertSameAsDirect("rebuilt");
    }

    void clean() {
        jdbc.update("delete from document_delivery_request where request_number like 'AGG-%'");
        jdbc.update("delete from legacy_request where request_number like 'AGG-%'");
        jdbc.update("delete from archived_citation where request_number like 'AGG-%'");
    }

    private void refreshed(String step) {
        assertThat(aggregates.refresh(true)).as(step).isNotNegative();
        assertThat(aggregates.dirtyMonths()).as(step).isEmpty();
        assertSameAsDirect(step + ", refreshed");
    }

    private void concurrentRefreshes() {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return aggregates.refresh(true);
        })).toList();
        both.forEach(CompletableFuture::join);
        // the one that lost the race (or timed out waiting on H2) leaves nothing behind that a third cannot finish
        aggregates.refresh(true);
    }

    private void assertSameAsDirect(String step) {
        for (LocalDate[] range : RANGES) {
            String at = step + " " + range[0] + ".." + range[1];
            for (List<Dimension> dimensions : REPORTS) {
                for (Integer top : dimensions.contains(Dimension.JOURNAL) ? new Integer[] {null, 2}
                        : new Integer[] {null}) {
                    ReportQuery query = new ReportQuery(dimensions, range[0], range[1], top);
                    ReportResult expected = direct.run(query);
                    ReportResult actual = reports.run(query);
                    String what = at + " " + dimensions + " top " + top;
                    assertThat(actual.rows()).as(what).hasSameSizeAs(expected.rows());
                    for (int i = 0; i < expected.rows().size(); i++) {
                        assertSameRow(what, actual.rows().get(i), expected.rows().get(i));
                    }
                    assertSameRow(what + " total", actual.total(), expected.total());
                }
            }
            assertThat(reports.yearlyVolumes(range[0], range[1])).as(at + " yearly")
                    .isEqualTo(direct.yearlyVolumes(range[0], range[1]));
            assertThat(reports.turnaround(range[0], range[1]).counts()).as(at + " turnaround")
                    .containsExactly(direct.turnaround(range[0], range[1]).counts());
            assertThat(reports.totals(range[0], range[1])).as(at + " totals")
                    .isEqualTo(direct.totals(range[0], range[1]));
        }
    }

    /** Every figure equal; median and 90th percentile within the histogram's bound (exact for these data). */
    private static void assertSameRow(String what, ReportRow actual, ReportRow expected) {
        assertThat(actual.keys()).as(what).isEqualTo(expected.keys());
        assertThat(actual.labels()).as(what).isEqualTo(expected.labels());
        assertThat(List.of(actual.requests(), actual.filled(), actual.unfilled(), actual.cancelled(),
                actual.fromArchive(), actual.heldLocally())).as(what + " " + actual.keys())
                .isEqualTo(List.of(expected.requests(), expected.filled(), expected.unfilled(), expected.cancelled(),
                        expected.fromArchive(), expected.heldLocally()));
        assertThat(actual.libraryCost()).as(what).isEqualTo(expected.libraryCost());
        assertThat(actual.overdueFees()).as(what).isEqualTo(expected.overdueFees());
        assertClose(what + " median", actual.medianDays(), expected.medianDays());
        assertClose(what + " p90", actual.p90Days(), expected.p90Days());
    }

    /**
     * Null together; else within the histogram's bound: the exact figure lies between two order statistics, each
     * estimated within its own bin, and neighbouring bins here are at most twice as wide (a bin alone is exact:
     * most figures of these data are equal to the hundredth). The bound is tested closely in
     * ReportAggregatesTest.
     */
    private static void assertClose(String what, Double actual, Double expected) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double at = Math.max(actual, expected);
        int bin = 0;
        while (bin < ReportAggregates.BIN_EDGES.length && at >= ReportAggregates.BIN_EDGES[bin]) {
            bin++;
        }
        double low = bin == 0 ? 0 : ReportAggregates.BIN_EDGES[bin - 1];
        double high = bin == ReportAggregates.BIN_EDGES.length ? at : ReportAggregates.BIN_EDGES[bin];
        assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.api.Assertions.within(2 * (high - low) + 0.01));
    }

    private void dd(String number, String submitted, String delivered, String status, String supplier, String cost,
            String source) {
        OffsetDateTime at = OffsetDateTime.parse(submitted);
        jdbc.update("""
                insert into document_delivery_request (request_number, patron_card_number, patron_type, college, genre,
                  title, journal, issn, status, supplier_code, cost, submitted_at, submitted_by, updated_at,
                  delivered_at, source_database)
                values (?, 'P5', 'PHD_STUDENT', '数学学院', 'ARTICLE', ?, 'Journal D', '3333-3333', ?, ?, ?, ?, 'P5', ?,
                  ?, ?)""",
                number, "Article " + number, status, supplier, cost == null ? null : new BigDecimal(cost), at, at,
                delivered == null ? null : OffsetDateTime.parse(delivered), source);
    }
}
