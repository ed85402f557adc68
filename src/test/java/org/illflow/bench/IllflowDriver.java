package org.illflow.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.illflow.archive.Pdfs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives a running illflow through its HTTP interfaces as its users do, for the benchmark and for the test that
 * keeps this driver honest. For each request: the patron submits it through {@code POST /api/dd-requests} (CSRF
 * header); document delivery staff find, claim and complete <i>Order</i> and <i>Receive</i> through the same
 * {@code /engine-rest} calls Tasklist makes (task query, claim, form variables, submit-form with the variables the
 * forms send), load the order sheet and upload the PDF through the receive form's endpoint; the patron then loads
 * My requests and the request's page. Notices are left to the job executor ({@link #drainJobs}).
 */
final class IllflowDriver {

    static final String ORDER = "Task_OrderFromSupplier";
    static final String RECEIVE = "Task_ReceiveCopy";

    record Account(String user, String password) {
    }

    private final String base;
    private final Account staff;
    private final Timings timings;
    private final String run;
    private final Map<String, WebSession> patronSessions = new HashMap<>();
    private final ThreadLocal<WebSession> staffSession;
    private final List<Account> patrons;
    private final List<String> numbers = Collections.synchronizedList(new ArrayList<>());
    private final Runnable jobs;

    /**
     * {@code jobs} runs between looks for a task that is not there yet: the request continues after its save point
     * in a job, which the benchmark leaves to the job executor (a no-op here) and the test runs itself.
     */
    IllflowDriver(String base, Account staff, List<Account> patrons, Timings timings, String run, Runnable jobs) {
        this.jobs = jobs;
        this.base = base;
        this.staff = staff;
        this.patrons = patrons;
        this.timings = timings;
        this.run = run;
        this.staffSession = ThreadLocal.withInitial(() -> timings.time("staff: log in",
                () -> new WebSession(base).login(staff.user(), staff.password())));
    }

    /** Every patron logs in once (timed); their sessions are shared by the client threads. */
    IllflowDriver logInPatrons() {
        for (Account patron : patrons) {
            patronSessions.put(patron.user(), timings.time("patron: log in",
                    () -> new WebSession(base).login(patron.user(), patron.password())));
        }
        return this;
    }

    /** One request from submission to the patron reading its page. */
    void pipeline(int i) {
        Account patron = patrons.get(i % patrons.size());
        WebSession portal = patronSessions.get(patron.user());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("genre", "ARTICLE");
        article.put("title", "Benchmark article " + run + " number " + i + " on catalytic conversion");
        article.put("authors", "Bench, A.");
        article.put("journal", "Journal of Catalysis Research");
        article.put("issn", "2434-561X");
        article.put("year", 2021);
        article.put("volume", String.valueOf(1 + i % 40));
        article.put("pages", "101-112");
        article.put("subjectArea", "STM");
        article.put("language", "en");
        String number = timings.time("patron: submit (POST /api/dd-requests)",
                () -> portal.postJson("/api/dd-requests", article, 201)).get("requestNumber").asText();

        WebSession desk = staffSession.get();
        String orderTask = findAndClaim(desk, number, ORDER, "order");
        JsonNode orderVars = timings.time("order: form variables", () -> desk.restGet("/task/" + orderTask
                + "/form-variables?variableNames=requestNumber,supplierCode"));
        String supplier = orderVars.path("supplierCode").path("value").asText();
        timings.time("order: order sheet (archive lookup)", () -> desk.getJson("/staff/dd/" + enc(number)
                + "/order-sheet?supplier=" + enc(supplier)));
        timings.time("order: submit form", () -> desk.restPost("/task/" + orderTask + "/submit-form",
                Map.of("variables", Map.of("orderOutcome", variable("ordered", "String")))));

        String receiveTask = findAndClaim(desk, number, RECEIVE, "receive");
        timings.time("receive: form variables", () -> desk.restGet("/task/" + receiveTask
                + "/form-variables?variableNames=requestNumber,supplierCode"));
        byte[] pdf = Pdfs.pdf(2);
        long documentId = timings.time("receive: upload PDF", () -> {
            JsonNode csrf = desk.getJson("/staff/csrf");
            return desk.upload("/staff/dd/" + enc(number) + "/copy", csrf.get("headerName").asText(),
                    csrf.get("token").asText(), Map.of("supplier", supplier), number + ".pdf", pdf);
        }).get("documentId").asLong();
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("receiveOutcome", variable("delivered", "String"));
        received.put("unfilledReason", variable(null, "String"));
        received.put("documentId", variable(documentId, "Long"));
        timings.time("receive: submit form", () -> desk.restPost("/task/" + receiveTask + "/submit-form",
                Map.of("variables", received)));

        timings.time("patron: My requests", () -> portal.getOk("/requests"));
        String page = timings.time("patron: request page", () -> portal.getOk("/requests/" + number));
        if (!page.contains(number)) {
            throw new IllegalStateException("the request page does not show " + number);
        }
        numbers.add(number);
    }

