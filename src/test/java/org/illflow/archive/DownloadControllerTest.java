package org.illflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/** GET /downloads/{token}: the PDF for its patron and staff, not found for anyone else, gone once expired. */
@IllflowTest
@ExtendWith(OutputCaptureExtension.class)
class DownloadControllerTest {

    private static final String PATRON = "2024110001";
    private static final String REQUEST = "DD-2026-400001";

    @Autowired MockMvc mvc;
    @Autowired DocumentArchive archive;
    @Autowired DownloadLinks links;
    @Autowired TestSupport support;

    private byte[] pdf;
    private Instant issued;
    private String token;

    @BeforeEach
    void issueALink() {
        issued = Instant.now();
        ClockUtil.setCurrentTime(Date.from(issued));
        pdf = Pdfs.pdf(2);
        Citation citation = Citation.builder().genre(CitationGenre.ARTICLE).title("Downloading full texts")
                .journal("Interlending & Document Supply").year(2025).build();
        long id = archive.store(pdf, ArchiveEntry.of(citation, "NSTL", new BigDecimal("20.00"), REQUEST)).id();
        token = links.issue(id, REQUEST, PATRON);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thePatronDownloadsThePdfAsAnAttachmentThatIsNotCached(CapturedOutput output) throws Exception {
        mvc.perform(get("/downloads/" + token).with(user(PATRON).roles("PATRON")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + REQUEST + ".pdf\""))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Cache-Control", "private, no-store"))
                .andExpect(header().longValue("Content-Length", pdf.length));
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void staffDownloadToo() throws Exception {
        mvc.perform(get("/downloads/" + token).with(user("ddstaff").roles("STAFF", "DD_STAFF")))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        mvc.perform(get("/downloads/" + token).with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
    }

    @Test
    void anotherPatronGetsTheSameNotFoundPageAsForAnUnknownToken(CapturedOutput output) throws Exception {
        String someoneElses = mvc.perform(get("/downloads/" + token).with(user("2024110002").roles("PATRON"))
                        .cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/downloads/" + "A".repeat(43)).with(user("2024110002").roles("PATRON"))
                        .cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        // the same page but for the session's CSRF token in the logout form
        assertThat(withoutCsrf(someoneElses)).isEqualTo(withoutCsrf(unknown)).contains("The page or record you asked for does not exist.")
                .doesNotContain(REQUEST);
        assertThat(output.getAll()).doesNotContain(token);
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void anUnknownTokenIsNotFound() throws Exception {
        String page = mvc.perform(get("/downloads/not-a-token").with(user(PATRON).roles("PATRON")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("找不到您要的页面或记录");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/downloads/" + token))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPatronFollowingTheMailedLinkLogsInAndComesBackToTheDownload() {
        PortalClient browser = support.client();
        var first = browser.get("/downloads/" + token);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        String back = browser.login(PATRON, "reader2026");
        assertThat(back).contains("/downloads/" + token);
        var download = browser.get(back.substring(back.indexOf("/downloads/")));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + REQUEST + ".pdf\"");
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        ClockUtil.setCurrentTime(Date.from(issued.plus(Duration.ofDays(29))));
        mvc.perform(get("/downloads/" + token).with(user(PATRON).roles("PATRON"))).andExpect(status().isOk());

        ClockUtil.setCurrentTime(Date.from(issued.plus(Duration.ofDays(30)).plusSeconds(1)));
        String page = mvc.perform(get("/downloads/" + token).with(user(PATRON).roles("PATRON")))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("下载链接已过期").doesNotContain(REQUEST);
        String english = mvc.perform(get("/downloads/" + token).with(user(PATRON).roles("PATRON"))
                        .cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("This full-text download link has expired.");
        // another patron learns nothing, expired or not
        mvc.perform(get("/downloads/" + token).with(user("2024110002").roles("PATRON")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFileNameIsTheRequestNumberKeptPlain() {
        assertThat(DownloadController.fileName("DD-2026-000123")).isEqualTo("DD-2026-000123.pdf");
        assertThat(DownloadController.fileName("DD\"2026\r\n/x")).isEqualTo("DD_2026___x.pdf");
    }
}
