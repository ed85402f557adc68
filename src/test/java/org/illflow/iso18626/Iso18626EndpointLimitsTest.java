package org.illflow.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626MessageLog.Direction;
import org.illflow.iso18626.Iso18626MessageLog.Outcome;
import org.illflow.iso18626.Iso18626MessageLog.Row;
import org.illflow.iso18626.Iso18626RateLimit.Limits;
import org.illflow.support.IllflowTest;
import org.illflow.support.TableCounts;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What bounds the open endpoint: bodies of ten megabytes (with and without a length) are refused after the first
 * megabyte without the server holding them, a client over its rate limit gets 429 with Retry-After before anything
 * is read or stored, and what unknown senders leave in the message log is cut short and deleted after the
 * retention.
 */
@IllflowTest
class Iso18626EndpointLimitsTest {

    static final int TEN_MB = 10 * 1024 * 1024;

    @Autowired TestSupport support;
    @Autowired Environment environment;
    @Autowired JdbcTemplate jdbc;
    @Autowired Iso18626RateLimit rateLimit;
    @Autowired Iso18626MessageLog log;
    @Autowired Iso18626LogRetention retention;
    @Autowired Iso18626Peers peers;
    @Autowired Clock clock;
    @Autowired Iso18626Settings settings;

    int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    // ------------------------------------------------------------------ ten megabytes

    @Test
    void tenMegabytesWithoutALengthAreRefusedAfterTheFirstMegabyteWithoutTheServerHoldingThem() throws Exception {
        Map<String, Long> before = TableCounts.of(jdbc);
        long allocatedBefore = serverThreadsAllocated();
        Raw answer = Raw.post(port(), null, true, new Filler(TEN_MB));
        long allocated = serverThreadsAllocated() - allocatedBefore;
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("BadlyFormedMessage", "at most 1 MB").doesNotContain("Exception");
        // reading the whole body would take at least its ten megabytes; reading the first one takes about two
        System.out.printf("10 MB chunked body: server request threads allocated %,d bytes; the client wrote %,d bytes "
                + "before the server closed the connection%n", allocated, answer.sent());
        assertThat(allocated).as("bytes allocated by the server's request threads").isLessThan(4L * 1024 * 1024);
        Iso18626EndpointTest.assertOnlyLogGrew(before, TableCounts.of(jdbc));
    }

