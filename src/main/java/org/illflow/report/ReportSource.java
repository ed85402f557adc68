package org.illflow.report;

/**
 * One kind of request the reports count. Each source selects the same canonical columns from its own table,
 * restricted to {@code submitted_at >= ? and submitted_at < ?} (two parameters, in that order), so every
 * measure means the same whatever the service:
 *
 * <pre>
 * service, request_number, submitted_at, finished_at (delivered / satisfied), patron_type, college, patron,
 * supplier (supplier or lender), journal, issn, filled, unfilled, cancelled, from_archive, held_locally
 * (each 0 or 1), cost (what the library paid), overdue_fee (charged to the patron), source_database (the
 * database an OpenURL came from, or null), messages (how many messages patron and staff wrote on the request;
 * 0 for imported history)
 * </pre>
 *
 * A new source's table also needs the report change trigger (migration V47, docs/report-aggregates.md), or the
 * pre-aggregates will not see its changes.
 */
interface ReportSource {

    /** A SELECT of the canonical columns with the two range parameters. */
    String factsSql();

    /** Whether the source's table exists in this database. */
    default boolean active(TableCheck tables) {
        return true;
    }

    /** Whether the database has a table, asked of the database itself (not of the engine's tables). */
    interface TableCheck {
        boolean exists(String table);
    }
}
