package org.illflow.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly pre-aggregates of the reports (design: docs/report-aggregates.md). {@code report_cell} holds, per month
 * in the library's time zone and per (service, patron type, college, supplier, source database), every additive
 * measure and a turnaround histogram; {@code report_journal} the same per (month, service, journal). A month is
 * recomputed from the request tables as a whole whenever {@code report_change} (written by triggers in the same
 * transaction as any change of a request record) names one of its days, so a cell never drifts from a direct
 * count. A report reads whole clean months from the aggregates and everything else — the partial months at the
 * ends of its range and any month still marked dirty — from the request tables, so what it shows equals the
 * direct count at the moment it reads.
 */
@Component
public class ReportAggregates {

    private static final Logger log = LoggerFactory.getLogger(ReportAggregates.class);

    /**
     * Upper bounds (days, exclusive) of the turnaround histogram's bins; the last bin (index
     * {@code BIN_EDGES.length}) is open. Finer where most requests are; every bound of the turnaround
     * distribution ({@link ReportRepository#TURNAROUND_BOUNDS}) is an edge, so that chart is exact. Changing them
     * needs a migration of the tcNN/tsNN columns; the layout string then rebuilds every month.
     */
    static final double[] BIN_EDGES = {
        0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3,
        3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7,
        8, 9, 10, 11, 12, 13, 14,
        16, 18, 20, 22, 24, 26, 28, 30,
        35, 40, 45, 50, 55, 60,
        75, 90, 105, 120};
    static final int BINS = BIN_EDGES.length + 1;

    /** Dimensions the cell table carries; the journal table carries the journal with service and time. */
    private static final Set<Dimension> CELL = EnumSet.of(Dimension.SERVICE, Dimension.YEAR, Dimension.MONTH,
            Dimension.PATRON_TYPE, Dimension.COLLEGE, Dimension.SUPPLIER, Dimension.SOURCE);
    private static final Set<Dimension> JOURNAL = EnumSet.of(Dimension.JOURNAL, Dimension.SERVICE, Dimension.YEAR,
            Dimension.MONTH);
    private static final String CELL_KEYS = "service, patron_type, college, supplier, source_database";
    private static final String JOURNAL_KEYS = "service, journal_key";
    /** Everything before and after any request: the whole history in one range. */
    private static final OffsetDateTime ALL_START = OffsetDateTime.parse("1000-01-01T00:00:00Z");
    private static final OffsetDateTime ALL_END = OffsetDateTime.parse("9000-01-01T00:00:00Z");
    private static final int CHANGES_PER_REFRESH = 100_000;

