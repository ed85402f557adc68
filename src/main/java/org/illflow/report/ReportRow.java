package org.illflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The measures of one group. {@code keys} are the group's values per dimension (null: not recorded), in the
 * query's dimension order; {@code labels} a readable label per key where the key is not one (journal titles).
 * Fill rate is filled ÷ (filled + unfilled): held locally, cancelled, refused and open requests are outside it.
 * Archive reuse is the share of filled requests answered from the archive. Messages: how many messages patron and
 * staff wrote on the group's requests (counted with the request, in the month it was submitted).
 */
public record ReportRow(
        List<Object> keys,
        List<String> labels,
        long requests,
        long filled,
        long unfilled,
        long cancelled,
        long fromArchive,
        long heldLocally,
        BigDecimal libraryCost,
        BigDecimal overdueFees,
        Double medianDays,
        Double p90Days,
        long messages) {

    static ReportRow empty(List<Object> keys) {
        return new ReportRow(keys, java.util.Arrays.asList(new String[keys.size()]), 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, null, 0);
    }

    /** A group of which only the number of requests was counted. */
    static ReportRow counted(List<Object> keys, long requests) {
        ReportRow empty = empty(keys);
        return new ReportRow(empty.keys(), empty.labels(), requests, 0, 0, 0, 0, 0, empty.libraryCost(),
                empty.overdueFees(), null, null, 0);
    }

    /** Percent, one decimal; null when nothing was filled or unfilled. */
    public BigDecimal fillRate() {
        return percent(filled, filled + unfilled);
    }

    /** Percent of filled requests answered from the archive; null when nothing was filled. */
    public BigDecimal archiveReuse() {
        return percent(fromArchive, filled);
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
