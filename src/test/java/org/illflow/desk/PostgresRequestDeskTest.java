package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.illflow.support.PostgresApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The request desk's SQL on PostgreSQL: pages and totals over both tables, and title words served by the trigram
 * indexes of migration V65 (the embedded server ships pg_trgm).
 */
class PostgresRequestDeskTest extends PostgresApplicationTest {

    @Autowired RequestDesk desk;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void pagesWalkBothTablesInOneOrderAndCountBoth() {
        registerApprovedPatron("P2026DESK1", "王分页", "a-reader-password-2026");
        new DeskPagingCheck(desk, jdbc).run("P2026DESK1", "王分页");
    }

    @Test
    void titleWordsAreLookedUpInTheTrigramIndex() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like '%title_trgm'",
                String.class)).containsExactlyInAnyOrder("ix_dd_title_trgm", "ix_loan_title_trgm");
        // the table is small, so the planner would scan it; forbidding scans shows the index can serve the search
        List<String> plan = transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select id from document_delivery_request"
                    + " where lower(title) like '%catalysis%'", String.class);
        });
        assertThat(String.join("\n", plan)).contains("ix_dd_title_trgm");
        assertThat(desk.search(RequestDeskController.query(Map.of("title", "no such title words anywhere")))
                .total()).isZero();
    }
}