    private final JdbcTemplate jdbc;
    private final ReportRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    ReportAggregates(JdbcTemplate jdbc, ReportRepository repository, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** One aggregated group: the report row and the turnaround histogram it was computed from. */
    record Group(ReportRow row, long[] counts, double[] sums) {
    }

    /** What the aggregates were built for: a change of time zone or of the bins makes every month stale. */
    String layout() {
        return "v2;zone=" + zone.getId() + ";bins=" + BINS + "/" + Integer.toHexString(Arrays.hashCode(BIN_EDGES));
    }

    /** Whether the aggregates can serve these dimensions (else the report reads the request tables). */
    static boolean serves(List<Dimension> dimensions) {
        return CELL.containsAll(dimensions)
                || (dimensions.contains(Dimension.JOURNAL) && JOURNAL.containsAll(dimensions));
    }

    /** Whether the aggregates have been built for this time zone and layout. */
    boolean ready() {
        List<String> layouts = jdbc.queryForList("select layout from report_aggregate_state where id = 1",
                String.class);
        return layouts.size() == 1 && layouts.get(0).equals(layout());
    }

    // ------------------------------------------------------------------------------------------------ refresh

    /**
     * Brings the aggregates up to date: everything when they were built for another layout (or never), else the
     * months the change marks name. One transaction holding the state row's lock, so two nodes never refresh at
     * once; the cells of a month and the marks that made it dirty change together, so a reader sees either the
     * old cells with the marks (and reads that month from the request tables) or the new cells without them.
     *
     * @param wait whether to wait for another node's refresh (the schedule) or give up at once (a report)
     * @return the number of months recomputed, or -1 when another refresh holds the lock
     */
    public int refresh(boolean wait) {
        try {
            Integer months = transaction.execute(status -> refreshLocked(wait));
            return months == null ? 0 : months;
        } catch (PessimisticLockingFailureException | QueryTimeoutException | DuplicateKeyException e) {
            // another node or thread is refreshing; the report reads its dirty months from the request tables
            log.debug("report aggregates busy: {}", e.getMessage());
            return -1;
        }
    }

    /**
     * Keeps the aggregates warm (and builds them after the first start or a change of time zone), so a report
     * rarely has a month to recompute itself. Every node runs it; the state row's lock makes them take turns.
     */
    @Scheduled(initialDelayString = "${illflow.reports.aggregates.first-refresh:PT30S}",
            fixedDelayString = "${illflow.reports.aggregates.refresh-every:PT1M}")
    void scheduledRefresh() {
        try {
            refresh(true);
        } catch (DataAccessException e) {
            log.warn("report aggregates: refresh failed, reports read the changed months directly until the next"
                    + " one", e);
        }
    }

    private int refreshLocked(boolean wait) {
        List<String> state = jdbc.queryForList("select layout from report_aggregate_state where id = 1 for update"
                + (wait ? "" : " nowait"), String.class);
        if (state.isEmpty()) {
            jdbc.update("insert into report_aggregate_state (id, layout, refreshed_at) values (1, '', ?)", now());
        }
        if (state.isEmpty() || !state.get(0).equals(layout())) {
            return rebuild();
        }
        List<long[]> changes = new ArrayList<>();
        jdbc.query("select id, changed_day from report_change", (ResultSet rs) -> {
            if (changes.size() < CHANGES_PER_REFRESH) {
                changes.add(new long[] {rs.getLong(1), rs.getObject(2, LocalDate.class).toEpochDay()});
            }
        });
        if (changes.isEmpty()) {
            return 0;
        }
        Set<YearMonth> months = new TreeSet<>();
        changes.forEach(c -> months.addAll(monthsOf(LocalDate.ofEpochDay(c[1]))));
        for (YearMonth month : months) {
            int key = monthKey(month);
            jdbc.update("delete from report_cell where month_key = ?", key);
            jdbc.update("delete from report_journal where month_key = ?", key);
            List<OffsetDateTime[]> range = List.<OffsetDateTime[]>of(new OffsetDateTime[] {start(month), start(month.plusMonths(1))});
            insertCells(range);
        }
        deleteChanges(changes.stream().map(c -> c[0]).toList());
        jdbc.update("update report_aggregate_state set refreshed_at = ? where id = 1", now());
        return months.size();
    }

    /** Every month from scratch, in one pass over the request tables. */
    private int rebuild() {
        List<Long> ids = jdbc.queryForList("select id from report_change", Long.class);
        jdbc.update("delete from report_cell");
        jdbc.update("delete from report_journal");
        insertCells(List.<OffsetDateTime[]>of(new OffsetDateTime[] {ALL_START, ALL_END}));
        deleteChanges(ids);
        jdbc.update("update report_aggregate_state set layout = ?, refreshed_at = ? where id = 1", layout(), now());
        Integer months = jdbc.queryForObject("select count(distinct month_key) from report_cell", Integer.class);
        log.info("report aggregates rebuilt for {}: {} months", layout(), months);
        return months == null ? 0 : months;
    }

    private void insertCells(List<OffsetDateTime[]> ranges) {
        List<Object> parameters = new ArrayList<>();
        jdbc.update("insert into report_cell (month_key, " + CELL_KEYS + ", " + measureColumns() + ") "
                + cellSql(false, ranges, parameters), parameters.toArray());
        parameters.clear();
        jdbc.update("insert into report_journal (month_key, " + JOURNAL_KEYS + ", journal_label, " + measureColumns()
                + ") " + cellSql(true, ranges, parameters), parameters.toArray());
    }

    /** Exactly the marks that were read: one written meanwhile stays for the next refresh. */
    private void deleteChanges(List<Long> ids) {
        for (int start = 0; start < ids.size(); start += 1000) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 1000));
            jdbc.update("delete from report_change where id in (" + String.join(", ", Collections.nCopies(chunk.size(),
                    "?")) + ")", chunk.toArray());
        }
    }

    /** The months (library time) a UTC day overlaps: one, or two at a month's edge. */
    Set<YearMonth> monthsOf(LocalDate utcDay) {
        OffsetDateTime start = utcDay.atStartOfDay().atOffset(ZoneOffset.UTC);
        return new TreeSet<>(List.of(YearMonth.from(start.atZoneSameInstant(zone)),
                YearMonth.from(start.plusDays(1).minusNanos(1).atZoneSameInstant(zone))));
    }

    /** Months with change marks not yet folded into the aggregates. */
    Set<YearMonth> dirtyMonths() {
        Set<YearMonth> months = new TreeSet<>();
        jdbc.query("select distinct changed_day from report_change",
                (ResultSet rs) -> {
                    months.addAll(monthsOf(rs.getObject(1, LocalDate.class)));
                });
        return months;
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * The groups of a report over {@code from}–{@code to} (days, library time) from the aggregates and, for the
     * partial months at its ends and dirty months, from the request tables; empty when the aggregates cannot
     * serve the dimensions or are not built.
     *
     * @param journals only these journal keys (a top-N report's second step), or null for all
     * @param requestsOnly only the number of requests per group (ranking journals), nothing else measured
     */
    Optional<List<Group>> groups(List<Dimension> dimensions, LocalDate from, LocalDate to,
            Collection<String> journals, boolean requestsOnly) {
        if (!serves(dimensions) || !ready()) {
            return Optional.empty();
        }
        boolean journal = !CELL.containsAll(dimensions);
        List<Object> parameters = new ArrayList<>();
        String filter = "";
        List<String> known = List.of();
        if (journals != null) {
            // pushed into each part of the source, so the table part is an index range on the journal
            known = journals.stream().filter(j -> j != null).toList();
            filter = " and (journal_key in (" + (known.isEmpty() ? "null" : String.join(", ",
                    Collections.nCopies(known.size(), "?"))) + ")" + (known.size() < journals.size()
                            ? " or journal_key is null" : "") + ")";
        }
        String measures = requestsOnly ? "requests" : measureColumns();
        String source = source(journal, from, to, measures, filter, known, parameters);
        StringBuilder keys = new StringBuilder();
        StringBuilder grouped = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            keys.append(keySql(dimensions.get(i))).append(" as k").append(i).append(", ");
            grouped.append(grouped.isEmpty() ? "" : ", ").append("k").append(i);
            labels.append(dimensions.get(i) == Dimension.JOURNAL ? "max(journal_label)" : "cast(null as varchar(1))")
                    .append(" as l").append(i).append(", ");
        }
        StringBuilder sums = new StringBuilder();
        for (String column : measures.split(", ")) {
            sums.append(sums.isEmpty() ? "" : ", ").append("sum(").append(column).append(") as ").append(column);
        }
        String sql = "select " + (grouped.isEmpty() ? "" : grouped + ", ") + labels + sums + " from (select " + keys
                + "c.* from (" + source + ") c) g" + (grouped.isEmpty() ? "" : " group by " + grouped);
        return Optional.of(jdbc.query(sql, (rs, n) -> requestsOnly ? counted(rs, dimensions) : group(rs, dimensions),
                parameters.toArray()));
    }

    /**
     * Whole clean months from the table, the rest of the range (its partial first and last month, dirty months)
     * as cells computed from the request tables on the fly.
     */
    private String source(boolean journal, LocalDate from, LocalDate to, String measures, String filter,
            List<String> filterValues, List<Object> parameters) {
        String table = journal ? "report_journal" : "report_cell";
        // only the columns the report sums: H2 carries every selected column through the union
        String columns = "month_key, " + (journal ? JOURNAL_KEYS + ", journal_label" : CELL_KEYS) + ", " + measures;
        YearMonth first = from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth last = to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to)
                : YearMonth.from(to).minusMonths(1);
        List<OffsetDateTime[]> base = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (first.isAfter(last)) {
            base.add(new OffsetDateTime[] {from.atStartOfDay(zone).toOffsetDateTime(), dayAfter(to)});
        } else {
            if (from.isBefore(first.atDay(1))) {
                base.add(new OffsetDateTime[] {from.atStartOfDay(zone).toOffsetDateTime(), start(first)});
            }
            List<Integer> dirty = new ArrayList<>();
            for (YearMonth month : dirtyMonths()) {
                if (!month.isBefore(first) && !month.isAfter(last)) {
                    dirty.add(monthKey(month));
                    base.add(new OffsetDateTime[] {start(month), start(month.plusMonths(1))});
                }
            }
            parts.add("select " + columns + " from " + table + " where month_key between ? and ?"
                    + (dirty.isEmpty() ? "" : " and month_key not in ("
                            + String.join(", ", Collections.nCopies(dirty.size(), "?")) + ")") + filter);
            parameters.add(monthKey(first));
            parameters.add(monthKey(last));
            parameters.addAll(dirty);
            parameters.addAll(filterValues);
            if (to.isAfter(last.atEndOfMonth())) {
                base.add(new OffsetDateTime[] {start(last.plusMonths(1)), dayAfter(to)});
            }
        }
        if (!base.isEmpty()) {
            parts.add("select " + columns + " from (" + cellSql(journal, base, parameters) + ") b where 1 = 1"
                    + filter);
            parameters.addAll(filterValues);
        }
        return String.join(" union all ", parts);
    }

    /** Cells (one table's columns, in its order) computed from the request tables over the ranges. */
    private String cellSql(boolean journal, List<OffsetDateTime[]> ranges, List<Object> parameters) {
        String facts = repository.facts(ranges, parameters);
        StringBuilder bin = new StringBuilder("case");
        for (int i = 0; i < BIN_EDGES.length; i++) {
            bin.append(" when turnaround_days < ").append(edge(i)).append(" then ").append(i);
        }
        bin.append(" when turnaround_days is not null then ").append(BIN_EDGES.length).append(" end");
        StringBuilder histogram = new StringBuilder();
        for (int i = 0; i < BINS; i++) {
            histogram.append(", sum(case when bin = ").append(i).append(" then 1 else 0 end) as tc")
                    .append(String.format(Locale.ROOT, "%02d", i));
        }
        for (int i = 0; i < BINS; i++) {
            histogram.append(", coalesce(sum(case when bin = ").append(i).append(" then turnaround_days end), 0) as ts")
                    .append(String.format(Locale.ROOT, "%02d", i));
        }
        String keys = journal ? JOURNAL_KEYS : CELL_KEYS;
        return "select month_key, " + keys + (journal ? ", max(journal) as journal_label" : "")
                + ", count(*) as requests, coalesce(sum(filled), 0) as filled, coalesce(sum(unfilled), 0) as unfilled, "
                + "coalesce(sum(cancelled), 0) as cancelled, coalesce(sum(from_archive), 0) as from_archive, "
                + "coalesce(sum(held_locally), 0) as held_locally, coalesce(sum(cost), 0) as cost, "
                + "coalesce(sum(overdue_fee), 0) as overdue_fee, coalesce(sum(messages), 0) as messages" + histogram
                + " from (select x.*, cast(" + Dimension.MONTH.keySql() + " as integer) as month_key, "
                + Dimension.JOURNAL.keySql() + " as journal_key, " + bin + " as bin from (" + facts + ") x"
                // a fence: without it PostgreSQL inlines the subquery and evaluates the bin's CASE once per use
                + " offset 0) b"
                + " group by month_key, " + keys;
    }

    private static String measureColumns() {
        StringBuilder columns = new StringBuilder(
                "requests, filled, unfilled, cancelled, from_archive, held_locally, cost, overdue_fee, messages");
        for (String prefix : List.of("tc", "ts")) {
            for (int i = 0; i < BINS; i++) {
                columns.append(", ").append(prefix).append(String.format(Locale.ROOT, "%02d", i));
            }
        }
        return columns.toString();
    }

    private static String keySql(Dimension dimension) {
        return switch (dimension) {
            case YEAR -> "month_key / 100";
            case MONTH -> "month_key";
            case SOURCE -> "source_database";
            case JOURNAL -> "journal_key";
            case SERVICE, PATRON_TYPE, COLLEGE, SUPPLIER -> dimension.keySql();
            default -> throw new IllegalArgumentException("not aggregated: " + dimension);
        };
    }

    private static String edge(int i) {
        return BigDecimal.valueOf(BIN_EDGES[i]).toPlainString();
    }

    private static Group counted(ResultSet rs, List<Dimension> dimensions) throws SQLException {
        return new Group(ReportRow.counted(keys(rs, dimensions), rs.getLong("requests")), new long[BINS],
                new double[BINS]);
    }

    private static List<Object> keys(ResultSet rs, List<Dimension> dimensions) throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Object key = rs.getObject("k" + i);
            keys.add(key instanceof Number number ? (Object) number.intValue() : key == null ? null : key.toString());
        }
        return keys;
    }

    private static Group group(ResultSet rs, List<Dimension> dimensions) throws SQLException {
        List<Object> keys = keys(rs, dimensions);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            labels.add(rs.getString("l" + i));
        }
        long[] counts = new long[BINS];
        double[] sums = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            counts[i] = rs.getLong(String.format(Locale.ROOT, "tc%02d", i));
            sums[i] = rs.getDouble(String.format(Locale.ROOT, "ts%02d", i));
        }
        ReportRow row = new ReportRow(keys, labels, rs.getLong("requests"), rs.getLong("filled"),
                rs.getLong("unfilled"), rs.getLong("cancelled"), rs.getLong("from_archive"),
                rs.getLong("held_locally"), ReportRepository.money(rs.getBigDecimal("cost")), ReportRepository.money(rs.getBigDecimal("overdue_fee")),
                ReportRepository.days(percentile(counts, sums, 0.5)), ReportRepository.days(percentile(counts, sums, 0.9)),
                rs.getLong("messages"));
        return new Group(row, counts, sums);
    }

    /** The sum of groups: every measure and the histogram add up, the percentiles come from the sum. */
    static ReportRow total(List<Group> groups) {
        long[] counts = new long[BINS];
        double[] sums = new double[BINS];
        long[] measures = new long[7];
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Group group : groups) {
            ReportRow r = group.row();
            long[] each = {r.requests(), r.filled(), r.unfilled(), r.cancelled(), r.fromArchive(), r.heldLocally(),
                r.messages()};
            for (int i = 0; i < each.length; i++) {
                measures[i] += each[i];
            }
            cost = cost.add(r.libraryCost());
            fees = fees.add(r.overdueFees());
            for (int i = 0; i < BINS; i++) {
                counts[i] += group.counts()[i];
                sums[i] += group.sums()[i];
            }
        }
        return new ReportRow(List.of(), List.of(), measures[0], measures[1], measures[2], measures[3], measures[4],
                measures[5], ReportRepository.money(cost), ReportRepository.money(fees),
                ReportRepository.days(percentile(counts, sums, 0.5)), ReportRepository.days(percentile(counts, sums, 0.9)),
                measures[6]);
    }

    // ------------------------------------------------------------------------------------------ percentiles

    /**
     * {@code PERCENTILE_CONT(p)} estimated from the histogram: the order statistics either side of rank
     * {@code p × (n − 1)} are estimated within their bins and interpolated as PERCENTILE_CONT does. A bin's
     * values are taken as evenly spread around their mean (known exactly from the bin's sum), as wide as the bin
     * allows; so a value alone in its bin is exact, and an estimate is never further from the exact figure than
     * the width of the bins it falls in (docs/report-aggregates.md).
     */
    static Double percentile(long[] counts, double[] sums, double p) {
        long n = Arrays.stream(counts).sum();
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        long below = (long) Math.floor(rank);
        double a = orderStatistic(counts, sums, below);
        double fraction = rank - below;
        return fraction == 0 ? a : a + fraction * (orderStatistic(counts, sums, below + 1) - a);
    }

    private static double orderStatistic(long[] counts, double[] sums, long index) {
        long before = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            long count = counts[bin];
            if (index < before + count) {
                double mean = sums[bin] / count;
                if (count == 1) {
                    return mean;
                }
                double low = bin == 0 ? Math.min(0, mean) : BIN_EDGES[bin - 1];
                double high = bin == BIN_EDGES.length ? Double.MAX_VALUE : BIN_EDGES[bin];
                double half = Math.max(0, Math.min(mean - low, high - mean));
                return mean + (index - before - (count - 1) / 2.0) * (2 * half / (count - 1));
            }
            before += count;
        }
        throw new IllegalArgumentException("rank " + index + " beyond " + before);
    }

    /** Filled requests per bucket of the turnaround distribution, summed from the histogram's bins. */
    static long[] buckets(long[] counts) {
        long[] buckets = new long[ReportRepository.TURNAROUND_BOUNDS.length + 1];
        for (int bin = 0; bin < BINS; bin++) {
            double upper = bin == BIN_EDGES.length ? Double.MAX_VALUE : BIN_EDGES[bin];
            int bucket = 0;
            while (bucket < ReportRepository.TURNAROUND_BOUNDS.length
                    && upper > ReportRepository.TURNAROUND_BOUNDS[bucket]) {
                bucket++;
            }
            buckets[bucket] += counts[bin];
        }
        return buckets;
    }

    private OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private OffsetDateTime dayAfter(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static int monthKey(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

}
