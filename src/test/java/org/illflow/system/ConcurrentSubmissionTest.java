package org.illflow.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.illflow.support.ConcurrentSubmissions;
import org.illflow.support.ConcurrentSubmissions.Outcome;
import org.illflow.support.ConcurrentSubmissions.Patron;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Patrons submitting at the same moment on the embedded default (H2): 32 article and book requests through the
 * HTTP API, half of them just before midnight on New Year's Eve and half just after, all accepted with numbers
 * of their own. (The same on PostgreSQL: PostgresConcurrentSubmissionTest.)
 */
@IllflowTest
class ConcurrentSubmissionTest {

    @Autowired TestSupport support;
    @Autowired RuntimeService runtimeService;
    @Value("${illflow.time-zone:Asia/Shanghai}") String timeZone;

    private List<Outcome> outcomes = List.of();

    @AfterEach
    void tidyUp() {
        support.resetClock();
        outcomes.stream().map(Outcome::requestNumber).filter(n -> n != null).forEach(number ->
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                        .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "test finished", true)));
    }

    @Test
    void thirtyTwoPatronsSubmittingAcrossNewYearAllGetTheirOwnNumber() throws Exception {
        ZoneId zone = ZoneId.of(timeZone);
        List<Patron> patrons = List.of(
                Patron.signIn(support.client(), "2024110001", "reader2026"),
                Patron.signIn(support.client(), "2025120002", "reader2026"),
                Patron.signIn(support.client(), "T2010003", "reader2026"));

        outcomes = ConcurrentSubmissions.twoWaves(patrons, 16,
                LocalDateTime.of(2040, 12, 31, 23, 59, 59).atZone(zone).toInstant(),
                LocalDateTime.of(2041, 1, 1, 0, 0, 0).atZone(zone).toInstant());

        ConcurrentSubmissions.assertAllAcceptedWithDistinctNumbers(outcomes, 2040, 2041);
    }
}
