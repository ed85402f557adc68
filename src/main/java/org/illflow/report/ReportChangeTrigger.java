package org.illflow.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's variant of the report change trigger (PostgreSQL's is PL/pgSQL, both created by the V47 migration): after
 * a request record is inserted, updated or deleted, the UTC day of its submission time goes into
 * {@code report_change}, in the same transaction. H2 loads this class by name; it must stay in this package and
 * keep its name (the trigger definitions in the database name it).
 */
public class ReportChangeTrigger implements Trigger {

    private int submittedAt = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, "SUBMITTED_AT")) {
            if (!columns.next()) {
                throw new SQLException("report change trigger: " + table + " has no submitted_at column");
            }
            submittedAt = columns.getInt("ORDINAL_POSITION") - 1;
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        LocalDate before = oldRow == null ? null : utcDay(oldRow[submittedAt]);
        LocalDate after = newRow == null ? null : utcDay(newRow[submittedAt]);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into report_change (changed_day) values (?)")) {
            if (before != null) {
                insert.setObject(1, before);
                insert.executeUpdate();
            }
            if (after != null && !Objects.equals(before, after)) {
                insert.setObject(1, after);
                insert.executeUpdate();
            }
        }
    }

    private static LocalDate utcDay(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        throw new SQLException("report change trigger: unexpected submitted_at " + value.getClass().getName());
    }
}
