package org.illflow.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report SQL: the sources' facts as one UNION ALL (each restricted to the date range, so an index on the
 * submission time serves every branch), grouped by the dimensions' expressions. Plain SQL that H2 2 and
 * PostgreSQL both run: {@code AT TIME ZONE}, {@code EXTRACT}, {@code PERCENTILE_CONT … WITHIN GROUP}.
 */
@Repository
class ReportRepository {

    /** Upper bounds (days, exclusive) of the turnaround distribution's buckets; the last bucket is open. */
    static final int[] TURNAROUND_BOUNDS = {1, 3, 7, 14, 30};

    private final JdbcTemplate jdbc;
    private final List<ReportSource> sources;
    private final ZoneId zone;
    private final Map<String, Boolean> knownTables = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    ReportRepository(JdbcTemplate jdbc, List<ReportSource> sources, java.time.Clock clock) {
        this(jdbc, sources, clock.getZone());
    }

    ReportRepository(JdbcTemplate jdbc, List<ReportSource> sources, ZoneId zone) {
        this.jdbc = jdbc;
        this.sources = List.copyOf(sources);
        this.zone = zone;
    }

    /** Groups by the dimensions (none: one row, the totals); turnaround percentiles only when asked for. */
    List<ReportRow> groups(List<Dimension> dimensions, LocalDate from, LocalDate to, boolean turnaround) {
        List<Object> parameters = new ArrayList<>();
        String facts = facts(from, to, parameters);
        StringBuilder keys = new StringBuilder();
        StringBuilder grouped = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            keys.append(dimension.keySql()).append(" as k").append(i).append(", ");
            grouped.append(grouped.isEmpty() ? "" : ", ").append("k").append(i);
            labels.append(dimension.labelSql().orElse("cast(null as varchar(1))")).append(" as l").append(i).append(", ");
        }
        String percentiles = turnaround
                ? "percentile_cont(0.5) within group (order by turnaround_days) as median_days, "
                        + "percentile_cont(0.9) within group (order by turnaround_days) as p90_days"
                : "cast(null as double precision) as median_days, cast(null as double precision) as p90_days";
        String sql = "select " + (grouped.isEmpty() ? "" : grouped + ", ") + labels
                + "count(*) as requests, coalesce(sum(filled), 0) as filled, coalesce(sum(unfilled), 0) as unfilled, "
                + "coalesce(sum(cancelled), 0) as cancelled, coalesce(sum(from_archive), 0) as from_archive, "
                + "coalesce(sum(held_locally), 0) as held_locally, coalesce(sum(cost), 0) as cost, "
                + "coalesce(sum(overdue_fee), 0) as overdue_fee, coalesce(sum(messages), 0) as messages, " + percentiles
                + " from (select " + keys + "x.* from (" + facts + ") x) g"
                + (grouped.isEmpty() ? "" : " group by " + grouped);
        return jdbc.query(sql, (rs, n) -> row(rs, dimensions), parameters.toArray());
    }

    /**
     * Requests per service submitted from {@code from} to {@code to}, counted source by source on the submission
     * time alone: with the index on it, a year is an index range, not a scan of every request (the yearly
     * dashboard on a million requests).
     */
    Map<String, Long> countsByService(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (ReportSource source : activeSources()) {
            jdbc.query("select service, count(*) as requests from (" + source.factsSql() + ") s group by service",
                    rs -> {
                        counts.merge(rs.getString("service"), rs.getLong("requests"), Long::sum);
                    }, start, end);
        }
        return counts;
    }

    /** How many filled requests took how long: counts per bucket of {@link #TURNAROUND_BOUNDS}. */
    long[] turnaroundBuckets(LocalDate from, LocalDate to) {
        List<Object> parameters = new ArrayList<>();
        String facts = facts(from, to, parameters);
        StringBuilder bucket = new StringBuilder("case");
        for (int i = 0; i < TURNAROUND_BOUNDS.length; i++) {
            bucket.append(" when turnaround_days < ").append(TURNAROUND_BOUNDS[i]).append(" then ").append(i);
        }
        bucket.append(" else ").append(TURNAROUND_BOUNDS.length).append(" end");
        String sql = "select bucket, count(*) as requests from (select " + bucket + " as bucket from (" + facts
                + ") x where turnaround_days is not null) b group by bucket";
        long[] counts = new long[TURNAROUND_BOUNDS.length + 1];
        jdbc.query(sql, rs -> {
            counts[rs.getInt("bucket")] = rs.getLong("requests");
        }, parameters.toArray());
        return counts;
    }

    /** The day of the earliest request any source holds (imported history included), in the library's zone. */
    java.util.Optional<LocalDate> earliestSubmission() {
        OffsetDateTime earliest = null;
        for (ReportSource source : activeSources()) {
            OffsetDateTime first = jdbc.queryForObject("select min(submitted_at) from (" + source.factsSql() + ") s",
                    OffsetDateTime.class, OffsetDateTime.parse("1000-01-01T00:00:00Z"),
                    OffsetDateTime.parse("9000-01-01T00:00:00Z"));
            if (first != null && (earliest == null || first.isBefore(earliest))) {
                earliest = first;
            }
        }
        return java.util.Optional.ofNullable(earliest).map(t -> t.atZoneSameInstant(zone).toLocalDate());
    }

    /** Which of these request numbers any source already holds (whatever its date). */
    List<String> existingRequestNumbers(List<String> numbers) {
        List<String> found = new ArrayList<>();
        for (int start = 0; start < numbers.size(); start += 500) {
            List<String> chunk = numbers.subList(start, Math.min(numbers.size(), start + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (ReportSource source : activeSources()) {
                String sql = "select request_number from (" + source.factsSql() + ") s where request_number in ("
                        + marks + ")";
                List<Object> parameters = new ArrayList<>();
                parameters.add(OffsetDateTime.parse("1000-01-01T00:00:00Z"));
                parameters.add(OffsetDateTime.parse("9000-01-01T00:00:00Z"));
                parameters.addAll(chunk);
                found.addAll(jdbc.queryForList(sql, String.class, parameters.toArray()));
            }
        }
        return found;
    }

    private String facts(LocalDate from, LocalDate to, List<Object> parameters) {
        return facts(List.<OffsetDateTime[]>of(new OffsetDateTime[] {from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()}), parameters);
    }

    /**
     * The facts of every source submitted in any of the ranges ({@code [start, end)} each, disjoint), with
     * {@code local_submitted} and {@code turnaround_days}; the pre-aggregates build their cells from it.
     */
    String facts(List<OffsetDateTime[]> ranges, List<Object> parameters) {
        List<String> branches = new ArrayList<>();
        for (ReportSource source : activeSources()) {
            for (OffsetDateTime[] range : ranges) {
                branches.add(source.factsSql());
                parameters.add(range[0]);
                parameters.add(range[1]);
            }
        }
        // zone ids are letters, digits, '/', '_', '+', '-': safe inside a literal
        String zoneLiteral = "'" + zone.getId().replace("'", "") + "'";
        return "select f.*, f.submitted_at at time zone " + zoneLiteral + " as local_submitted, "
                + "case when f.filled = 1 and f.finished_at is not null then "
                + "(extract(epoch from f.finished_at) - extract(epoch from f.submitted_at)) / 86400.0 end as turnaround_days "
                + "from (" + String.join(" union all ", branches) + ") f";
    }

    private List<ReportSource> activeSources() {
        return sources.stream().filter(s -> s.active(this::tableExists)).toList();
    }

    /** Asked once per table and remembered once it exists (tables are not dropped while running). */
    private boolean tableExists(String table) {
        if (Boolean.TRUE.equals(knownTables.get(table))) {
            return true;
        }
        Boolean exists = jdbc.execute((ConnectionCallback<Boolean>) connection -> hasTable(connection, table));
        if (Boolean.TRUE.equals(exists)) {
            knownTables.put(table, true);
        }
        return Boolean.TRUE.equals(exists);
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ReportRow row(ResultSet rs, List<Dimension> dimensions) throws SQLException {
        List<Object> keys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Object key = rs.getObject("k" + i);
            if (key instanceof Number number) {
                key = number.intValue();
            } else if (key != null) {
                key = key.toString();
            }
            keys.add(key);
            labels.add(rs.getString("l" + i));
        }
        return new ReportRow(keys, labels, rs.getLong("requests"), rs.getLong("filled"), rs.getLong("unfilled"),
                rs.getLong("cancelled"), rs.getLong("from_archive"), rs.getLong("held_locally"),
                money(rs.getBigDecimal("cost")), money(rs.getBigDecimal("overdue_fee")),
                days(rs.getObject("median_days")), days(rs.getObject("p90_days")), rs.getLong("messages"));
    }

    static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static Double days(Object value) {
        return value instanceof Number number ? Math.round(number.doubleValue() * 100) / 100.0 : null;
    }
}
