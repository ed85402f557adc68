package org.illflow.report;

import java.util.List;

/**
 * A report as the page shows it and the exports write it: headers and cells in the reader's language. Cells are
 * {@link String}s, {@link Number}s or null (nothing to show, e.g. the fill rate of an empty group).
 */
public record ReportTable(String title, List<String> headers, List<List<Object>> rows) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
