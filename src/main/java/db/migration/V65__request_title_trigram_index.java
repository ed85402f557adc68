package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trigram indexes on request titles, so the request desk's "title words" search (a substring, {@code lower(title)
 * like '%…%'}) does not scan every request on PostgreSQL. They need the {@code pg_trgm} extension, which ships with
 * PostgreSQL and is "trusted" since PostgreSQL 13 (the database's owner may create it). Where it cannot be created
 * (an older server, or a login without the right), the migration logs how to add the indexes by hand and goes on:
 * the search still works, it scans. H2 has no trigram index: there titles are scanned (see the README's figures).
 */
public class V65__request_title_trigram_index extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V65__request_title_trigram_index.class);

    static final String EXTENSION = "create extension if not exists pg_trgm";
    static final String[] INDEXES = {
        "create index ix_dd_title_trgm on document_delivery_request using gin (lower(title) gin_trgm_ops)",
        "create index ix_loan_title_trgm on loan_request using gin (lower(title) gin_trgm_ops)"};

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("postgres")) {
            return;
        }
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(EXTENSION);
            for (String index : INDEXES) {
                statement.execute(index);
            }
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            connection.rollback(before);
            LOG.warn("Title search on the request desk will scan: the pg_trgm extension could not be created ({})."
                    + " A database superuser can add it later with: {}; {}; {}", e.getMessage(), EXTENSION,
                    INDEXES[0], INDEXES[1]);
        }
    }
}
