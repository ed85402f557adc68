package org.illflow.report;

import java.time.Clock;

import javax.sql.DataSource;

import org.illflow.support.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pre-aggregates' scenario on PostgreSQL: its PL/pgSQL triggers, row locks and SQL dialect. */
class PostgresReportAggregatesTest extends PostgresApplicationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    Reports reports;
    @Autowired
    ReportAggregates aggregates;
    @Autowired
    LegacyImport legacyImport;

    AggregateScenario scenario() {
        return new AggregateScenario(dataSource, clock, reports, aggregates, legacyImport);
    }

    @AfterEach
    void clean() {
        scenario().clean();
        aggregates.refresh(true);
    }

    @Test
    void equalADirectCountAfterInsertsChangesCancelsImportsDeletesAndConcurrentRefreshes() {
        scenario().run();
    }
}
