package org.illflow.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.Pdfs;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.support.PostgresApplicationTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lending tables and their SQL on PostgreSQL (no demo holdings on this profile, so the partner's book is not
 * held): the request recorded with its process, Unfilled sent, a status request answered, the staff list, the
 * timeline, the statistics query, and a copy link issued, followed and used up.
 */
class PostgresLendingTest extends PostgresApplicationTest {

    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired LendingDesk desk;
    @Autowired Lending lending;
    @Autowired LendingStatistics statistics;
    @Autowired CopyLinks links;
    @Autowired DocumentArchive archive;

    @Test
    void aPartnersRequestIsRecordedAnsweredListedCountedAndACopyLinkWorksOnPostgres() {
        LendingFixture partner = new LendingFixture(support, jdbc, runtime, tasks, management, identity, peers, settings);
        String requestId = LendingFixture.requestId();
        String number = partner.ask(partner.book(requestId, "江村经济", LendingFixture.NOT_HELD_ISBN, ServiceType.Loan));
        partner.runJobs(number);
        assertThat(partner.instance(number)).isNull();
        assertThat(partner.sent(number)).containsExactly("Unfilled (RequestResponse)");
        assertThat(partner.send(partner.action(requestId, Action.StatusRequest, null)).ok()).isTrue();
        assertThat(partner.send(partner.action(requestId, Action.Renew, null)).ok()).isFalse();

        LendingRequest r = lending.byNumber(number).orElseThrow();
        assertThat(r.outcome()).isEqualTo("UNFILLED");
        assertThat(desk.list(true)).extracting(LendingRequest::lendingNumber).doesNotContain(number);
        assertThat(desk.list(false)).extracting(LendingRequest::lendingNumber).contains(number);
        // the request, Unfilled, the status request and its answer, the refused Renew
        assertThat(desk.messages(r)).hasSize(5);
        assertThat(lending.timeline(r.id())).extracting(LendingRequest.Event::kind).contains("REQUESTED", "NOT_HELD",
                "SENT_Unfilled", "STATUS_REQUEST");
        LendingStatistics.Row total = statistics.year(Year.now(java.time.Clock.systemUTC())).stream()
                .filter(row -> row.partner() == null).findFirst().orElseThrow();
        assertThat(total.unfilled()).isPositive();

        long documentId = archive.store(Pdfs.pdf(1), new ArchiveEntry(null, "江村经济", null, null, null, null, null,
                null, null, null, number)).id();
        String url = links.issue(r, documentId);
        String token = url.substring(url.lastIndexOf('/') + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(links.follow(token).state()).isEqualTo(CopyLinks.Resolution.State.FOUND);
        }
        assertThat(links.follow(token).state()).isEqualTo(CopyLinks.Resolution.State.GONE);
    }
}
