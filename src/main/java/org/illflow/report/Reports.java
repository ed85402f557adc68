package org.illflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.illflow.patron.PatronType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics over every request the library has handled: document delivery, inter-library loan (once its table
 * exists) and imported history. Read only; never the engine's tables.
 */
@Service
public class Reports {

    private final ReportRepository repository;
    private final Clock clock;
    /** The monthly pre-aggregates; null: every report counts the request tables directly. */
    private final ReportAggregates aggregates;

    @org.springframework.beans.factory.annotation.Autowired
    Reports(ReportRepository repository, Clock clock, ReportAggregates aggregates) {
        this.repository = repository;
        this.clock = clock;
        this.aggregates = aggregates;
    }

    /** The reports over a bare DataSource, for the benchmark command (no Spring context), with aggregates. */
    public static Reports over(DataSource dataSource, Clock clock) {
        ReportRepository repository = repository(dataSource, clock);
        return new Reports(repository, clock, new ReportAggregates(new JdbcTemplate(dataSource), repository,
                new DataSourceTransactionManager(dataSource), clock));
    }

    /** The same reports counted directly on the request tables, never from the aggregates (tests, benchmark). */
    public static Reports direct(DataSource dataSource, Clock clock) {
        return new Reports(repository(dataSource, clock), clock, null);
    }

    private static ReportRepository repository(DataSource dataSource, Clock clock) {
        return new ReportRepository(new JdbcTemplate(dataSource),
                List.of(new DeliverySource(), new LoanSource(), new LegacySource()), clock.getZone());
    }

    /** The pre-aggregates behind these reports (refresh, the benchmark), or null when they count directly. */
    public ReportAggregates aggregates() {
        return aggregates;
    }

    /**
     * Runs a report. Groups without requests are included where the dimension's values are known in advance
     * (service, year, month, patron type), so a chart shows a gap as zero rather than skipping it.
     */
    @Transactional(readOnly = true)
    public ReportResult run(ReportQuery query) {
        checkNotFuture(query.to());
        List<Dimension> dimensions = query.dimensions();
        Optional<List<ReportAggregates.Group>> groups = aggregated(dimensions, query.from(), query.to(), query.top());
        List<ReportRow> rows = new ArrayList<>(groups.map(Reports::rows)
                .orElseGet(() -> repository.groups(dimensions, query.from(), query.to(), true)));
        if (query.top() == null) {
            rows = withEmptyGroups(rows, dimensions, query.from(), query.to());
            rows.sort(byKeys(dimensions));
        } else {
            rows.sort(byRequests(dimensions));
            rows = new ArrayList<>(rows.subList(0, Math.min(query.top(), rows.size())));
        }
        // the measures and histograms add up: the total of every group is their sum (not so for a top N)
        ReportRow total = groups.isPresent() && query.top() == null ? ReportAggregates.total(groups.get())
                : aggregated(List.of(), query.from(), query.to(), null).map(Reports::rows)
                        .orElseGet(() -> repository.groups(List.of(), query.from(), query.to(), true)).stream()
                        .findFirst().orElse(ReportRow.empty(List.of()));
        return new ReportResult(query, List.copyOf(rows), total);
    }

    /**
     * Requests per year and service, nothing else measured: the dashboard's first chart, fast on a large history
     * (each year is counted as a range of the submission-time index). Rows carry only {@code requests}.
     */
    @Transactional(readOnly = true)
    public ReportResult yearlyVolumes(LocalDate from, LocalDate to) {
        ReportQuery query = new ReportQuery(List.of(Dimension.YEAR, Dimension.SERVICE), from, to);
        checkNotFuture(to);
        List<ReportRow> rows = new ArrayList<>();
        long total = 0;
        Optional<List<ReportAggregates.Group>> aggregated = refreshed()
                ? aggregates.groups(query.dimensions(), from, to, null, true) : Optional.empty();
        for (ReportAggregates.Group group : aggregated.orElse(List.of())) {
            rows.add(group.row());
            total += group.row().requests();
        }
        for (int year = from.getYear(); aggregated.isEmpty() && year <= to.getYear(); year++) {
            LocalDate start = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
            LocalDate end = year == to.getYear() ? to : LocalDate.of(year, 12, 31);
            for (Map.Entry<String, Long> count : repository.countsByService(start, end).entrySet()) {
                rows.add(ReportRow.counted(List.of(year, count.getKey()), count.getValue()));
                total += count.getValue();
            }
        }
        rows = withEmptyGroups(rows, query.dimensions(), from, to);
        rows.sort(byKeys(query.dimensions()));
        return new ReportResult(query, List.copyOf(rows), ReportRow.counted(List.of(), total));
    }

