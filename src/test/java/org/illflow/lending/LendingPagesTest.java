package org.illflow.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.lending.LendingFixture.*;
import static org.illflow.lending.LendingProcess.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Year;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.illflow.archive.Pdfs;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lending staff pages: who may see them (inter-library loan staff and admins; document delivery staff and
 * patrons get 403, visitors the login page), what they show (the request, its timeline, every ISO 18626
 * message), the recall (CSRF, only a book on loan), the scan upload (a PDF, only for a request waiting for one)
 * and the statistics (exact figures for a year no other test touches).
 */
@IllflowTest
class LendingPagesTest {

    static final RequestPostProcessor ILL = user("illstaff").roles("STAFF", "ILL_STAFF");
    static final RequestPostProcessor DD = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor PATRON = user("2024110001").roles("PATRON");

    @Autowired MockMvc mvc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TestSupport support;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired Iso18626Peers peers;
    @Autowired Iso18626Settings settings;
    @Autowired LendingStatistics statistics;

    LendingFixture partner;

    @BeforeEach
    void setUp() {
        clockAt("2026-03-02T10:00");
        partner = new LendingFixture(support, jdbc, runtime, tasks, management, identity, peers, settings);
    }

    @AfterEach
    void tearDown() {
        partner.endAll();
        support.resetClock();
    }

