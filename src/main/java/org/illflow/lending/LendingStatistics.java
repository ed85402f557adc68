package org.illflow.lending;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lending as a service of its own in the statistics: per partner library and in all, the requests received in a
 * year, books lent, copies supplied, unfilled, cancelled, and the turnaround from the partner's request to the
 * item sent (median and mean, in days).
 * <p>
 * A direct query on {@code lending_request} by its creation time (index {@code ix_lending_request_created}), not
 * a pre-aggregate: lending volumes are small (a university library answers some hundreds of partner requests a
 * year, against tens of thousands of its own patrons' requests, which is what the report pre-aggregates are for),
 * and a direct query is exact by construction. Should volumes grow, this is the place to add an aggregate.
 */
@Service
public class LendingStatistics {

    /** One partner's figures (partner null: all partners). */
    public record Row(String partner, int requests, int lent, int copies, int unfilled, int cancelled, int retry,
            int open, Double medianDays, Double meanDays) {
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    LendingStatistics(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    private record Item(String partner, String suppliedAs, String outcome, Instant created, Instant shipped,
            boolean closed) {
    }

    /** Per partner (by code), then the total as the last row. */
    @Transactional(readOnly = true)
    public List<Row> year(Year year) {
        Instant from = year.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = year.plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
        List<Item> items = jdbc.query("""
                select p.code, r.supplied_as, r.outcome, r.created_at, r.shipped_at, r.closed_at
                from lending_request r join iso18626_peer p on p.id = r.peer_id
                where r.created_at >= ? and r.created_at < ?""",
                (rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null),
                Timestamp.from(from), Timestamp.from(to));
        Map<String, List<Item>> byPartner = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing(Item::partner))
                .forEach(item -> byPartner.computeIfAbsent(item.partner(), k -> new ArrayList<>()).add(item));
        List<Row> rows = new ArrayList<>();
        byPartner.forEach((partner, list) -> rows.add(row(partner, list)));
        rows.add(row(null, items));
        return rows;
    }

    private static Row row(String partner, List<Item> items) {
        int lent = 0;
        int copies = 0;
        int unfilled = 0;
        int cancelled = 0;
        int retry = 0;
        int open = 0;
        List<Double> days = new ArrayList<>();
        for (Item item : items) {
            boolean sent = item.shipped() != null;
            if (sent && LendingProcess.LOAN.equals(item.suppliedAs())) {
                lent++;
            }
            if ("COPY_COMPLETED".equals(item.outcome())) {
                copies++;
            }
            if ("UNFILLED".equals(item.outcome())) {
                unfilled++;
            }
            if ("CANCELLED".equals(item.outcome())) {
                cancelled++;
            }
            if ("RETRY_POSSIBLE".equals(item.outcome())) {
                retry++;
            }
            if (!item.closed()) {
                open++;
            }
            if (sent) {
                days.add(Duration.between(item.created(), item.shipped()).toMinutes() / (60.0 * 24));
            }
        }
        days.sort(Double::compare);
        Double median = days.isEmpty() ? null : days.size() % 2 == 1 ? days.get(days.size() / 2)
                : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2;
        Double mean = days.isEmpty() ? null : days.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Row(partner, items.size(), lent, copies, unfilled, cancelled, retry, open, round(median), round(mean));
    }

    private static Double round(Double days) {
        return days == null ? null : Math.round(days * 10) / 10.0;
    }
}
