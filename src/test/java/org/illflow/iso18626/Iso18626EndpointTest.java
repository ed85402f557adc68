package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Authentication;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.MessageInfo;
import org.illflow.iso18626.Iso18626.MessageType;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.StatusInfo;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TableCounts;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /iso18626} on the running server, as a partner's machine calls it (raw HTTP, no session, no CSRF
 * token). Accepted messages have their effect once; retransmissions get the first confirmation back; refused ones
 * get an ERROR confirmation with the exact error type (or 413/415) and leave nothing but their REFUSED row in the
 * message log: every other table of ours, and the engine's, is counted before and after.
 */
@IllflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the refused cases are built with the partners this instance registers
class Iso18626EndpointTest {

    static final AgencyId FUDAN = new AgencyId("ISIL", "CN-FDU-TEST");
    static final AgencyId SJTU = new AgencyId("ISIL", "CN-SJTU-TEST");
    static final Authentication FUDAN_AUTH = new Authentication("fudan-ill", "fudan-s3cret");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired Iso18626Transactions transactions;

    Iso18626Peer fudan;
    Iso18626Peer sjtu;

    @BeforeEach
    void partners() {
        fudan = peers.byCode("T-FUDAN").orElseGet(() -> peers.save("T-FUDAN", new Iso18626Peers.Registration(
                "复旦大学图书馆（测试）", null, "http://127.0.0.1:9/iso18626", FUDAN, Iso18626Version.V2021_2,
                FUDAN_AUTH.accountId(), FUDAN_AUTH.securityCode(), true), null));
        sjtu = peers.byCode("T-SJTU").orElseGet(() -> peers.save("T-SJTU", new Iso18626Peers.Registration(
                "上海交通大学图书馆（测试）", null, "http://127.0.0.1:9/iso18626", SJTU, Iso18626Version.V1_2,
                "sjtu-ill", "sjtu-s3cret", true), null));
    }

    static String nextRequestId() {
        return "ILL-2026-9" + String.format("%05d", SEQUENCE.incrementAndGet()) + "-" + System.nanoTime() % 100000;
    }