    @Test
    void tenMegabytesWithTheirLengthAndAGigabyteAnnouncedAreRefusedBeforeAnyByteIsRead() throws Exception {
        for (long length : new long[] {TEN_MB, 1L << 30}) {
            Map<String, Long> before = TableCounts.of(jdbc);
            long allocatedBefore = serverThreadsAllocated();
            Raw answer = Raw.post(port(), length, false, new Filler(Math.min(length, TEN_MB)));
            long allocated = serverThreadsAllocated() - allocatedBefore;
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.body()).contains("BadlyFormedMessage", "the message has " + length + " bytes");
            assertThat(allocated).as("bytes allocated by the server's request threads").isLessThan(1024L * 1024);
            Iso18626EndpointTest.assertOnlyLogGrew(before, TableCounts.of(jdbc));
        }
    }

    /** Bytes allocated so far by the embedded Tomcat's threads (its request threads read the body). */
    static long serverThreadsAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-nio-")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return sum;
    }

    /** A message of {@code size} bytes made on the fly: a valid start, then spaces (never held by the client). */
    static final class Filler extends InputStream {
        private final byte[] start = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ill:ISO18626Message "
                + "xmlns:ill=\"http://illtransactions.org/2013/iso18626\" ill:version=\"2021-2\">")
                .getBytes(StandardCharsets.UTF_8);
        private final long size;
        private long position;

        Filler(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            int b = position < start.length ? start[(int) position] : ' ';
            position++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }

    /**
     * One request over a raw socket, so that the body can be streamed (chunked or with a length) while the answer is
     * read at the same time: a server that answers before the body is in, and then closes, is seen as it behaves.
     */
    record Raw(int status, Map<String, String> headers, String body, long sent) {

        static Raw post(int port, Long contentLength, boolean chunked, InputStream body) throws Exception {
            return post(port, contentLength, chunked, body, Map.of());
        }

        static Raw post(int port, Long contentLength, boolean chunked, InputStream body, Map<String, String> extra)
                throws Exception {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                StringBuilder head = new StringBuilder("POST /iso18626 HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/xml\r\n");
                if (chunked) {
                    head.append("Transfer-Encoding: chunked\r\n");
                } else {
                    head.append("Content-Length: ").append(contentLength).append("\r\n");
                }
                extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                AtomicLong sent = new AtomicLong();
                Thread writer = new Thread(() -> {
                    byte[] buffer = new byte[64 * 1024];
                    try {
                        int n;
                        while ((n = body.read(buffer)) > 0) {
                            if (chunked) {
                                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            }
                            out.write(buffer, 0, n);
                            if (chunked) {
                                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                            }
                            sent.addAndGet(n);
                        }
                        if (chunked) {
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.flush();
                    } catch (IOException closed) {
                        // the server answered and closed the connection before the body was in: as it should
                    }
                }, "raw-http-writer");
                writer.setDaemon(true);
                writer.start();
                InputStream in = socket.getInputStream();
                String status = line(in);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = line(in); !line.isEmpty(); line = line(in)) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] content = in.readNBytes(length);
                socket.close();
                writer.join(30_000);
                return new Raw(Integer.parseInt(status.split(" ")[1]), headers, new String(content, StandardCharsets.UTF_8),
                        sent.get());
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    // ------------------------------------------------------------------ the rate limit

    HttpResponse<String> post(String forwardedFor, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/xml");
        // this test's client is on the loopback interface, a trusted proxy: Tomcat takes the client from the header
        headers.put("X-Forwarded-For", forwardedFor);
        return support.client().exchange("POST", "/iso18626", headers, body);
    }

    static String address() {
        return "198.51.100." + (1 + (int) (System.nanoTime() % 250));
    }

    @Test
    void overItsMessageLimitAClientGets429WithRetryAfterBeforeAnythingIsReadOrStoredAndOthersGoOn() throws Exception {
        Limits production = rateLimit.limits();
        rateLimit.limits(new Limits(3, 1000));
        try {
            String client = address();
            for (int i = 0; i < 3; i++) {
                assertThat(post(client, utf8("not XML")).statusCode()).isEqualTo(200);
            }
            Map<String, Long> before = TableCounts.of(jdbc);
            HttpResponse<String> limited = post(client, utf8("not XML either"));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("20"); // three a minute: one every 20 s
            assertThat(limited.body()).contains("too many messages");
            assertThat(TableCounts.of(jdbc)).as("nothing logged, nothing stored").isEqualTo(before);
            // another address is not held up by this one
            assertThat(post("203.0.113." + (1 + (int) (System.nanoTime() % 250)), utf8("<x/>")).statusCode()).isEqualTo(200);
            // an IPv6 client is one /64: its neighbour shares its budget
            for (int i = 0; i < 3; i++) {
                assertThat(post("2001:db8:77:1::" + (i + 1), utf8("not XML")).statusCode()).isEqualTo(200);
            }
            assertThat(post("2001:db8:77:1::ff", utf8("not XML")).statusCode()).isEqualTo(429);
        } finally {
            rateLimit.limits(production);
        }
    }

    @Test
    void aClientWhoseRefusedBudgetIsSpentGets429EvenForAValidMessageAndNothingIsLogged() throws Exception {
        Limits production = rateLimit.limits();
        rateLimit.limits(new Limits(1000, 2));
        try {
            String client = address();
            assertThat(post(client, utf8("not XML")).statusCode()).isEqualTo(200);
            assertThat(post(client, utf8("not XML")).statusCode()).isEqualTo(200);
            Map<String, Long> before = TableCounts.of(jdbc);
            HttpResponse<String> limited = post(client, Iso18626EndpointTest.xml(new Iso18626.RequestingAgencyMessage(
                    new Iso18626.Header(settings.agencyId(), new AgencyId("ISIL", "CN-X"), null,
                            Instant.now(), "ILL-X", null, null), Iso18626.Action.Received, null)));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1800"); // two an hour
            assertThat(TableCounts.of(jdbc)).isEqualTo(before);
        } finally {
            rateLimit.limits(production);
        }
    }

    // ------------------------------------------------------------------ what strangers leave in the log

    @Test
    void aRefusedMessageOfAnUnknownSenderIsKeptFourKilobytesAndAPartnersWhole() throws Exception {
        String padding = "甲".repeat(50_000);
        String stranger = Iso18626Writer.writeString(new Iso18626.Envelope(Iso18626Version.V2021_2,
                new Iso18626.RequestingAgencyMessage(new Iso18626.Header(settings.agencyId(),
                        new AgencyId("ISIL", "CN-STRANGER"), null, Instant.now(), "ILL-STRANGER-" + System.nanoTime(), null,
                        new Iso18626.Authentication("a", "stranger-s3cret")), Iso18626.Action.Received, padding)));
        HttpResponse<String> response = post(address(), utf8(stranger));
        assertThat(Iso18626EndpointTest.confirmation(response).errors().get(0).errorType())
                .isEqualTo(ErrorType.UnrecognisedDataValue);
        String kept = jdbc.queryForObject("select xml from iso18626_message where id = (select max(id) from iso18626_message)",
                String.class);
        assertThat(kept).hasSizeLessThan(Iso18626MessageLog.KEPT_OF_STRANGERS + 200)
                .contains("CN-STRANGER", "<ill:securityCode>***</ill:securityCode>", "were not kept")
                .doesNotContain("stranger-s3cret");

        Iso18626Peer partner = partner();
        String fromPartner = stranger.replace("CN-STRANGER", partner.getAgencyIdValue());
        post(address(), utf8(fromPartner)); // refused: wrong security code, but from a partner
        String whole = jdbc.queryForObject("select xml from iso18626_message where id = (select max(id) from iso18626_message)",
                String.class);
        assertThat(whole).contains(padding, "<ill:securityCode>***</ill:securityCode>").doesNotContain("stranger-s3cret");
    }

    @Test
    void refusedMessagesOfUnknownSendersAreDeletedAfterTheRetentionAndNothingElse() {
        Iso18626Peer partner = partner();
        String tag = "RET-" + System.nanoTime();
        Instant now = clock.instant();
        Instant old = now.minus(31, ChronoUnit.DAYS);
        log.insert(row(tag + "-old-stranger", null, Outcome.REFUSED), old);
        log.insert(row(tag + "-new-stranger", null, Outcome.REFUSED), now.minus(1, ChronoUnit.DAYS));
        log.insert(row(tag + "-old-partner", partner.getId(), Outcome.REFUSED), old);
        log.insert(row(tag + "-old-accepted", partner.getId(), Outcome.ACCEPTED), old);

        retention.forgetOld();

        assertThat(jdbc.queryForList("select requesting_agency_request_id from iso18626_message "
                + "where requesting_agency_request_id like ? order by id", String.class, tag + "%"))
                .containsExactly(tag + "-new-stranger", tag + "-old-partner", tag + "-old-accepted");
    }

    private Iso18626Peer partner() {
        return peers.byCode("L-PARTNER").orElseGet(() -> peers.save("L-PARTNER", new Iso18626Peers.Registration(
                "合作馆（限制测试）", null, "http://127.0.0.1:9/iso18626", new AgencyId("ISIL", "CN-LIMITS-TEST"),
                Iso18626Version.V2021_2, "lim", "lim-s3cret", true), null));
    }

    private static Row row(String requestId, Long peerId, Outcome outcome) {
        return new Row(Direction.IN, peerId, null, "ISIL:CN-X", "request", requestId, null, null, "<x/>", null, outcome,
                outcome == Outcome.REFUSED ? "BadlyFormedMessage" : null, null, null);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
