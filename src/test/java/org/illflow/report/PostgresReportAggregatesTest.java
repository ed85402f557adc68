package org.illflow.report;

import org.illflow.support.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The pre-aggregates' scenario on PostgreSQL: its PL/pgSQL triggers, row locks and SQL dialect. */
class PostgresReportAggregatesTest extends PostgresApplicationTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void clean() {
        AggregateScenario scenario = new AggregateScenario(context);
        scenario.clean();
        scenario.aggregates().refresh(true);
    }

    @Test
    void equalADirectCountAfterInsertsChangesCancelsImportsDeletesAndConcurrentRefreshes() {
        new AggregateScenario(context).run();
    }
}