    AgencyId us() {
        return settings.agencyId();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    Request loanRequest(String requestId, Authentication auth) {
        return new Request(new Header(us(), FUDAN, null, now(), requestId, null, auth),
                new BibliographicInfo(null, "江村经济", "费孝通", null, null, null, null, null, null, null,
                        List.of(new ItemId("ISBN", "9787208061644"))),
                null, new ServiceInfo(RequestType.New, ServiceType.Loan, null, null),
                new BillingInfo(null, new Costs("CNY", new BigDecimal("30.00"))));
    }

    RequestingAgencyMessage action(String requestId, Action action, Authentication auth) {
        return new RequestingAgencyMessage(new Header(us(), FUDAN, null, now(), requestId, null, auth), action, null);
    }

    static byte[] xml(Iso18626.Message message) {
        return Iso18626Writer.write(new Envelope(Iso18626Version.V2021_2, message));
    }

    HttpResponse<String> post(byte[] body, String contentType) {
        PortalClient client = support.client();
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return client.exchange("POST", "/iso18626", headers, body);
    }

    HttpResponse<String> post(byte[] body) {
        return post(body, "application/xml");
    }

    static Confirmation confirmation(HttpResponse<String> response) throws Iso18626Refusal {
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        Envelope envelope = Iso18626Reader.read(response.body().getBytes(StandardCharsets.UTF_8));
        return (Confirmation) envelope.message();
    }

    // ------------------------------------------------------------------ accepted, once

    @Test
    void aPartnersLoanRequestIsConfirmedAndBecomesALendingRequestOnceEvenWhenSentTwice() throws Exception {
        String requestId = nextRequestId();
        byte[] message = xml(loanRequest(requestId, FUDAN_AUTH));

        HttpResponse<String> first = post(message);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        Confirmation confirmation = confirmation(first);
        assertThat(confirmation.type()).isEqualTo(MessageType.requestConfirmation);
        assertThat(confirmation.ok()).as(first.body()).isTrue();
        assertThat(confirmation.header().requestingAgencyRequestId()).isEqualTo(requestId);
        assertThat(confirmation.header().requestingAgencyId()).isEqualTo(FUDAN);
        var lending = transactions.find(Role.LENDING, fudan.getId(), requestId).orElseThrow();
        assertThat(lending.supplyingAgencyRequestId()).matches("LEND-\\d{4}-\\d{6}");
        assertThat(lending.status()).isEqualTo("RequestReceived");
        assertThat(lending.title()).isEqualTo("江村经济");

        Map<String, Long> before = TableCounts.of(jdbc);
        HttpResponse<String> again = post(message);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        Map<String, Long> after = TableCounts.of(jdbc);
        assertOnlyLogGrew(before, after);
        assertThat(jdbc.queryForList("select outcome from iso18626_message where requesting_agency_request_id = ? order by id",
                String.class, requestId)).containsExactly("ACCEPTED", "DUPLICATE");
        // the partner's security code is in no log row: the XML is kept with it masked
        assertThat(jdbc.queryForObject("select count(*) from iso18626_message where xml like '%fudan-s3cret%' "
                + "or confirmation_xml like '%fudan-s3cret%' or error_value like '%fudan-s3cret%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select xml from iso18626_message where requesting_agency_request_id = ? "
                + "and outcome = 'ACCEPTED'", String.class, requestId)).contains("<ill:securityCode>***</ill:securityCode>");
    }

    @Test
    void theSameMessageArrivingEightTimesAtOnceHasItsEffectOnceAndEveryCopyGetsTheSameConfirmation() throws Exception {
        String requestId = nextRequestId();
        byte[] message = xml(loanRequest(requestId, FUDAN_AUTH));
        int copies = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(message);
                }));
            }
            start.countDown();
            List<String> bodies = new java.util.ArrayList<>();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                bodies.add(response.body());
            }
            assertThat(bodies).as("every copy gets the first confirmation").containsOnly(bodies.get(0));
            assertThat(confirmation(answers.get(0).get()).ok()).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from iso18626_transaction where role = 'LENDING' "
                + "and requesting_agency_request_id = ?", Long.class, requestId)).isEqualTo(1);
        assertThat(jdbc.queryForList("select outcome from iso18626_message where requesting_agency_request_id = ?",
                String.class, requestId)).hasSize(copies).containsOnlyOnce("ACCEPTED")
                .filteredOn("DUPLICATE"::equals).hasSize(copies - 1);
    }

    @Test
    void anActionOnALendingRequestIsRecordedAndEchoedAndARetransmissionChangesNothing() throws Exception {
        String requestId = nextRequestId();
        assertThat(confirmation(post(xml(loanRequest(requestId, FUDAN_AUTH)))).ok()).isTrue();
        // a status request fits a lending request in any state (the lending tests walk the other actions)
        byte[] received = xml(action(requestId, Action.StatusRequest, FUDAN_AUTH));
        HttpResponse<String> response = post(received);
        Confirmation confirmation = confirmation(response);
        assertThat(confirmation.ok()).as(response.body()).isTrue();
        assertThat(confirmation.type()).isEqualTo(MessageType.requestingAgencyMessageConfirmation);
        assertThat(confirmation.action()).isEqualTo(Action.StatusRequest);
        assertThat(transactions.find(Role.LENDING, fudan.getId(), requestId).orElseThrow().lastAction())
                .isEqualTo("StatusRequest");
        Map<String, Long> before = TableCounts.of(jdbc);
        assertThat(post(received).body()).isEqualTo(response.body());
        assertOnlyLogGrew(before, TableCounts.of(jdbc));
    }

    /**
     * A supplyingAgencyMessage moves the borrowing process of the request it is about (borrowing.PartnerLoanTest
     * and PartnerCopyTest post them); a borrowing record with no request of this library behind it fits nothing and
     * is refused, in the message's version, with nothing recorded.
     */
    @Test
    void aSupplyingAgencyMessageAboutABorrowingRecordWithNoRequestOfOursBehindItIsRefused() throws Exception {
        String requestId = nextRequestId();
        transactions.create(Role.BORROWING, sjtu.getId(), requestId, null, "Loan", "三体", null);
        SupplyingAgencyMessage loaned = new SupplyingAgencyMessage(
                new Header(SJTU, us(), null, now(), requestId, "SJTU-77", null),
                new MessageInfo(ReasonForMessage.StatusChange, null, null, null, null),
                new StatusInfo(Status.Loaned, null, now().plus(30, ChronoUnit.DAYS), now()), null, null);
        // SJTU speaks 1.2: the confirmation answers in the version of the message
        HttpResponse<String> response = post(Iso18626Writer.write(new Envelope(Iso18626Version.V1_2, loaned)), "text/xml; charset=UTF-8");
        assertThat(response.body()).contains("ill:version=\"1.2\"");
        Confirmation confirmation = confirmation(response);
        assertThat(confirmation.ok()).as(response.body()).isFalse();
        assertThat(confirmation.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorType()).isEqualTo(ErrorType.UnrecognisedDataValue);
            assertThat(e.errorValue()).contains(requestId);
        });
        assertThat(transactions.find(Role.BORROWING, sjtu.getId(), requestId).orElseThrow().status()).isNull();
    }

    @Test
    void noLoginNoCsrfTokenAndOtherMethodsAreNotServerErrors() {
        HttpResponse<String> get = support.client().get("/iso18626");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).doesNotContain("Exception", "at org.");
    }

    // ------------------------------------------------------------------ refused: exact error, nothing stored

    record Case(String name, byte[] body, String contentType, int status, ErrorType error, MessageType confirmation) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Case> refusedCases() {
        partners();
        String known = "ILL-KNOWN-" + System.nanoTime();
        transactions.create(Role.LENDING, fudan.getId(), known, "LEND-2026-999999", "Loan", "x", "Loaned");
        String request = new String(xml(loanRequest(nextRequestId(), FUDAN_AUTH)), StandardCharsets.UTF_8);
        String doctype = "<?xml version=\"1.0\" encoding=\"%s\"?>\n<!DOCTYPE ill:ISO18626Message [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + request.substring(request.indexOf("<ill:ISO18626Message"))
                .replace("江村经济", "&b;");
        SupplyingAgencyMessage unknownStatus = new SupplyingAgencyMessage(new Header(SJTU, us(), null, now(), known, null, null),
                new MessageInfo(ReasonForMessage.StatusChange, null, null, null, null), new StatusInfo(Status.Loaned, null, null, now()),
                null, null);
        byte[] big = new byte[(int) settings.maxMessageBytes() + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        byte[] prefix = request.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        return Stream.of(
                new Case("not XML", "hello, library".getBytes(StandardCharsets.UTF_8), "application/xml", 200,
                        ErrorType.BadlyFormedMessage, MessageType.requestConfirmation),
                new Case("empty body", new byte[0], "application/xml", 200, ErrorType.BadlyFormedMessage,
                        MessageType.requestConfirmation),
                new Case("wrong namespace", utf8(request.replace("2013/iso18626", "2021/iso18626")), "application/xml", 200,
                        ErrorType.BadlyFormedMessage, MessageType.requestConfirmation),
                new Case("wrong version", utf8(request.replace("\"2021-2\"", "\"2021-3\"")), "application/xml", 200,
                        ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("elements out of order", utf8(request.replaceAll("(?s)(<ill:serviceInfo>.*</ill:serviceInfo>)\\s*"
                        + "(<ill:billingInfo>.*</ill:billingInfo>)", "$2$1")), "application/xml", 200,
                        ErrorType.UnrecognisedDataElement, MessageType.requestConfirmation),
                new Case("unknown status", utf8(new String(xml(unknownStatus), StandardCharsets.UTF_8)
                        .replace(">Loaned<", ">Borrowed<")), "application/xml", 200, ErrorType.UnrecognisedDataValue,
                        MessageType.supplyingAgencyMessageConfirmation),
                new Case("unknown action", utf8(new String(xml(action(known, Action.Renew, FUDAN_AUTH)),
                        StandardCharsets.UTF_8).replace(">Renew<", ">StatusChange<")), "application/xml", 200,
                        ErrorType.UnsupportedActionType, MessageType.requestingAgencyMessageConfirmation),
                new Case("unsupported action", xml(action(known, Action.ShippedForward, FUDAN_AUTH)), "application/xml", 200,
                        ErrorType.UnsupportedActionType, MessageType.requestingAgencyMessageConfirmation),
                new Case("unknown request", xml(action("ILL-NOBODY-" + System.nanoTime(), Action.Received, FUDAN_AUTH)),
                        "application/xml", 200, ErrorType.UnrecognisedDataValue, MessageType.requestingAgencyMessageConfirmation),
                new Case("status for a request we never sent", xml(unknownStatus), "application/xml", 200,
                        ErrorType.UnrecognisedDataValue, MessageType.supplyingAgencyMessageConfirmation),
                new Case("unknown agency", utf8(request.replace("CN-FDU-TEST", "CN-NOBODY")), "application/xml", 200,
                        ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("empty agency id", utf8(request.replace(">CN-FDU-TEST<", "><")), "application/xml", 200,
                        ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("wrong security code", xml(loanRequest(nextRequestId(), new Authentication("fudan-ill", "guess"))),
                        "application/xml", 200, ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("wrong account id", xml(loanRequest(nextRequestId(), new Authentication("other", "fudan-s3cret"))),
                        "application/xml", 200, ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("no credentials", xml(loanRequest(nextRequestId(), null)), "application/xml", 200,
                        ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("addressed to another library", utf8(request.replace(us().value(), "CN-ELSEWHERE")),
                        "application/xml", 200, ErrorType.UnrecognisedDataValue, MessageType.requestConfirmation),
                new Case("a confirmation on its own", xml(new Confirmation(MessageType.requestConfirmation,
                        new Iso18626.ConfirmationHeader(null, null, now(), null, now(), Iso18626.MessageStatus.OK), null, null,
                        List.of())), "application/xml", 200, ErrorType.BadlyFormedMessage, MessageType.requestConfirmation),
                new Case("DOCTYPE with entities, UTF-8", utf8(String.format(doctype, "UTF-8")), "application/xml", 200,
                        ErrorType.BadlyFormedMessage, MessageType.requestConfirmation),
                new Case("DOCTYPE with entities, UTF-16", String.format(doctype, "UTF-16").getBytes(StandardCharsets.UTF_16),
                        "application/xml", 200, ErrorType.BadlyFormedMessage, MessageType.requestConfirmation),
                new Case("not said to be XML", utf8(request), "application/x-www-form-urlencoded", 415,
                        ErrorType.BadlyFormedMessage, MessageType.requestConfirmation),
                new Case("no content type", utf8(request), null, 415, ErrorType.BadlyFormedMessage,
                        MessageType.requestConfirmation),
                new Case("larger than 1 MB", big, "application/xml", 413, ErrorType.BadlyFormedMessage,
                        MessageType.requestConfirmation));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCases")
    void aRefusedMessageGetsItsErrorAndLeavesOnlyItsRefusedLogRow(Case c) throws Exception {
        Map<String, Long> before = TableCounts.of(jdbc);
        long refusedBefore = jdbc.queryForObject("select count(*) from iso18626_message where outcome = 'REFUSED'", Long.class);
        HttpResponse<String> response = post(c.body(), c.contentType());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.body()).doesNotContain("Exception", "at org.", "fudan-s3cret");
        Confirmation confirmation = confirmation(response);
        assertThat(confirmation.type()).isEqualTo(c.confirmation());
        assertThat(confirmation.ok()).isFalse();
        assertThat(confirmation.errors()).hasSize(1);
        assertThat(confirmation.errors().get(0).errorType()).as(confirmation.errors().get(0).errorValue())
                .isEqualTo(c.error());
        assertThat(confirmation.errors().get(0).errorValue()).isNotBlank();
        assertOnlyLogGrew(before, TableCounts.of(jdbc));
        assertThat(jdbc.queryForObject("select count(*) from iso18626_message where outcome = 'REFUSED'", Long.class))
                .isEqualTo(refusedBefore + 1);
    }

    /** The message log has one row more; every other table (ours and the engine's) is as it was. */
    static void assertOnlyLogGrew(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> expected = new HashMap<>(before);
        expected.put("ISO18626_MESSAGE", before.get("ISO18626_MESSAGE") + 1);
        assertThat(after).isEqualTo(expected);
    }
}
