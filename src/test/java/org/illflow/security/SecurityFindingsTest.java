package org.illflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.illflow.delivery.ArticleRequestForm;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryStatus;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The findings of the security review, each held by a check that failed before its fix. */
@IllflowTest
class SecurityFindingsTest {

    @Autowired TestSupport support;
    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests deliveries;
    @Autowired IdentityService identityService;

    @AfterEach
    void resetClock() {
        support.resetClock();
    }

    private static ArticleRequestForm article() {
        ArticleRequestForm form = new ArticleRequestForm();
        form.setTitle("Cancel rules for staff " + System.nanoTime());
        form.setJournal("Journal of Catalysis Research");
        form.setYear(2021);
        form.setPages("1-5");
        form.setSubjectArea("STM");
        form.setLanguage("en");
        return form;
    }

    @Test
    void interLibraryLoanStaffCannotCancelDocumentDeliveryRequests() throws Exception {
        String number = deliveries.submit(article(), "2024110001").getRequestNumber();
        support.passSavePoint(number);
        var illStaff = user("illstaff").roles("STAFF", "ILL_STAFF");
        mvc.perform(post("/api/dd-requests/" + number + "/cancel").with(illStaff).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/requests/" + number + "/cancel").with(illStaff).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(deliveries.visibleTo(number, "ddstaff", true).getStatus()).isEqualTo(DeliveryStatus.SUBMITTED);

        mvc.perform(post("/api/dd-requests/" + number + "/cancel").with(user("ddstaff").roles("STAFF", "DD_STAFF"))
                .with(csrf())).andExpect(status().isOk());
        assertThat(deliveries.visibleTo(number, "ddstaff", true).getStatus()).isEqualTo(DeliveryStatus.CANCELLED);
    }

    // ---------------------------------------------------------------- headers, TLS proxy, Host

    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicyAndTheWebappsTheirOwn() {
        PortalClient admin = support.client();
        admin.login("admin", "admin2026");
        HttpResponse<String> home = admin.get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                        "object-src 'none'"));
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        HttpResponse<String> tasklist = admin.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        // exactly one policy, Camunda's own (its embedded forms evaluate scripts): two would both apply
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).contains("'unsafe-eval'").doesNotContain(SecurityHeaders.PORTAL_POLICY));
        assertThat(tasklist.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void behindATlsProxyAnswersCarryHstsAndSecureCookies() {
        PortalClient client = support.client();
        HttpResponse<String> plain = client.exchange("GET", "/login", Map.of(), null);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> proxied = support.client().exchange("GET", "/login",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"), null);
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(proxied.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID"))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
    }

    @Test
    void redirectsNeverFollowTheHostHeader() {
        PortalClient client = support.client();
        HttpResponse<String> toLogin = client.exchange("GET", "/requests", Map.of("X-Forwarded-Host", "evil.example"), null);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("evil.example").endsWith("/login"));

        // after login, back to the page asked for: its path, not the host the request claimed
        String token = PortalClient.csrfFrom(client.get("/login").body());
        HttpResponse<String> afterLogin = client.exchange("POST", "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-Host", "evil.example"),
                form("username", "2024110001", "password", "reader2026", "_csrf", token));
        assertThat(afterLogin.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("evil.example").startsWith("/requests"));
    }

    // ---------------------------------------------------------------- password guessing

    private static byte[] form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Logs in from the given client address (as a TLS proxy reports it); returns where the login redirected. */
    private String loginFrom(String address, String user, String password) {
        PortalClient client = support.client();
        String token = PortalClient.csrfFrom(client.get("/login").body());
        return client.exchange("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "X-Forwarded-For", address), form("username", user, "password", password, "_csrf", token))
                .headers().firstValue("Location").orElse("");
    }

    private String newStaffAccount() {
        String id = "guess" + Long.toString(System.nanoTime(), 36);
        User user = identityService.newUser(id);
        user.setPassword("right-Pass-2026");
        identityService.saveUser(user);
        identityService.createMembership(id, IllflowGroups.DD_STAFF);
        return id;
    }

    @Test
    void wrongPasswordsFromOthersNeverLockAnAccountOut() {
        String account = newStaffAccount();
        // twelve wrong passwords from three machines: more than the engine's old lockout (ten) allowed
        for (int i = 0; i < 4; i++) {
            for (String attacker : new String[] {"198.51.100.1", "198.51.100.2", "198.51.100.3"}) {
                loginFrom(attacker, account, "wrong-" + i);
            }
        }
        assertThat(loginFrom("192.0.2.10", account, "right-Pass-2026")).endsWith("/").doesNotContain("error");
    }

    @Test
    void aClientThatGuessesWaitsAndThenMayTryAgainByItself() {
        String account = newStaffAccount();
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("198.51.100.20", account, "wrong-" + i)).endsWith("/login?error");
        }
        // blocked for this account, even with the right password; the account itself is not locked
        assertThat(loginFrom("198.51.100.20", account, "right-Pass-2026")).endsWith("/login?throttled");
        assertThat(loginFrom("198.51.100.21", account, "right-Pass-2026")).endsWith("/");

        support.moveClock(Duration.ofMinutes(16));
        assertThat(loginFrom("198.51.100.20", account, "right-Pass-2026")).endsWith("/");
    }

    @Test
    void aClientTryingManyAccountsIsThrottledForAll() {
        for (int i = 0; i < 30; i++) {
            loginFrom("198.51.100.30", "nobody" + i, "wrong");
        }
        assertThat(loginFrom("198.51.100.30", "ddstaff", "staff2026")).endsWith("/login?throttled");
        assertThat(loginFrom("198.51.100.31", "ddstaff", "staff2026")).endsWith("/");
    }

    // ---------------------------------------------------------------- registration

    private org.springframework.test.web.servlet.MvcResult register(String cardNumber, String email) throws Exception {
        return mvc.perform(post("/register").with(csrf()).param("name", "Probe Person").param("cardNumber", cardNumber)
                .param("email", email).param("phone", "021-65640000").param("patronType", "PHD_STUDENT")
                .param("college", "物理学院").param("language", "zh").param("password", "Long-enough-2026")
                .param("passwordConfirmation", "Long-enough-2026")).andReturn();
    }

    @Test
    void theRegisterPageDoesNotTellWhichCardNumbersOrAddressesExist() throws Exception {
        String fresh = "P" + Long.toString(System.nanoTime(), 36).toUpperCase();
        var taken = register("2024110001", fresh.toLowerCase() + "@example.edu");       // 李明's card number
        var takenEmail = register(fresh + "X", "emma.wilson@stu.example.edu");          // Emma's address
        var newOne = register(fresh, fresh.toLowerCase() + ".new@example.edu");
        for (var result : java.util.List.of(taken, takenEmail, newOne)) {
            assertThat(result.getResponse().getStatus()).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/register/done");
        }
        assertThat(taken.getFlashMap().get("registeredName")).isEqualTo("Probe Person");
        assertThat(java.util.Set.copyOf(taken.getFlashMap().keySet()))
                .isEqualTo(java.util.Set.copyOf(newOne.getFlashMap().keySet()));
    }

    // ---------------------------------------------------------------- engine-rest from a browser

    @Test
    void engineRestRefusesChangesWithoutTheScriptHeaderAndAnythingFromAnotherSite() {
        PortalClient client = support.client();
        String basic = "Basic " + Base64.getEncoder().encodeToString("ddstaff:staff2026".getBytes(StandardCharsets.UTF_8));
        byte[] query = "{}".getBytes(StandardCharsets.UTF_8);
        // what a cross-site form post looks like: credentials the browser remembered, no custom header
        assertThat(client.exchange("POST", "/engine-rest/process-instance", Map.of("Authorization", basic,
                "Content-Type", "application/json"), query).statusCode()).isEqualTo(403);
        assertThat(client.exchange("POST", "/engine-rest/process-instance", Map.of("Authorization", basic,
                "Content-Type", "application/json", "X-Requested-With", "script", "Sec-Fetch-Site", "cross-site"),
                query).statusCode()).isEqualTo(403);
        assertThat(client.exchange("GET", "/engine-rest/task", Map.of("Authorization", basic,
                "Sec-Fetch-Site", "cross-site"), null).statusCode()).isEqualTo(403);
        // a script says who it is
        assertThat(client.exchange("POST", "/engine-rest/process-instance", Map.of("Authorization", basic,
                "Content-Type", "application/json", "X-Requested-With", "script"), query).statusCode()).isEqualTo(200);
        assertThat(client.getWithBasic("/engine-rest/task", "ddstaff", "staff2026").statusCode()).isEqualTo(200);
    }
}
