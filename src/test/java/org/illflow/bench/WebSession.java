package org.illflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One user's HTTP conversation with the running application, as a browser holds it: a cookie jar, the portal's
 * CSRF token, and HTTP Basic credentials for {@code /engine-rest} (which keeps no session). Any answer other than
 * the expected status fails with the status and the start of the body.
 */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private String basic;
    private String csrf;

    WebSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The portal's form login (the only login page); afterwards the session's CSRF token is known. */
    WebSession login(String user, String password) {
        String token = csrfOf(expect(200, get("/login")).body());
        HttpResponse<String> response = send(form("/login", Map.of("username", user, "password", password, "_csrf", token)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + response.statusCode() + " " + location);
        }
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        csrf = csrfOf(expect(200, get("/")).body());
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    String getOk(String path) {
        return expect(200, get(path)).body();
    }

    /** JSON to the patron API, with the CSRF header the portal's scripts send. */
    JsonNode postJson(String path, Object body, int status) {
        return json(expect(status, send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build())));
    }

    JsonNode restGet(String path) {
        return json(expect(200, send(HttpRequest.newBuilder(uri("/engine-rest" + path)).header("Authorization", basic)
                .header("Accept", "application/json").GET().build())));
    }

    /** A call to the engine's REST API as Tasklist makes it; 204 answers give null. */
    JsonNode restPost(String path, Object body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest" + path))
                .header("Authorization", basic).header("Content-Type", "application/json")
                // as Tasklist's own calls: engine-rest refuses changes from a plain browser form (CSRF guard)
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
        if (response.statusCode() == 204) {
            return null;
        }
        return json(expect(200, response));
    }

    /** A multipart upload (one file part and plain fields), with a CSRF header: what the receive form sends. */
    JsonNode upload(String path, String csrfHeader, String csrfToken, Map<String, String> fields, String fileName,
            byte[] file) {
        String boundary = "----illflow" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return json(expect(200, send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .header(csrfHeader, csrfToken).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build())));
    }

    JsonNode getJson(String path) {
        return json(expect(200, send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build())));
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
        }
        return response;
    }

    private static String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
