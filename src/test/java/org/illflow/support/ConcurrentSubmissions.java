package org.illflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Patrons submitting article (DD) and book (ILL) requests at the same moment through the real HTTP API, as
 * several browsers or API clients would: each patron logged in once, every call with the session's CSRF token.
 * Two waves: the first is sent at {@code firstWaveAt}; once half of it has been answered the engine clock moves
 * to {@code secondWaveAt} and the second wave is sent while the rest of the first is still running.
 */
public final class ConcurrentSubmissions {

    private static final Pattern NUMBER = Pattern.compile("\"requestNumber\"\\s*:\\s*\"([^\"]+)\"");

    /** One answer: which API, the HTTP status, the request number (null when there was none) and the body. */
    public record Outcome(String api, int status, String requestNumber, String body) {
    }

    /** A signed-in patron with the CSRF token of their session. */
    public record Patron(PortalClient client, String csrfToken) {

        public static Patron signIn(PortalClient client, String user, String password) {
            client.login(user, password);
            return new Patron(client, PortalClient.csrfFrom(client.get("/requests").body()));
        }
    }

    private ConcurrentSubmissions() {
    }

    /** Sends {@code perWave} submissions in each of two waves, DD and ILL alternating, patrons taking turns. */
    public static List<Outcome> twoWaves(List<Patron> patrons, int perWave, Instant firstWaveAt,
            Instant secondWaveAt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * perWave);
        try {
            CountDownLatch firstGo = new CountDownLatch(1);
            CountDownLatch secondGo = new CountDownLatch(1);
            CountDownLatch halfOfFirstAnswered = new CountDownLatch(perWave / 2);
            List<Future<Outcome>> answers = new ArrayList<>();
            for (int i = 0; i < 2 * perWave; i++) {
                int n = i;
                boolean first = i < perWave;
                Patron patron = patrons.get(i % patrons.size());
                answers.add(pool.submit(() -> {
                    (first ? firstGo : secondGo).await();
                    Outcome outcome = submit(patron, n);
                    if (first) {
                        halfOfFirstAnswered.countDown();
                    }
                    return outcome;
                }));
            }
            ClockUtil.setCurrentTime(Date.from(firstWaveAt));
            firstGo.countDown();
            if (!halfOfFirstAnswered.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the first wave did not answer within two minutes");
            }
            ClockUtil.setCurrentTime(Date.from(secondWaveAt));
            secondGo.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get(180, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every submission answered 201 with its own number, in the year the engine clock said, and because both
     * years are new to the database and nothing was rolled back, each prefix counts 1, 2, 3 … in each year.
     */
    public static void assertAllAcceptedWithDistinctNumbers(List<Outcome> outcomes, int oldYear, int newYear) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.api() + " answered " + o.body())
                .isEqualTo(201));
        List<String> numbers = outcomes.stream().map(Outcome::requestNumber).toList();
        assertThat(numbers).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("(DD|ILL)-(" + oldYear + "|" + newYear + ")-\\d{6}"));
        Map<String, List<Integer>> byPrefixAndYear = numbers.stream().collect(Collectors.groupingBy(
                n -> n.substring(0, n.lastIndexOf('-')), TreeMap::new,
                Collectors.mapping(n -> Integer.valueOf(n.substring(n.lastIndexOf('-') + 1)), Collectors.toList())));
        assertThat(byPrefixAndYear.keySet()).as("both years, both services")
                .contains("DD-" + newYear, "ILL-" + newYear).containsAnyOf("DD-" + oldYear, "ILL-" + oldYear);
        byPrefixAndYear.forEach((prefixAndYear, counted) -> assertThat(counted).as(prefixAndYear)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, counted.size()).boxed().toList()));
    }

    private static Outcome submit(Patron patron, int n) {
        boolean article = n % 2 == 0;
        String unique = n + "-" + System.nanoTime();
        String api = article ? "/api/dd-requests" : "/api/loan-requests";
        String body = article
                ? "{\"title\":\"Concurrent phonon transport " + unique + "\",\"journal\":\"Journal of Concurrency "
                        + "Studies\",\"year\":2021,\"pages\":\"1-10\",\"subjectArea\":\"STM\",\"language\":\"en\"}"
                : "{\"title\":\"并发借书研究 第" + unique + "卷\",\"authors\":\"王, 力\",\"publisher\":\"上海人民出版社\","
                        + "\"year\":2019,\"language\":\"zh\"}";
        HttpResponse<String> response = patron.client().postJson(api, body, patron.csrfToken());
        Matcher number = NUMBER.matcher(response.body());
        return new Outcome(api, response.statusCode(), number.find() ? number.group(1) : null, response.body());
    }
}
