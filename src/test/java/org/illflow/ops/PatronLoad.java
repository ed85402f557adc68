package org.illflow.ops;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.support.PortalClient;

/**
 * Patrons sending article requests through {@code POST /api/dd-requests} as fast as the node answers, each
 * client with its own session (login and CSRF token as in the README's curl example). A client whose node
 * went away or restarted logs in again and goes on. Every answer 201 with a request number is an
 * <em>acknowledgement</em>: the platform promised that request. Every third request is for an article in a
 * journal the demo library holds (Nature 2020), so its process mails the patron at once (an asynchronous job).
 */
final class PatronLoad implements AutoCloseable {

    static final List<String> PATRONS = List.of("2024110001", "2025120002", "T2010003");
    static final String PATRON_PASSWORD = "reader2026";

    private static final Pattern NUMBER = Pattern.compile("\"requestNumber\":\"([^\"]+)\"");

    /** What the platform acknowledged: who asked, the unique title sent, the number answered, when. */
    record Ack(String patron, String title, String number, long atMillis, String node) {
    }

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final java.util.concurrent.ConcurrentSkipListMap<Integer, Integer> refusals =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final String run;

    /**
     * @param nodeOfClient for client i, the base URL it talks to now (called before every request, so a client
     *                     can follow a load balancer's choice)
     */
    PatronLoad(String run, int clients, IntFunction<String> nodeOfClient) {
        this.run = run;
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> loop(client, nodeOfClient), "patron-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void loop(int client, IntFunction<String> nodeOfClient) {
        String patron = PATRONS.get(client % PATRONS.size());
        PortalClient session = null;
        String sessionBase = null;
        String csrf = null;
        int n = 0;
        while (!stopped.get()) {
            String base = nodeOfClient.apply(client);
            try {
                if (session == null || !base.equals(sessionBase)) {
                    session = new PortalClient(base);
                    sessionBase = base;
                    if (session.login(patron, PATRON_PASSWORD).contains("error")) {
                        session = null;
                        AppNode.sleep(500);
                        continue;
                    }
                    csrf = PortalClient.csrfFrom(session.get("/").body());
                }
                String title = "Crash check " + run + " client " + client + " no " + (++n);
                sent.incrementAndGet();
                HttpResponse<String> response = session.postJson("/api/dd-requests", body(title, n),
                        Map.of("X-CSRF-TOKEN", csrf));
                if (response.statusCode() == 201) {
                    Matcher m = NUMBER.matcher(response.body());
                    if (!m.find()) {
                        throw new IllegalStateException("201 without a request number: " + response.body());
                    }
                    acks.add(new Ack(patron, title, m.group(1), System.currentTimeMillis(), base));
                } else if (response.statusCode() == 401 || response.statusCode() == 403
                        || response.statusCode() == 302) {
                    session = null; // the node restarted: the session is gone
                } else {
                    refused.incrementAndGet();
                    refusals.merge(response.statusCode(), 1, Integer::sum);
                }
            } catch (RuntimeException nodeGone) {
                // connection refused or reset: the node is down or was killed mid-request; no answer, no promise
                unanswered.incrementAndGet();
                session = null;
                AppNode.sleep(200);
            }
        }
    }

    private static String body(String title, int n) {
        if (n % 3 == 0) {
            return "{\"title\":\"" + title + "\",\"journal\":\"Nature\",\"issn\":\"0028-0836\",\"year\":2020,"
                    + "\"volume\":\"580\",\"pages\":\"1-10\",\"subjectArea\":\"STM\"}";
        }
        return "{\"title\":\"" + title + "\",\"authors\":\"Zhang, W.\",\"journal\":\"Journal of Catalysis Research\","
                + "\"issn\":\"2434-561X\",\"year\":2021,\"pages\":\"101-112\",\"subjectArea\":\"STM\"}";
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    long sent() {
        return sent.get();
    }

    long unanswered() {
        return unanswered.get();
    }

    long refused() {
        return refused.get();
    }

    Map<Integer, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    @Override
    public void close() {
        stopped.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(90_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
