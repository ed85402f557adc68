package org.illflow.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One or two dimensions over requests submitted from {@code from} to {@code to} (both days included, in the
 * library's time zone), optionally only the {@code top} groups by number of requests.
 */
public record ReportQuery(List<Dimension> dimensions, LocalDate from, LocalDate to, Integer top) {

    /** Nothing before the library's first electronic records; statistics over more than 50 years are a typo. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final int MAX_YEARS = 50;

    public ReportQuery {
        Objects.requireNonNull(dimensions, "dimensions");
        if (dimensions.isEmpty() || dimensions.size() > 2) {
            throw new InvalidReportException("report.error.dimensionCount");
        }
        if (new LinkedHashSet<>(dimensions).size() != dimensions.size()) {
            throw new InvalidReportException("report.error.dimensionTwice");
        }
        dimensions = List.copyOf(dimensions);
        checkRange(from, to);
        if (top != null && (top < 1 || top > 1000)) {
            throw new InvalidReportException("report.error.top");
        }
    }

    public ReportQuery(List<Dimension> dimensions, LocalDate from, LocalDate to) {
        this(dimensions, from, to, null);
    }

    /** Parses dimension names as given in a URL ({@code year}, {@code patron-type} …). */
    public static ReportQuery of(List<String> dimensionNames, LocalDate from, LocalDate to, Integer top) {
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : dimensionNames == null ? List.<String>of() : dimensionNames) {
            if (name == null || name.isBlank()) {
                continue;
            }
            dimensions.add(Dimension.fromParam(name)
                    .orElseThrow(() -> new InvalidReportException("report.error.unknownDimension", name.strip())));
        }
        return new ReportQuery(dimensions, from, to, top);
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidReportException("report.error.rangeMissing");
        }
        if (to.isBefore(from)) {
            throw new InvalidReportException("report.error.rangeReversed", from, to);
        }
        if (from.isBefore(EARLIEST)) {
            throw new InvalidReportException("report.error.rangeTooEarly", EARLIEST);
        }
        if (ChronoUnit.YEARS.between(from, to) >= MAX_YEARS) {
            throw new InvalidReportException("report.error.rangeTooLong", MAX_YEARS);
        }
    }
}