    /** Filled requests per turnaround bucket (days: under 1, 1–3, 3–7, 7–14, 14–30, 30 and more). */
    @Transactional(readOnly = true)
    public TurnaroundDistribution turnaround(LocalDate from, LocalDate to) {
        ReportQuery.checkRange(from, to);
        checkNotFuture(to);
        long[] counts = refreshed() ? aggregates.groups(List.of(), from, to, null, false)
                .map(groups -> ReportAggregates.buckets(groups.get(0).counts())).orElse(null) : null;
        return new TurnaroundDistribution(from, to, ReportRepository.TURNAROUND_BOUNDS.clone(),
                counts != null ? counts : repository.turnaroundBuckets(from, to));
    }

    /**
     * The default period of the dashboard and the free report: the last ten calendar years, this one included, or
     * further back to the first year with any request (imported history included), within the longest period a
     * report covers.
     */
    @Transactional(readOnly = true)
    public LocalDate[] defaultWindow() {
        int year = LocalDate.now(clock).getYear();
        int first = year - 9;
        java.util.Optional<LocalDate> earliest = repository.earliestSubmission();
        if (earliest.isPresent() && earliest.get().getYear() < first) {
            first = Math.max(earliest.get().getYear(), Math.max(ReportQuery.EARLIEST.getYear(),
                    year - ReportQuery.MAX_YEARS + 1));
        }
        return new LocalDate[] {LocalDate.of(first, 1, 1), LocalDate.of(year, 12, 31)};
    }

    /** The whole period in one row: requests, filled, fill rate, held locally … for the dashboard's key figures. */
    @Transactional(readOnly = true)
    public ReportRow totals(LocalDate from, LocalDate to) {
        ReportQuery.checkRange(from, to);
        checkNotFuture(to);
        return aggregated(List.of(), from, to, null)
                .map(groups -> groups.stream().map(g -> withoutTurnaround(g.row())).toList())
                .orElseGet(() -> repository.groups(List.of(), from, to, false))
                .stream().findFirst().orElse(ReportRow.counted(List.of(), 0));
    }

    /** The key figures do not show the turnaround (the direct count does not compute it either). */
    private static ReportRow withoutTurnaround(ReportRow r) {
        return new ReportRow(r.keys(), r.labels(), r.requests(), r.filled(), r.unfilled(), r.cancelled(),
                r.fromArchive(), r.heldLocally(), r.libraryCost(), r.overdueFees(), null, null, r.messages());
    }

    private static List<ReportRow> rows(List<ReportAggregates.Group> groups) {
        return groups.stream().map(ReportAggregates.Group::row).toList();
    }

    /**
     * The groups from the pre-aggregates, after folding in what changed; empty when they cannot serve the
     * dimensions (patron, journal beside another dimension than service or time) or are not built yet — the
     * caller then counts the request tables. With a top N over journals, the journals are ranked by requests
     * first and the measures computed for the top ones only.
     */
    private Optional<List<ReportAggregates.Group>> aggregated(List<Dimension> dimensions, LocalDate from, LocalDate to,
            Integer top) {
        if (!ReportAggregates.serves(dimensions) || !refreshed()) {
            return Optional.empty();
        }
        Collection<String> journals = null;
        int journal = dimensions.indexOf(Dimension.JOURNAL);
        if (top != null && journal >= 0) {
            Optional<List<ReportAggregates.Group>> ranked = aggregates.groups(dimensions, from, to, null, true);
            if (ranked.isEmpty()) {
                return Optional.empty();
            }
            journals = new HashSet<>();
            List<ReportRow> counted = new ArrayList<>(ranked.get().stream().map(ReportAggregates.Group::row).toList());
            counted.sort(byRequests(dimensions));
            for (ReportRow row : counted.subList(0, Math.min(top, counted.size()))) {
                journals.add((String) row.keys().get(journal));
            }
        }
        return aggregates.groups(dimensions, from, to, journals, false);
    }

