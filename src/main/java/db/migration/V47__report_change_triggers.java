package db.migration;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Triggers that write a {@code report_change} row in the same transaction as any insert, update or delete of a
 * request record (document delivery, inter-library loan, imported history), however it is written: JPA, plain
 * JDBC, an import or a hand-made fix. A Java migration because the two databases write triggers differently:
 * PostgreSQL in PL/pgSQL, H2 as a Java class ({@code org.illflow.report.ReportChangeTrigger}). It lives in
 * Flyway's conventional package {@code db.migration}, where every Flyway run of ours finds it beside the SQL
 * migrations (the application, the tests and the benchmark).
 */
public class V47__report_change_triggers extends BaseJavaMigration {

    static final List<String> TABLES = List.of("document_delivery_request", "loan_request", "legacy_request");

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement statement = context.getConnection().createStatement()) {
            if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                statement.execute("""
                        create function report_request_changed() returns trigger language plpgsql as $$
                        begin
                            if tg_op in ('UPDATE', 'DELETE') then
                                insert into report_change (changed_day)
                                values (cast(old.submitted_at at time zone 'UTC' as date));
                            end if;
                            if tg_op = 'INSERT' or (tg_op = 'UPDATE'
                                    and new.submitted_at is distinct from old.submitted_at) then
                                insert into report_change (changed_day)
                                values (cast(new.submitted_at at time zone 'UTC' as date));
                            end if;
                            return null;
                        end $$""");
                for (String table : TABLES) {
                    statement.execute("create trigger tr_" + table + "_report after insert or update or delete on "
                            + table + " for each row execute function report_request_changed()");
                }
            } else if (product.equalsIgnoreCase("H2")) {
                for (String table : TABLES) {
                    statement.execute("create trigger tr_" + table + "_report after insert, update, delete on "
                            + table + " for each row call 'org.illflow.report.ReportChangeTrigger'");
                }
            } else {
                throw new IllegalStateException("report change triggers: no variant for " + product);
            }
        }
    }
}
