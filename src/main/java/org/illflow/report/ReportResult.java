package org.illflow.report;

import java.util.List;

/** A report's groups, in order, and the totals over all of them. */
public record ReportResult(ReportQuery query, List<ReportRow> rows, ReportRow total) {
}
