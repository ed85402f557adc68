package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626Outbox.State;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.support.IllflowTest;
import org.illflow.support.TableCounts;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * The outbox against a partner on this machine: a small HTTP server standing in for the partner, which can be
 * down (503), lose the confirmation of a message it did act on, refuse, or pass messages on to this application's
 * own {@code POST /iso18626} — the partner registered here is this library itself (its own agency id), so a request
 * sent is received, validated, authenticated and acted on as a real partner's would be. Time moves with the
 * engine clock, never by sleeping.
 */
@IllflowTest
class Iso18626OutboxTest {

    enum Mode { DOWN, FORWARD, FORWARD_LOSE_FIRST, REFUSE }

    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired Iso18626Outbox outbox;
    @Autowired Iso18626Sender sender;
    @Autowired Iso18626Transactions transactions;

    HttpServer partner;
    final AtomicReference<Mode> mode = new AtomicReference<>(Mode.DOWN);
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger lost = new AtomicInteger();
    Iso18626Peer loop;

    @BeforeEach
    void startPartner() throws IOException {
        String own = support.client().base() + "/iso18626";
        HttpClient forward = HttpClient.newHttpClient();
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/iso18626", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String(body, StandardCharsets.UTF_8));
            byte[] answer = new byte[0];
            int status = 503;
            try {
                switch (mode.get()) {
                    case FORWARD, FORWARD_LOSE_FIRST -> {
                        HttpResponse<byte[]> response = forward.send(HttpRequest.newBuilder(URI.create(own))
                                .header("Content-Type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        boolean lose = mode.get() == Mode.FORWARD_LOSE_FIRST && lost.getAndIncrement() == 0;
                        status = lose ? 502 : response.statusCode();
                        answer = lose ? "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8) : response.body();
                    }
                    case REFUSE -> {
                        status = 200;
                        answer = Iso18626Writer.write(new Iso18626.Envelope(Iso18626Version.V2021_2,
                                new Iso18626.Confirmation(Iso18626.MessageType.requestConfirmation,
                                        new Iso18626.ConfirmationHeader(null, null, java.time.Instant.now(), null,
                                                java.time.Instant.now(), Iso18626.MessageStatus.ERROR), null, null,
                                        List.of(new Iso18626.ErrorData(Iso18626.ErrorType.UnrecognisedDataValue,
                                                "we do not lend this")))));
                    }
                    default -> { }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        partner.start();
        String endpoint = "http://127.0.0.1:" + partner.getAddress().getPort() + "/iso18626";
        // this library registered as its own partner: messages sent come back in through the endpoint
        loop = peers.save("T-LOOP", new Iso18626Peers.Registration("本馆（回环测试）", null, endpoint,
                settings.agencyId(), Iso18626Version.V2021_2, "loop-ill", "loop-s3cret", true),
                peers.byCode("T-LOOP").map(Iso18626Peer::getVersion).orElse(null));
        settleEarlierItems();
    }

    /** Items left by an earlier test of this class are sent or given up, so each test starts with an empty queue. */
    private void settleEarlierItems() {
        jdbc.update("update iso18626_outbox set state = 'REFUSED' where state in ('PENDING', 'FAILED')");
    }

    @AfterEach
    void stopPartner() {
        partner.stop(0);
        support.resetClock();
    }

    Request loanRequest(String requestId) {
        return new Request(outbox.header(loop, Role.BORROWING, requestId, null),
                new BibliographicInfo(null, "乡土中国 " + requestId, "费孝通", null, null, null, null, null, null, null,
                        List.of()), null, new ServiceInfo(null, ServiceType.Loan, null, null), null);
    }

    long enqueue(String requestId) {
        transactions.create(Role.BORROWING, loop.getId(), requestId, null, "Loan", "乡土中国", null);
        return outbox.enqueue(loop, loanRequest(requestId), null);
    }

    static String id(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    Iso18626Outbox.Item item(long messageId) {
        return outbox.ofMessage(messageId).orElseThrow();
    }

    String outcome(long messageId) {
        return jdbc.queryForObject("select outcome from iso18626_message where id = ?", String.class, messageId);
    }

    long lendings(String requestId) {
        return jdbc.queryForObject("select count(*) from iso18626_transaction where role = 'LENDING' "
                + "and requesting_agency_request_id = ?", Long.class, requestId);
    }

    @Test
    void whileThePartnerIsDownOnlyItsOldestMessageIsTriedAndAllGoOutInOrderOnceItAnswers() {
        String a = id("A");
        String b = id("B");
        String c = id("C");
        long ma = enqueue(a);
        long mb = enqueue(b);
        long mc = enqueue(c);

        assertThat(sender.sendDue()).isZero();
        assertThat(received).hasSize(1).allMatch(x -> x.contains(a));
        assertThat(item(ma).attempts()).isEqualTo(1);
        assertThat(item(ma).lastError()).contains("HTTP 503");
        assertThat(item(mb).attempts()).isZero();
        assertThat(sender.sendDue()).as("not due again before the first interval").isZero();
        assertThat(received).hasSize(1);

        support.moveClock(settings.retryIntervals().get(0).plusSeconds(1));
        mode.set(Mode.FORWARD);
        assertThat(sender.sendDue()).isEqualTo(3);
        assertThat(received).hasSize(4);
        assertThat(received.subList(1, 4)).satisfiesExactly(x -> assertThat(x).contains(a),
                x -> assertThat(x).contains(b), x -> assertThat(x).contains(c));
        assertThat(List.of(outcome(ma), outcome(mb), outcome(mc))).containsOnly("CONFIRMED");
        assertThat(List.of(item(ma).state(), item(mb).state(), item(mc).state())).containsOnly(State.SENT);
        assertThat(List.of(lendings(a), lendings(b), lendings(c))).containsOnly(1L);
        // the same bytes every attempt: the retransmission key (the timestamp) never changes
        assertThat(received.get(1)).isEqualTo(received.get(0));
        // the partner got the security code (it authenticated the requests); the log keeps it masked
        assertThat(received.get(1)).contains("<ill:securityCode>loop-s3cret</ill:securityCode>");
        assertThat(jdbc.queryForObject("select xml from iso18626_message where id = ?", String.class, ma))
                .contains("<ill:securityCode>***</ill:securityCode>").doesNotContain("loop-s3cret");
    }

    @Test
    void aConfirmationLostOnTheWayBackNeverCausesASecondEffect() {
        mode.set(Mode.FORWARD_LOSE_FIRST);
        String d = id("D");
        long md = enqueue(d);
        assertThat(sender.sendDue()).isZero();
        assertThat(lendings(d)).as("the partner did act on the first attempt").isEqualTo(1);
        assertThat(item(md).state()).isEqualTo(State.PENDING);

        support.moveClock(settings.retryIntervals().get(0).plusSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.get(0));
        assertThat(lendings(d)).isEqualTo(1);
        assertThat(jdbc.queryForList("select outcome from iso18626_message where direction = 'IN' "
                + "and requesting_agency_request_id = ? order by id", String.class, d)).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(item(md).state()).isEqualTo(State.SENT);
        assertThat(item(md).attempts()).isEqualTo(2);
        assertThat(outcome(md)).isEqualTo("CONFIRMED");

        // a confirmation arriving once more for a message already confirmed changes nothing
        Map<String, Long> before = TableCounts.of(jdbc);
        assertThat(sender.sendDue()).isZero();
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void theOutboxKeepsTryingForMoreThanADayThenGivesUpAndHoldsBackThePartnersLaterMessagesUntilSentAgain() {
        assertThat(settings.retrySpan()).isGreaterThanOrEqualTo(Duration.ofHours(24));
        String e = id("E");
        long me = enqueue(e);
        assertThat(sender.sendDue()).isZero();
        for (Duration interval : settings.retryIntervals()) {
            assertThat(item(me).state()).isEqualTo(State.PENDING);
            support.moveClock(interval.plusSeconds(1));
            sender.sendDue();
        }
        assertThat(received).hasSize(settings.retryIntervals().size() + 1);
        assertThat(item(me).state()).isEqualTo(State.FAILED);
        assertThat(outcome(me)).isEqualTo("FAILED");

        String f = id("F");
        long mf = enqueue(f);
        support.moveClock(Duration.ofHours(1));
        assertThat(sender.sendDue()).isZero();
        assertThat(received).as("F waits behind the failed E").hasSize(settings.retryIntervals().size() + 1);

        mode.set(Mode.FORWARD);
        assertThat(outbox.sendAgain(me)).isTrue();
        assertThat(outbox.sendAgain(me)).as("only a FAILED message is sent again").isFalse();
        assertThat(sender.sendDue()).isEqualTo(2);
        int n = received.size();
        assertThat(received.get(n - 2)).contains(e);
        assertThat(received.get(n - 1)).contains(f);
        assertThat(List.of(item(me).state(), item(mf).state())).containsOnly(State.SENT);
    }

    @Test
    void aMessageThePartnerRefusesIsNotSentAgainAndItsErrorIsLogged() {
        mode.set(Mode.REFUSE);
        String g = id("G");
        long mg = enqueue(g);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(item(mg).state()).isEqualTo(State.REFUSED);
        assertThat(jdbc.queryForMap("select outcome, error_type, error_value from iso18626_message where id = ?", mg))
                .containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR_TYPE", "UnrecognisedDataValue")
                .containsEntry("ERROR_VALUE", "we do not lend this");
        support.moveClock(Duration.ofHours(30));
        assertThat(sender.sendDue()).isZero();
        assertThat(received).hasSize(1);
    }

    @Test
    void aMessageThePartnersVersionCannotCarryIsRefusedBeforeAnythingIsStored() {
        Iso18626Peer old = peers.save("T-LOOP", new Iso18626Peers.Registration("本馆（回环测试）", null,
                loop.getEndpointUrl(), settings.agencyId(), Iso18626Version.V1_2, "loop-ill", null, true), null);
        Map<String, Long> before = TableCounts.of(jdbc);
        RequestingAgencyMessage lost = new RequestingAgencyMessage(outbox.header(old, Role.BORROWING, id("H"), null),
                Action.Lost, null);
        assertThatThrownBy(() -> outbox.enqueue(old, lost, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lost");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
    }
}