    /** Whether the aggregates are there, with what changed folded in (as far as no other refresh is running). */
    private boolean refreshed() {
        if (aggregates == null || !aggregates.ready()) {
            return false;
        }
        aggregates.refresh(false);
        return true;
    }

    private void checkNotFuture(LocalDate to) {
        // the end of next year at the latest: anything later is a typo, not a plan
        LocalDate latest = LocalDate.of(LocalDate.now(clock).getYear() + 1, 12, 31);
        if (to.isAfter(latest)) {
            throw new InvalidReportException("report.error.rangeFuture", latest);
        }
    }

    private static List<ReportRow> withEmptyGroups(List<ReportRow> rows, List<Dimension> dimensions, LocalDate from,
            LocalDate to) {
        List<List<Object>> domains = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Optional<List<Object>> domain = domain(dimension, from, to);
            if (domain.isEmpty()) {
                return new ArrayList<>(rows);
            }
            domains.add(domain.get());
        }
        Map<List<Object>, ReportRow> byKeys = new HashMap<>();
        rows.forEach(r -> byKeys.put(r.keys(), r));
        List<ReportRow> all = new ArrayList<>(rows);
        for (List<Object> keys : product(domains)) {
            if (!byKeys.containsKey(keys)) {
                all.add(ReportRow.empty(keys));
            }
        }
        return all;
    }

    /** The values a dimension can take in the range, when they are known without looking at the data. */
    private static Optional<List<Object>> domain(Dimension dimension, LocalDate from, LocalDate to) {
        List<Object> values = new ArrayList<>();
        switch (dimension) {
            case SERVICE -> values.addAll(List.of("DD", "ILL"));
            case YEAR -> {
                for (int year = from.getYear(); year <= to.getYear(); year++) {
                    values.add(year);
                }
            }
            case MONTH -> {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                    values.add(m.getYear() * 100 + m.getMonthValue());
                }
            }
            case PATRON_TYPE -> Arrays.stream(PatronType.values()).map(Enum::name).forEach(values::add);
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static List<List<Object>> product(List<List<Object>> domains) {
        List<List<Object>> result = new ArrayList<>();
        result.add(List.of());
        for (List<Object> domain : domains) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : result) {
                for (Object value : domain) {
                    List<Object> keys = new ArrayList<>(prefix);
                    keys.add(value);
                    next.add(keys);
                }
            }
            result = next;
        }
        return result;
    }

    /** The top-N order: most requests first, then by keys. */
    private static Comparator<ReportRow> byRequests(List<Dimension> dimensions) {
        return Comparator.comparingLong(ReportRow::requests).reversed().thenComparing(byKeys(dimensions));
    }

    /** Keys ascending, unknown (null) last; service DD before ILL; patron types in the enum's order. */
    private static Comparator<ReportRow> byKeys(List<Dimension> dimensions) {
        return (a, b) -> {
            for (int i = 0; i < dimensions.size(); i++) {
                int c = compareKey(dimensions.get(i), a.keys().get(i), b.keys().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKey(Dimension dimension, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (dimension == Dimension.PATRON_TYPE) {
            return Integer.compare(patronTypeOrder(a.toString()), patronTypeOrder(b.toString()));
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int patronTypeOrder(String type) {
        try {
            return PatronType.valueOf(type).ordinal();
        } catch (IllegalArgumentException e) {
            return PatronType.values().length;
        }
    }
}