    /** Tasklist's list query for the request's task, then the claim; the task appears when the step before commits. */
    private String findAndClaim(WebSession desk, String number, String taskKey, String step) {
        String id = timings.time(step + ": task query", () -> {
            for (int attempt = 0; attempt < 300; attempt++) {
                JsonNode tasks = desk.restGet("/task?processInstanceBusinessKey=" + enc(number)
                        + "&taskDefinitionKey=" + taskKey + "&candidateGroup=dd-staff");
                if (tasks.size() == 1) {
                    return tasks.get(0).get("id").asText();
                }
                jobs.run();
                Thread.sleep(100);
            }
            throw new IllegalStateException("no " + taskKey + " task for " + number);
        });
        timings.time(step + ": claim", () -> desk.restPost("/task/" + id + "/claim", Map.of("userId", staff.user())));
        return id;
    }

    /**
     * Waits until no job is due any more (the notices have gone through the job executor to the SMTP sink); calls
     * {@code nudge} between looks (the test runs the jobs itself; the benchmark leaves them to the job executor).
     * Asks as {@code admin}: the engine's authorizations hide jobs from staff. Returns the nanoseconds it took and
     * fails when jobs are left after {@code timeoutSeconds} or failed.
     */
    long drainJobs(Account admin, Runnable nudge, int timeoutSeconds) {
        WebSession desk = new WebSession(base).login(admin.user(), admin.password());
        long start = System.nanoTime();
        while (desk.restGet("/job/count?executable=true").get("count").asLong() > 0) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("jobs still due after " + timeoutSeconds + " s");
            }
            nudge.run();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long took = System.nanoTime() - start;
        long failed = desk.restGet("/job/count?withException=true").get("count").asLong();
        if (failed > 0) {
            throw new IllegalStateException(failed + " jobs failed");
        }
        return took;
    }

    /** The request numbers of the pipelines that went through. */
    List<String> requestNumbers() {
        return List.copyOf(numbers);
    }

    private static Map<String, Object> variable(Object value, String type) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value);
        v.put("type", type);
        return v;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The request desk's searches a round times: a step's name and its query string. */
    private static final Map<String, String> DESK_SEARCHES = deskSearches();

    /**
     * One round at the request desk ({@code /staff/requests}) as staff use it: everything (first page and a far
     * page), by number, by patron card, by title words, by status, service and month, each ready-made view, and one
     * request's page with its timeline. {@code number} must exist; {@code card} is a patron's card number.
     */
    static void deskRound(WebSession desk, String number, String card, Timings timings) {
        DESK_SEARCHES.forEach((step, query) -> timings.time("desk: " + step,
                () -> desk.getOk("/staff/requests" + query.replace("{number}", number).replace("{card}", card)
                        .replace("{serial}", String.valueOf(Integer.parseInt(number.replaceAll(".*-", "")))))));
        timings.time("desk: one request with its timeline", () -> desk.getOk("/staff/requests/" + number));
    }

    static java.util.Set<String> deskSteps() {
        java.util.Set<String> steps = new java.util.LinkedHashSet<>();
        DESK_SEARCHES.keySet().forEach(step -> steps.add("desk: " + step));
        steps.add("desk: one request with its timeline");
        return steps;
    }

    private static Map<String, String> deskSearches() {
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("everything, first page", "");
        searches.put("everything, page 100", "?page=100");
        searches.put("by request number", "?number={number}");
        searches.put("by patron card", "?patron={card}");
        // the seeded titles read "Earlier article <serial> on surface chemistry": words in every title, and one's
        searches.put("by title words, all match", "?title=surface%20chem");
        searches.put("by title words, one matches", "?title=article%20{serial}%20on");
        searches.put("by status, service and month", "?status=DELIVERED&service=DD&from=2020-03-01&to=2020-03-31");
        for (String view : List.of("pickup", "overdue", "late", "quiet", "unread")) {
            searches.put("view " + view, "?view=" + view);
        }
        return searches;
    }
}
