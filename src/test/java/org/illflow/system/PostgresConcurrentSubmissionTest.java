package org.illflow.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.illflow.support.ConcurrentSubmissions;
import org.illflow.support.ConcurrentSubmissions.Outcome;
import org.illflow.support.ConcurrentSubmissions.Patron;
import org.illflow.support.PortalClient;
import org.illflow.support.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Patrons submitting at the same moment on PostgreSQL, where a failed statement aborts its whole transaction:
 * 32 article and book requests through the HTTP API, half just before midnight on New Year's Eve and half just
 * after, in years the database has never numbered, all accepted with numbers of their own.
 */
class PostgresConcurrentSubmissionTest extends PostgresApplicationTest {

    @LocalServerPort int port;
    @Value("${illflow.time-zone:Asia/Shanghai}") String timeZone;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thirtyTwoPatronsSubmittingAcrossNewYearAllGetTheirOwnNumber() throws Exception {
        List<Patron> patrons = new ArrayList<>();
        for (String card : List.of("PGC001", "PGC002", "PGC003")) {
            registerApprovedPatron(card, "并发读者 " + card, "postgres2026");
            patrons.add(Patron.signIn(new PortalClient("http://localhost:" + port), card, "postgres2026"));
        }
        ZoneId zone = ZoneId.of(timeZone);

        List<Outcome> outcomes = ConcurrentSubmissions.twoWaves(patrons, 16,
                LocalDateTime.of(2040, 12, 31, 23, 59, 59).atZone(zone).toInstant(),
                LocalDateTime.of(2041, 1, 1, 0, 0, 0).atZone(zone).toInstant());

        ConcurrentSubmissions.assertAllAcceptedWithDistinctNumbers(outcomes, 2040, 2041);
    }
}
