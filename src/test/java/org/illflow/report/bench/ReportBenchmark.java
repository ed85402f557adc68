package org.illflow.report.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.illflow.report.Dimension;
import org.illflow.report.ReportQuery;
import org.illflow.report.Reports;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Not a test: loads synthetic requests spread over ten years into embedded PostgreSQL and then into in-memory H2
 * (schema by our Flyway migrations), builds the monthly pre-aggregates, and prints how long each dashboard report
 * takes from them, how long refreshing one changed month takes, and how big the aggregates are. Run with
 * {@code mvn -o -Pbenchmark package exec:java@reports} (README, "Statistics and reports"); {@code -Dbench.rows=…}
 * changes the size (default 1,000,000: 850,000 document delivery requests, 150,000 imported loans);
 * {@code -Dbench.direct=true} also times the direct count of every report once and prints how far the aggregates'
 * median and 90th percentile are from PERCENTILE_CONT. Each aggregated report runs three times (first and best).
 */
public final class ReportBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            run("PostgreSQL " + version(postgres.getPostgresDatabase()), postgres.getPostgresDatabase(), rows, true);
        }
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
        run("H2 (in memory)", h2, rows, false);
    }

    private static void run(String database, DataSource dataSource, int rows, boolean postgres) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("illflow_schema_history").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long loadStart = System.nanoTime();
        load(jdbc, rows, postgres);
        if (postgres) {
            jdbc.execute("vacuum analyze");
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d requests loaded in %.1f s%n", database, rows,
                (System.nanoTime() - loadStart) / 1e9);
        Clock clock = Clock.fixed(java.time.Instant.parse("2025-12-31T00:00:00Z"), ZONE);
        Reports reports = Reports.over(dataSource, clock);
        long buildStart = System.nanoTime();
        int months = reports.aggregates().refresh(true);
        System.out.printf(Locale.ROOT, "aggregates built in %.1f s: %d months, %,d cells, %,d journal rows%n",
                (System.nanoTime() - buildStart) / 1e9, months,
                jdbc.queryForObject("select count(*) from report_cell", Long.class),
                jdbc.queryForObject("select count(*) from report_journal", Long.class));
        List<Object[]> timings = new ArrayList<>();
        dashboard(timings, reports, 3);
        // one request changes: its month is marked in the same transaction, the next refresh recomputes it alone
        long refreshMs = 0;
        for (int i = 0; i < 3; i++) {
            jdbc.update("update document_delivery_request set cost = coalesce(cost, 0) + 1 where request_number = 'B-"
                    + (1000 + i) + "'");
            long start = System.nanoTime();
            reports.aggregates().refresh(true);
            refreshMs = Math.max(refreshMs, (System.nanoTime() - start) / 1_000_000);
        }
        jdbc.update("update document_delivery_request set cost = coalesce(cost, 0) + 1 where request_number = 'B-7'");
        time(timings, 1, "supplier report just after a change", () -> reports.run(q(Dimension.SUPPLIER, null)).rows().size());
        System.out.printf("%-40s %10s %10s %10s%n", "report (" + database + ", aggregates)", "first ms", "best ms",
                "cpu ms");
        for (Object[] t : timings) {
            System.out.printf(Locale.ROOT, "%-40s %10d %10d %10d%n", t);
        }
        System.out.printf(Locale.ROOT, "refresh of one changed month (slowest of 3): %d ms%n", refreshMs);
        if (Boolean.getBoolean("bench.direct")) {
            Reports direct = Reports.direct(dataSource, clock);
            List<Object[]> directTimings = new ArrayList<>();
            dashboard(directTimings, direct, 1);
            System.out.printf("%-40s %10s %10s%n", "report (" + database + ", direct count)", "ms", "cpu ms");
            for (Object[] t : directTimings) {
                System.out.printf(Locale.ROOT, "%-40s %10d %10d%n", t[0], t[1], t[3]);
            }
            double worst = 0;
            for (Dimension dimension : List.of(Dimension.YEAR, Dimension.SUPPLIER, Dimension.PATRON_TYPE,
                    Dimension.COLLEGE)) {
                var a = reports.run(q(dimension, null)).rows();
                var d = direct.run(q(dimension, null)).rows();
                for (int i = 0; i < d.size(); i++) {
                    if (d.get(i).medianDays() != null) {
                        worst = Math.max(worst, Math.abs(a.get(i).medianDays() - d.get(i).medianDays()));
                        worst = Math.max(worst, Math.abs(a.get(i).p90Days() - d.get(i).p90Days()));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "largest median/p90 difference, aggregates vs PERCENTILE_CONT: %.2f days%n",
                    worst);
        }
    }

    private static void dashboard(List<Object[]> timings, Reports reports, int runs) {
        time(timings, runs, "yearly volumes (year × service)", () -> reports.yearlyVolumes(FROM, TO).rows().size());
        time(timings, runs, "fill rate and cost by supplier", () -> reports.run(q(Dimension.SUPPLIER, null)).rows().size());
        time(timings, runs, "requests by patron type", () -> reports.run(q(Dimension.PATRON_TYPE, null)).rows().size());
        time(timings, runs, "requests by college", () -> reports.run(q(Dimension.COLLEGE, null)).rows().size());
        time(timings, runs, "top 10 journals", () -> reports.run(q(Dimension.JOURNAL, 10)).rows().size());
        time(timings, runs, "turnaround distribution", () -> (int) Arrays.stream(reports.turnaround(FROM, TO).counts()).count());
        time(timings, runs, "key figures", () -> reports.totals(FROM, TO).keys().size());
        time(timings, runs, "full report by year (all measures)", () -> reports.run(q(Dimension.YEAR, null)).rows().size());
    }

    private static ReportQuery q(Dimension dimension, Integer top) {
        return new ReportQuery(List.of(dimension), FROM, TO, top);
    }

    /**
     * First and best wall time, and the CPU time of this thread in the best run: on in-memory H2 the database
     * works in this thread, so that is the report's own work, whatever else the machine is doing (on PostgreSQL
     * the server process does the work and this is only the client's share).
     */
    private static void time(List<Object[]> timings, int runs, String name, Supplier<Integer> report) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long first = 0;
        long best = Long.MAX_VALUE;
        long cpu = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            report.get();
            long ms = (System.nanoTime() - start) / 1_000_000;
            first = i == 0 ? ms : first;
            if (ms < best) {
                best = ms;
                cpu = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
            }
        }
        timings.add(new Object[] {name, first, best, cpu});
    }

    /**
     * Generated in the database (generate_series / system_range): ten years, 20 suppliers, 30 colleges, 3,000
     * journals. College varies independently of patron type (g / 4), so a month has some 600 cells of
     * (patron type, college, supplier) as a real library's mix would, not the 60 a single modulus gives.
     */
    private static void load(JdbcTemplate jdbc, int rows, boolean postgres) {
        int legacy = rows * 3 / 20;
        int dd = rows - legacy;
        String series = postgres ? "generate_series(1::bigint, %d) as s(g)" : "(select x as g from system_range(1, %d)) s";
        String submitted = postgres
                ? "timestamptz '2016-01-01 00:00:00+08' + make_interval(secs => mod(g * 7919, 315532800))"
                : "dateadd(second, mod(g * 7919, 315532800), timestamp with time zone '2016-01-01 00:00:00+08:00')";
        String delivered = postgres
                ? "timestamptz '2016-01-01 00:00:00+08' + make_interval(secs => mod(g * 7919, 315532800) + 3600 * (6 + mod(g * 31, 720)))"
                : "dateadd(second, mod(g * 7919, 315532800) + 3600 * (6 + mod(g * 31, 720)), timestamp with time zone '2016-01-01 00:00:00+08:00')";
        String status = "case mod(g, 20) when 0 then 'UNFILLED' when 1 then 'CANCELLED' when 2 then 'FROM_ARCHIVE' "
                + "when 3 then 'HELD_LOCALLY' else 'DELIVERED' end";
        String patronType = "case mod(g, 4) when 0 then 'FACULTY' when 1 then 'PHD_STUDENT' when 2 then 'MASTER_STUDENT' else 'STAFF' end";
        jdbc.update("insert into document_delivery_request (request_number, patron_card_number, patron_type, college,"
                + " genre, title, journal, issn, status, supplier_code, cost, submitted_at, submitted_by, updated_at,"
                + " delivered_at) select 'B-' || g, 'P' || mod(g, 20000), " + patronType + ", 'College ' || mod(g / 4, 30),"
                + " 'ARTICLE', 'Article ' || g, 'Journal ' || mod(g * 13, 3000), null, " + status + ","
                + " 'SUP' || mod(g, 20), case when mod(g, 20) >= 4 then 1 + mod(g, 40) end, " + submitted + ", 'bench', "
                + submitted + ", case when mod(g, 20) >= 2 and mod(g, 20) <> 3 then " + delivered + " end"
                + " from " + series.formatted(dd));
        String legacyStatus = "case mod(g, 10) when 0 then 'UNFILLED' when 1 then 'CANCELLED' else 'FILLED' end";
        jdbc.update("insert into legacy_request (request_number, service, submitted_at, finished_at, status,"
                + " patron_type, college, patron, supplier, title, cost, overdue_fee, source_file, imported_at)"
                + " select 'L-' || g, 'ILL', " + submitted + ", case when mod(g, 10) >= 2 then " + delivered + " end, "
                + legacyStatus + ", " + patronType + ", 'College ' || mod(g / 4, 30), 'P' || mod(g, 20000),"
                + " 'LEND' || mod(g, 5), 'Book ' || g, case when mod(g, 10) >= 2 then 30 end,"
                + " case when mod(g, 50) = 0 then 5 end, 'bench', current_timestamp from " + series.formatted(legacy));
    }

    private static String version(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("show server_version", String.class);
    }
}