    private String shipped(String requestId) {
        String number = partner.ask(partner.book(requestId, "三体", HELD_ISBN, ServiceType.Loan));
        partner.runJobs(number);
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        partner.complete(number, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2026-04-13", VAR_SHIPPING_NOTE, "EMS"));
        return number;
    }

    /** The page as it renders, with every message key resolved. */
    private String page(String url, RequestPostProcessor who, String lang) throws Exception {
        String html = mvc.perform(get(url).param("lang", lang).with(who)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).as("unresolved message keys").doesNotContain("??");
        return html;
    }

    @Test
    void loanStaffAndAdminsSeeTheRequestWithItsTimelineAndEveryMessageOthersDoNot() throws Exception {
        String number = shipped(requestId());
        assertThat(page("/staff/lending", ILL, "zh")).contains(number, "T-LEND", "三体", "已借出");
        assertThat(page("/staff/lending?open=true", ADMIN, "en")).contains(number, "Loaned");
        String detail = page("/staff/lending/" + number, ILL, "zh");
        assertThat(detail).contains("同济大学图书馆（测试）", "收到合作馆申请", "决定借出原书", "已寄出", "EMS",
                "已告知已借出", "request", "supplyingAgencyMessage", "WillSupply (RequestResponse)",
                "Loaned (StatusChange)", "2026-04-13", "召回");
        assertThat(page("/staff/lending/" + number, ILL, "en")).contains(
                "Decided to lend the book", "Sent Loaned", "ISO 18626 messages");

        for (String url : new String[] {"/staff/lending", "/staff/lending/" + number, "/staff/lending/statistics"}) {
            mvc.perform(get(url).with(DD)).andExpect(status().isForbidden());
            mvc.perform(get(url).with(PATRON)).andExpect(status().isForbidden());
            mvc.perform(get(url)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/staff/lending/LEND-2026-999999").with(ILL)).andExpect(status().isNotFound());
    }

    @Test
    void aRecallNeedsTheCsrfTokenLoanStaffAndABookOnLoan() throws Exception {
        String number = shipped(requestId());
        mvc.perform(post("/staff/lending/" + number + "/recall").with(ILL)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/lending/" + number + "/recall").with(DD).with(csrf())).andExpect(status().isForbidden());
        assertThat(partner.sent(number)).last().isEqualTo("Loaned (StatusChange)");
        mvc.perform(post("/staff/lending/" + number + "/recall").param("note", "x".repeat(1001)).with(ILL).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/staff/lending/" + number + "/recall").param("note", "馆内急需").with(ILL).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(partner.sent(number)).last().isEqualTo("Recalled (StatusChange)");
        mvc.perform(post("/staff/lending/" + number + "/recall").with(ILL).with(csrf())).andExpect(status().isConflict());
        assertThat(partner.sent(number)).filteredOn("Recalled (StatusChange)"::equals).hasSize(1);
        assertThat(page("/staff/lending/" + number, ILL, "zh")).contains("已召回", "已通知召回", "馆内急需")
                .doesNotContain("recall-note");
    }

    @Test
    void theScanUploadTakesAPdfOnlyForARequestWaitingForAScan() throws Exception {
        String number = partner.ask(partner.chapter(requestId(), HELD_ISBN));
        partner.runJobs(number);
        String url = "/staff/lending/" + number + "/copy";
        // not yet decided: nothing is waiting for a scan
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "s.pdf", "application/pdf", Pdfs.pdf(1)))
                .with(ILL).with(csrf())).andExpect(status().isConflict());
        partner.complete(number, TASK_DECIDE, Map.of(VAR_DECISION, COPY));
        long documents = jdbc.queryForObject("select count(*) from archived_document", Long.class);
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "s.pdf", "application/pdf",
                "<html>not a pdf</html>".getBytes())).with(ILL).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(multipart(url).with(ILL).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "s.pdf", "application/pdf", Pdfs.pdf(1)))
                .with(DD).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "s.pdf", "application/pdf", Pdfs.pdf(1)))
                .with(ILL)).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from archived_document", Long.class)).isEqualTo(documents);
        String body = mvc.perform(multipart(url).file(new MockMultipartFile("file", "s.pdf", "application/pdf",
                Pdfs.pdf(2))).with(ILL).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).contains("\"pageCount\":2", "\"documentId\":");
        long documentId = Long.parseLong(body.replaceAll(".*\"documentId\":(\\d+).*", "$1"));
        partner.complete(number, TASK_SCAN_AND_SEND, Map.of(VAR_DOCUMENT_ID, documentId));
        assertThat(partner.sent(number)).last().isEqualTo("CopyCompleted (StatusChange)");
        String detail = page("/staff/lending/" + number, ILL, "en");
        assertThat(detail).contains("Copy supplied", "Scan attached", "Sent CopyCompleted with the link")
                .as("the link's token is on no page").doesNotContain("/partner-copies/");
    }

    @Test
    void theStatisticsCountLentCopiesUnfilledAndTurnaroundPerPartnerExactly() throws Exception {
        // 2031: no other test lends in that year
        clockAt("2031-06-02T09:00");
        String lent = partner.ask(partner.book(requestId(), "三体", HELD_ISBN, ServiceType.Loan));
        String unfilled = partner.ask(partner.book(requestId(), "江村经济", NOT_HELD_ISBN, ServiceType.Loan));
        partner.runJobs(lent);
        partner.runJobs(unfilled);
        partner.complete(lent, TASK_DECIDE, Map.of(VAR_DECISION, LOAN));
        support.moveClock(Duration.ofHours(36));
        partner.complete(lent, TASK_PULL_AND_SHIP, Map.of(VAR_SHIP_DUE_DATE, "2031-07-15"));

        var rows = statistics.year(Year.of(2031));
        assertThat(rows).hasSize(2);
        LendingStatistics.Row tlend = rows.get(0);
        assertThat(tlend.partner()).isEqualTo("T-LEND");
        assertThat(tlend).isEqualTo(new LendingStatistics.Row("T-LEND", 2, 1, 0, 1, 0, 0, 1, 1.5, 1.5));
        assertThat(rows.get(1)).isEqualTo(new LendingStatistics.Row(null, 2, 1, 0, 1, 0, 0, 1, 1.5, 1.5));
        assertThat(statistics.year(Year.of(2032))).containsExactly(new LendingStatistics.Row(null, 0, 0, 0, 0, 0, 0, 0,
                null, null));

        String html = page("/staff/lending/statistics?year=2031", ILL, "zh");
        assertThat(html).contains("2031", "T-LEND", "1.5", "合计");
        // lending is a service of its own in the statistics: linked from the reports page for those who may see it
        assertThat(page("/staff/reports", ILL, "zh")).contains("/staff/lending/statistics", "借出统计");
        assertThat(page("/staff/reports", DD, "zh")).doesNotContain("/staff/lending/statistics");
        mvc.perform(get("/staff/lending/statistics").param("year", "abc").with(ILL)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/lending/statistics").param("year", "1800").with(ILL)).andExpect(status().isBadRequest());
    }
}
