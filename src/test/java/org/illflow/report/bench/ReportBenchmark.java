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
 * (schema by our Flyway migrations), and prints how long each dashboard report takes. Run with
 * {@code mvn -o -Pbenchmark test-compile exec:java} (README, "Statistics and reports"); {@code -Dbench.rows=…}
 * changes the size (default 1,000,000: 850,000 document delivery requests, 150,000 imported loans). Each report
 * runs three times on PostgreSQL (first and best time) and once on H2.
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
        Reports reports = Reports.over(dataSource, Clock.fixed(java.time.Instant.parse("2025-12-31T00:00:00Z"), ZONE));
        List<Object[]> timings = new ArrayList<>();
        time(timings, postgres ? 3 : 1, "yearly volumes (year × service)", () -> reports.yearlyVolumes(FROM, TO).rows().size());
        time(timings, postgres ? 3 : 1, "fill rate and cost by supplier", () -> reports.run(q(Dimension.SUPPLIER, null)).rows().size());
        time(timings, postgres ? 3 : 1, "requests by patron type", () -> reports.run(q(Dimension.PATRON_TYPE, null)).rows().size());
        time(timings, postgres ? 3 : 1, "requests by college", () -> reports.run(q(Dimension.COLLEGE, null)).rows().size());
        time(timings, postgres ? 3 : 1, "top 10 journals", () -> reports.run(q(Dimension.JOURNAL, 10)).rows().size());
        time(timings, postgres ? 3 : 1, "turnaround distribution", () -> (int) Arrays.stream(reports.turnaround(FROM, TO).counts()).count());
        time(timings, postgres ? 3 : 1, "full report by year (all measures)", () -> reports.run(q(Dimension.YEAR, null)).rows().size());
        System.out.printf("%-40s %10s %10s%n", "report (" + database + ")", "first ms", "best ms");
        for (Object[] t : timings) {
            System.out.printf(Locale.ROOT, "%-40s %10d %10d%n", t);
        }
    }

    private static ReportQuery q(Dimension dimension, Integer top) {
        return new ReportQuery(List.of(dimension), FROM, TO, top);
    }

    private static void time(List<Object[]> timings, int runs, String name, Supplier<Integer> report) {
        long first = 0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report.get();
            long ms = (System.nanoTime() - start) / 1_000_000;
            first = i == 0 ? ms : first;
            best = Math.min(best, ms);
        }
        timings.add(new Object[] {name, first, best});
    }

    /** Generated in the database (generate_series / system_range): ten years, 20 suppliers, 30 colleges. */
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
                + " delivered_at) select 'B-' || g, 'P' || mod(g, 20000), " + patronType + ", 'College ' || mod(g, 30),"
                + " 'ARTICLE', 'Article ' || g, 'Journal ' || mod(g * 13, 3000), null, " + status + ","
                + " 'SUP' || mod(g, 20), case when mod(g, 20) >= 4 then 1 + mod(g, 40) end, " + submitted + ", 'bench', "
                + submitted + ", case when mod(g, 20) >= 2 and mod(g, 20) <> 3 then " + delivered + " end"
                + " from " + series.formatted(dd));
        String legacyStatus = "case mod(g, 10) when 0 then 'UNFILLED' when 1 then 'CANCELLED' else 'FILLED' end";
        jdbc.update("insert into legacy_request (request_number, service, submitted_at, finished_at, status,"
                + " patron_type, college, patron, supplier, title, cost, overdue_fee, source_file, imported_at)"
                + " select 'L-' || g, 'ILL', " + submitted + ", case when mod(g, 10) >= 2 then " + delivered + " end, "
                + legacyStatus + ", " + patronType + ", 'College ' || mod(g, 30), 'P' || mod(g, 20000),"
                + " 'LEND' || mod(g, 5), 'Book ' || g, case when mod(g, 10) >= 2 then 30 end,"
                + " case when mod(g, 50) = 0 then 5 end, 'bench', current_timestamp from " + series.formatted(legacy));
    }

    private static String version(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("show server_version", String.class);
    }
}
