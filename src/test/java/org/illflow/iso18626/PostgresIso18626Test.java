package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Authentication;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.support.PostgresApplicationTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ISO 18626 tables and their SQL on PostgreSQL: a partner's request accepted once (its retransmission answered
 * from the log), a refused one logged, NUL bytes in a refused body stored, the log read newest first, and the
 * outbox's queries (oldest due per partner, claim, back-off) against a partner that does not answer.
 */
class PostgresIso18626Test extends PostgresApplicationTest {

    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired Iso18626MessageLog log;
    @Autowired Iso18626Outbox outbox;
    @Autowired Iso18626Sender sender;

    @Test
    void messagesAreReceivedLoggedAndQueuedOnPostgres() throws Exception {
        AgencyId partner = new AgencyId("ISIL", "CN-PG-" + System.nanoTime() % 100000);
        // port 9 (discard) on the loopback: nothing answers there
        Iso18626Peer peer = peers.save("PG" + System.nanoTime() % 100000, new Iso18626Peers.Registration("测试馆",
                null, "http://127.0.0.1:9/iso18626", partner, Iso18626Version.V2021_2, "pg-ill", "pg-s3cret", true), null);
        String requestId = "PG-" + System.nanoTime();
        Request request = new Request(new Header(settings.agencyId(), partner, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), requestId, null, new Authentication("pg-ill", "pg-s3cret")),
                new BibliographicInfo(null, "乡土中国", "费孝通", null, null, null, null, null, null, null, List.of()), null,
                new ServiceInfo(null, ServiceType.Loan, null, null), new BillingInfo(null, new Costs("CNY", new BigDecimal("20"))));
        byte[] xml = Iso18626Writer.write(new Envelope(Iso18626Version.V2021_2, request));

        HttpResponse<String> first = support.client().exchange("POST", "/iso18626", Map.of("Content-Type", "application/xml"), xml);
        Confirmation ok = (Confirmation) Iso18626Reader.read(first.body().getBytes(StandardCharsets.UTF_8)).message();
        assertThat(ok.ok()).as(first.body()).isTrue();
        HttpResponse<String> again = support.client().exchange("POST", "/iso18626", Map.of("Content-Type", "application/xml"), xml);
        assertThat(again.body()).isEqualTo(first.body());
        HttpResponse<String> junk = support.client().exchange("POST", "/iso18626", Map.of("Content-Type", "application/xml"),
                "<a>\u0000</a>".getBytes(StandardCharsets.UTF_8));
        assertThat(junk.statusCode()).isEqualTo(200);
        assertThat(junk.body()).contains("BadlyFormedMessage");
        assertThat(jdbc.queryForList("select outcome from iso18626_message where requesting_agency_request_id = ? order by id",
                String.class, requestId)).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(log.latest(5)).isNotEmpty().first().satisfies(e -> assertThat(e.outcome()).isEqualTo(
                Iso18626MessageLog.Outcome.REFUSED));

        long messageId = outbox.enqueue(peer, new Request(outbox.header(peer, Role.BORROWING, requestId + "-OUT", null),
                request.bibliographicInfo(), null, request.serviceInfo(), null), null);
        sender.sendDue();
        Iso18626Outbox.Item item = outbox.ofMessage(messageId).orElseThrow();
        assertThat(item.state()).isEqualTo(Iso18626Outbox.State.PENDING);
        assertThat(item.attempts()).isEqualTo(1);
        assertThat(item.nextAttemptAt()).isAfter(Instant.now());
        assertThat(item.lastError()).isNotBlank();
    }
}
