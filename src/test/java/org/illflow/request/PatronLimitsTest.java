package org.illflow.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.illflow.system.ApiRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Patron limits at their edges, checked once in the request kernel for both services and every door: the last
 * open request allowed and the one after (portal at the form, API as problem+json, staff start form), the
 * yearly count, 32 concurrent submissions at a limit, the admin page (bad input at its field, nothing changed),
 * and the profile showing the patron's own use only.
 */
@IllflowTest
class PatronLimitsTest {

    @Autowired PatronLimits limits;
    @Autowired PatronRegistration registration;
    @Autowired PatronDirectory patrons;
    @Autowired DeliveryRequests deliveries;
    @Autowired LoanRequests loans;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void tidyUp() {
        identityService.clearAuthentication();
        // requests left open would only load the engine of later tests
        started.forEach(number -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .list().forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "test finished", true)));
    }

    private static String card(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L;
    }

    /** An active master's student of a college of their own (limits set for it touch no other test). */
    private Patron newPatron(String card) {
        RegistrationForm form = new RegistrationForm();
        form.setCardNumber(card);
        form.setName("限额 " + card);
        form.setEmail(card.toLowerCase() + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.MASTER_STUDENT);
        form.setCollege("限额学院 " + card);
        form.setLanguage("zh");
        registration.enrolApproved(form, "limits2026", "test");
        return patrons.byCardNumber(card).orElseThrow();
    }

    private static org.illflow.delivery.ArticleRequestForm article() {
        org.illflow.delivery.ArticleRequestForm form = new org.illflow.delivery.ArticleRequestForm();
        form.setTitle("Limits and their edges " + System.nanoTime());
        form.setJournal("Journal of Edges");
        form.setYear(2020);
        form.setPages("1-10");
        form.setSubjectArea("STM");
        form.setLanguage("en");
        return form;
    }

    private String submit(Patron patron) {
        String number = deliveries.submit(article(), patron.getCardNumber()).getRequestNumber();
        started.add(number);
        return number;
    }

    private long openRequests(String card) {
        return jdbc.queryForObject("select count(*) from document_delivery_request where patron_card_number = ?"
                + " and closed_at is null", Long.class, card)
                + jdbc.queryForObject("select count(*) from loan_request where patron_card_number = ?"
                        + " and closed_at is null", Long.class, card);
    }

    @Test
    void theLastOpenRequestAllowedIsTakenAndTheOneAfterIsRefusedAtEveryDoor() throws Exception {
        Patron patron = newPatron(card("LO"));
        limits.save(PatronType.MASTER_STUDENT, patron.getCollege(), 2, null, null);
        submit(patron);
        // the second is the last one allowed: a book, so both services count together
        started.add(loans.submit(bookForm(), patron.getCardNumber()).getRequestNumber());
        assertThat(limits.usageOf(patron).open()).isEqualTo(2);

        // the service: 409 with the reason
        assertThatThrownBy(() -> submit(patron)).isInstanceOf(ApiRefusal.class)
                .satisfies(e -> assertThat(((ApiRefusal) e).getStatus()).isEqualTo(409))
                .satisfies(e -> assertThat(((ApiRefusal) e).getMessageKey()).isEqualTo(PatronLimits.OPEN_REACHED));
        // the API: problem+json
        mvc.perform(post("/api/dd-requests").with(user(patron.getCardNumber()).roles("PATRON")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"One more\",\"journal\":\"J\","
                                + "\"year\":2020,\"pages\":\"1-2\",\"subjectArea\":\"STM\",\"language\":\"en\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("您目前有 2 个在办申请，已达上限 2 个。请等已有申请办结（或取消不再需要的申请）后再提交。"));
        // the portal: the form again, with the reason on it
        String page = mvc.perform(post("/requests/new/article").with(user(patron.getCardNumber()).roles("PATRON"))
                        .with(csrf()).param("genre", "ARTICLE").param("title", "One more").param("journal", "J")
                        .param("year", "2020").param("pages", "1-2").param("subjectArea", "STM").param("language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"form-error\"").contains("已达上限 2 个").contains("value=\"One more\"");
        // the staff start form in Tasklist
        Map<String, Object> startForm = new HashMap<>();
        startForm.put(DocumentDeliveryProcess.VAR_PATRON, patron.getCardNumber());
        startForm.put("genre", "ARTICLE");
        startForm.put("title", "Requested by phone " + System.nanoTime());
        startForm.put("journal", "Phone Journal");
        startForm.put("year", 2019L);
        startForm.put("pages", "1-10");
        startForm.put("subjectArea", "STM");
        startForm.put("language", "en");
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(DocumentDeliveryProcess.KEY, startForm))
                .hasMessageContaining("已达上限 2 个").hasMessageContaining("your limit of 2");
        identityService.clearAuthentication();
        assertThat(openRequests(patron.getCardNumber())).isEqualTo(2);

        // one ends (cancelled): one may be sent again
        deliveries.cancel(started.get(0), patron.getCardNumber(), false);
        assertThat(limits.usageOf(patron).open()).isEqualTo(1);
        submit(patron);
        assertThat(openRequests(patron.getCardNumber())).isEqualTo(2);
    }

    private static org.illflow.loan.BookRequestForm bookForm() {
        org.illflow.loan.BookRequestForm form = new org.illflow.loan.BookRequestForm();
        form.setTitle("限额与边界 " + System.nanoTime());
        form.setAuthors("王, 力");
        form.setPublisher("上海人民出版社");
        form.setYear(2019);
        form.setLanguage("zh");
        return form;
    }

    @Test
    void theYearsLastRequestIsTakenAndTheNextIsRefusedEvenWhenTheOthersAreClosed() {
        Patron patron = newPatron(card("LY"));
        limits.save(PatronType.MASTER_STUDENT, patron.getCollege(), null, 2, null);
        deliveries.cancel(submit(patron), patron.getCardNumber(), false);
        submit(patron);
        assertThatThrownBy(() -> submit(patron)).isInstanceOf(ApiRefusal.class)
                .satisfies(e -> assertThat(((ApiRefusal) e).getMessageKey()).isEqualTo(PatronLimits.YEAR_REACHED));
        // a college's row wins over its type's: the type's own (no college) does not apply here
        limits.save(PatronType.MASTER_STUDENT, "", null, 1000, null);
        assertThat(limits.usageOf(patron).maxPerYear()).isEqualTo(2);
        limits.remove(limits.limitFor(PatronType.MASTER_STUDENT, "").orElseThrow().getId());
    }

    @Test
    void thirtyTwoConcurrentSubmissionsOfOnePatronAtALimitOfFiveOpenFiveAndNoMore() throws Exception {
        String card = card("LC");
        Patron patron = newPatron(card);
        limits.save(PatronType.MASTER_STUDENT, patron.getCollege(), 5, null, null);
        PortalClient client = support.client();
        client.login(card, "limits2026");
        String csrf = PortalClient.csrfFrom(client.get("/requests").body());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                boolean article = i % 2 == 0;
                String body = article
                        ? "{\"title\":\"Concurrent edge " + i + "-" + System.nanoTime() + "\",\"journal\":\"J\","
                                + "\"year\":2020,\"pages\":\"1-2\",\"subjectArea\":\"STM\",\"language\":\"en\"}"
                        : "{\"title\":\"并发边界 " + i + "-" + System.nanoTime() + "\",\"authors\":\"王, 力\","
                                + "\"publisher\":\"上海人民出版社\",\"year\":2019,\"language\":\"zh\"}";
                String api = article ? "/api/dd-requests" : "/api/loan-requests";
                futures.add(pool.submit(() -> {
                    go.await();
                    return client.postJson(api, body, csrf);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get(180, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        answers.stream().filter(a -> a.statusCode() == 201).forEach(a -> started.add(
                a.body().replaceAll("(?s).*\"requestNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1")));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(5);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("已达上限 5 个"));
        assertThat(openRequests(card)).isEqualTo(5);
    }

    @Test
    void badInputOnTheAdminPageIsShownAtItsFieldAndChangesNothing() throws Exception {
        var admin = user("admin").roles("ADMIN");
        long before = limits.all().size();
        String page = mvc.perform(post("/admin/limits").with(admin).with(csrf()).param("patronType", "PHD_STUDENT")
                        .param("college", "").param("maxOpen", "-1").param("maxPerYear", "many")
                        .param("yearlyBudget", "12.345"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("请填写 0–10000 之间的整数，或留空").contains("请填写整数，或留空")
                .contains("请填写不小于 0 的金额（最多两位小数），或留空");
        assertThat(limits.all()).hasSize((int) before);
        mvc.perform(post("/admin/limits").with(admin).with(csrf()).param("patronType", "NOBODY"))
                .andExpect(status().isOk());
        assertThat(limits.all()).hasSize((int) before);
        mvc.perform(post("/admin/limits/over-budget").with(admin).with(csrf()).param("choice", "MAYBE"))
                .andExpect(status().isOk());
        assertThat(limits.overBudget()).isEqualTo(OverLimit.APPROVAL);
        // staff and patrons may not change limits; without the CSRF token nobody may
        mvc.perform(get("/admin/limits").with(user("ddstaff").roles("STAFF", "DD_STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/limits").with(user("2024110001").roles("PATRON")).with(csrf())
                .param("patronType", "PHD_STUDENT").param("maxOpen", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/limits").with(admin).param("patronType", "PHD_STUDENT").param("maxOpen", "1"))
                .andExpect(status().isForbidden());
        assertThat(limits.all()).hasSize((int) before);

        // good input is kept
        String college = "页面学院 " + System.nanoTime();
        mvc.perform(post("/admin/limits").with(admin).with(csrf()).param("patronType", "PHD_STUDENT")
                .param("college", college).param("maxOpen", "3").param("maxPerYear", "").param("yearlyBudget", "500.00"))
                .andExpect(status().is3xxRedirection());
        PatronLimit saved = limits.limitFor(PatronType.PHD_STUDENT, college).orElseThrow();
        assertThat(saved.getMaxOpen()).isEqualTo(3);
        assertThat(saved.getMaxPerYear()).isNull();
        assertThat(saved.getYearlyBudget()).isEqualByComparingTo("500.00");
        assertThat(mvc.perform(get("/admin/limits").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(college);
        limits.remove(saved.getId());
    }

    @Test
    void theProfileShowsThePatronsOwnUseAndNoOneElses() throws Exception {
        Patron mine = newPatron(card("LP"));
        Patron other = newPatron(card("LQ"));
        limits.save(PatronType.MASTER_STUDENT, mine.getCollege(), 4, 40, new BigDecimal("300.00"));
        limits.save(PatronType.MASTER_STUDENT, other.getCollege(), 9, 99, new BigDecimal("999.00"));
        submit(mine);
        for (int i = 0; i < 3; i++) {
            submit(other);
        }
        String page = mvc.perform(get("/profile").param("card", other.getCardNumber())
                        .with(user(mine.getCardNumber()).roles("PATRON")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<dd id=\"usage-open\">1 / 4</dd>").contains("<dd id=\"usage-year\">1 / 40</dd>")
                .contains("<dd id=\"usage-budget\">0.00 / 300.00 元</dd>")
                .doesNotContain("3 / 9").doesNotContain("999.00").doesNotContain(other.getCardNumber());
    }
}
