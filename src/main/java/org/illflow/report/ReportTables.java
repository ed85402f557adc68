package org.illflow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns report results into tables in the reader's language: the page, the CSV and the XLSX share them. */
@Component
class ReportTables {

    private final MessageSource messages;

    ReportTables(MessageSource messages) {
        this.messages = messages;
    }

    ReportTable table(String title, ReportResult result, Locale locale) {
        List<String> headers = new ArrayList<>();
        for (Dimension dimension : result.query().dimensions()) {
            headers.add(text("report.dimension." + dimension.param(), locale));
        }
        for (String measure : List.of("requests", "filled", "fillRate", "unfilled", "cancelled", "fromArchive",
                "heldLocally", "libraryCost", "overdueFees", "medianDays", "p90Days", "archiveReuse", "messages")) {
            headers.add(text("report.measure." + measure, locale));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ReportRow row : result.rows()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < result.query().dimensions().size(); i++) {
                cells.add(keyLabel(result.query().dimensions().get(i), row.keys().get(i), row.labels().get(i), locale));
            }
            cells.addAll(measures(row));
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add(text("report.total", locale));
        for (int i = 1; i < result.query().dimensions().size(); i++) {
            total.add("");
        }
        total.addAll(measures(result.total()));
        rows.add(total);
        return new ReportTable(title, headers, rows);
    }

    /** Only the dimensions and the number of requests (the yearly volumes, counted without other measures). */
    ReportTable counts(String title, ReportResult result, Locale locale) {
        ReportTable full = table(title, result, locale);
        int keep = result.query().dimensions().size() + 1;
        return new ReportTable(title, full.headers().subList(0, keep),
                full.rows().stream().map(r -> r.subList(0, keep)).toList());
    }

    ReportTable table(String title, TurnaroundDistribution distribution, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < distribution.counts().length; i++) {
            rows.add(List.of(bucketLabel(distribution.bounds(), i, locale), distribution.counts()[i]));
        }
        return new ReportTable(title, List.of(text("report.turnaround.days", locale),
                text("report.measure.filled", locale)), rows);
    }

    String bucketLabel(int[] bounds, int bucket, Locale locale) {
        if (bucket == 0) {
            return text("report.turnaround.under", locale, bounds[0]);
        }
        if (bucket == bounds.length) {
            return text("report.turnaround.atLeast", locale, bounds[bounds.length - 1]);
        }
        return text("report.turnaround.between", locale, bounds[bucket - 1], bounds[bucket]);
    }

    /** How a group's key reads: services and patron types by name, months as 2024-03, journals with title. */
    String keyLabel(Dimension dimension, Object key, String label, Locale locale) {
        if (key == null || key.toString().isBlank()) {
            return text("report.none", locale);
        }
        return switch (dimension) {
            case SERVICE -> text("report.service." + key, locale);
            case PATRON_TYPE -> messages.getMessage("patronType." + key, null, key.toString(), locale);
            case MONTH -> {
                int value = ((Number) key).intValue();
                yield String.format(Locale.ROOT, "%04d-%02d", value / 100, value % 100);
            }
            case JOURNAL -> label == null || label.equals(key) ? key.toString() : key + " " + label;
            default -> key.toString();
        };
    }

    private static List<Object> measures(ReportRow row) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.requests());
        cells.add(row.filled());
        cells.add(row.fillRate());
        cells.add(row.unfilled());
        cells.add(row.cancelled());
        cells.add(row.fromArchive());
        cells.add(row.heldLocally());
        cells.add(row.libraryCost());
        cells.add(row.overdueFees());
        cells.add(row.medianDays());
        cells.add(row.p90Days());
        cells.add(row.archiveReuse());
        cells.add(row.messages());
        return cells;
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
