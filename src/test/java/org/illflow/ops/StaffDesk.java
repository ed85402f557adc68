package org.illflow.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.archive.Pdfs;
import org.illflow.support.PortalClient;

/**
 * Document delivery staff working a request the way Tasklist does it, over HTTP against a running node: the
 * task through {@code /engine-rest} (HTTP Basic), the PDF through the receive form's upload endpoint (portal
 * session and CSRF token). Used by the operational checks to order and receive copies on any node.
 */
final class StaffDesk {

    static final String STAFF = "ddstaff";
    static final String STAFF_PASSWORD = "staff2026";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin2026";

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\":\"([^\"]*)\"");
    private static final Pattern DOCUMENT_ID = Pattern.compile("\"documentId\":(\\d+)");
    private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern HEADER = Pattern.compile("\"headerName\":\"([^\"]+)\"");

    private final String base;
    private final PortalClient portal;

    StaffDesk(String base) {
        this.base = base;
        this.portal = new PortalClient(base);
        portal.login(STAFF, STAFF_PASSWORD);
    }

    /** Orders the request from its first supplier and receives a fresh PDF for it; returns the PDF's bytes. */
    byte[] orderAndReceive(String requestNumber) {
        String order = awaitTask(requestNumber, "Task_OrderFromSupplier");
        complete(order, "{\"variables\":{\"orderOutcome\":{\"value\":\"ordered\",\"type\":\"String\"}}}");
        String receive = awaitTask(requestNumber, "Task_ReceiveCopy");
        String supplier = match(VALUE, rest("GET", "/task/" + receive + "/variables/supplierCode", null, STAFF,
                STAFF_PASSWORD, 200));
        byte[] pdf = Pdfs.pdf(2);
        String documentId = upload(requestNumber, supplier, pdf);
        // as the receive form does: the archived document's id goes with the outcome
        complete(receive, "{\"variables\":{\"receiveOutcome\":{\"value\":\"delivered\",\"type\":\"String\"},"
                + "\"documentId\":{\"value\":" + documentId + ",\"type\":\"Long\"}}}");
        return pdf;
    }

    /** Orders the request from its first supplier: the receive task waits, with its turnaround timer. */
    void order(String requestNumber) {
        complete(awaitTask(requestNumber, "Task_OrderFromSupplier"),
                "{\"variables\":{\"orderOutcome\":{\"value\":\"ordered\",\"type\":\"String\"}}}");
    }

    /** Makes the supplier's turnaround timer of the request due now: whichever node's job executor runs it. */
    void expireTurnaround(String requestNumber) {
        String jobs = rest("GET", "/job?timers=true&processInstanceId=" + processInstanceOf(requestNumber), null,
                ADMIN, ADMIN_PASSWORD, 200);
        rest("PUT", "/job/" + match(ID, jobs) + "/duedate", "{\"duedate\":\""
                + java.time.OffsetDateTime.now().minusSeconds(1).format(java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd'T'HH:mm:ss.SSSZ")) + "\"}", ADMIN, ADMIN_PASSWORD, 204);
    }

    private String processInstanceOf(String requestNumber) {
        return match(ID, rest("GET", "/process-instance?businessKey=" + requestNumber, null, ADMIN, ADMIN_PASSWORD,
                200));
    }

    private String awaitTask(String requestNumber, String taskKey) {
        for (int i = 0; i < 120; i++) {
            String tasks = rest("GET", "/task?processInstanceBusinessKey=" + requestNumber + "&taskDefinitionKey="
                    + taskKey, null, STAFF, STAFF_PASSWORD, 200);
            Matcher m = ID.matcher(tasks);
            if (m.find()) {
                return m.group(1);
            }
            AppNode.sleep(500);
        }
        throw new IllegalStateException("no task " + taskKey + " for " + requestNumber);
    }

    private void complete(String taskId, String body) {
        rest("POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + STAFF + "\"}", STAFF, STAFF_PASSWORD, 204);
        rest("POST", "/task/" + taskId + "/complete", body, STAFF, STAFF_PASSWORD, 204);
    }

    /** Uploads the PDF as the receive form does; returns the archived document's id. */
    private String upload(String requestNumber, String supplier, byte[] pdf) {
        String csrf = portal.get("/staff/csrf").body();
        String boundary = "illflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"supplier\"\r\n\r\n" + supplier
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"copy.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(pdf);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = portal.postBytes("/staff/dd/" + requestNumber + "/copy", body.toByteArray(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "Accept", "application/json",
                        match(HEADER, csrf), match(TOKEN, csrf)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upload for " + requestNumber + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return match(DOCUMENT_ID, response.body());
    }

    /** Jobs that are due and have retries left, i.e. work the job executors still have to do. */
    static long executableJobs(String base) {
        return Long.parseLong(match(COUNT, rest(base, "GET", "/job/count?executable=true", null, ADMIN,
                ADMIN_PASSWORD, 200)));
    }

    private String rest(String method, String path, String json, String user, String password, int expected) {
        return rest(base, method, path, json, user, password, expected);
    }

    static String rest(String base, String method, String path, String json, String user, String password,
            int expected) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json")
                // a script, not a browser: engine-rest refuses changes without this header (EngineRestBrowserGuard)
                .header("X-Requested-With", "illflow-ops")
                .timeout(java.time.Duration.ofSeconds(60));
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + text);
        }
        return m.group(1);
    }
}
