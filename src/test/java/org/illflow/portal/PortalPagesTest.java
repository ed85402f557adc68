package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.illflow.patron.PatronDirectory;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The portal's pages: OpenURL landings, field errors, other people's requests, profile, resources. */
@IllflowTest
class PortalPagesTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");
    static final RequestPostProcessor WANG_FANG = user("T2010003").roles("PATRON");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "STAFF");

    @Autowired MockMvc mvc;
    @Autowired PatronDirectory patrons;
    @Autowired TestSupport support;

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void openUrlShapesFromRealDatabasesLandOnTheRightPrefilledForm() throws Exception {
        // a link resolver's 1.0 article link (360 Link style)
        String article = page("/openurl?rft.atitle=global+warming&rft.jtitle=TCE&rft.au=Brent,+G&rft.date=2008-05-01"
                + "&rft.issn=0302-0797&rft.issue=803&rft.spage=56&rft.epage=56", LI_MING);
        assertThat(article).contains("id=\"article-form\"").contains("value=\"global warming\"")
                .contains("value=\"TCE\"").contains("value=\"0302-0797\"").contains("value=\"2008\"")
                .contains("id=\"one-stop-check\"");
        // DOI only
        String doi = page("/openurl?ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
                + "&rft_id=info:doi/10.1103/PhysRev.47.777&rfr_id=info:sid/example.com:database", LI_MING);
        assertThat(doi).contains("value=\"10.1103/PhysRev.47.777\"");
        // 0.1 article with ISSN, volume and start page
        String old = page("/openurl?genre=article&issn=13334395&date=2006&volume=5&issue=2&spage=165", LI_MING);
        assertThat(old).contains("id=\"article-form\"").contains("value=\"5\"");
        // EBSCO style: the journal title sent in rft.title
        String ebsco = page("/openurl?rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.genre=article"
                + "&rft.atitle=On+trees&rft.title=Forest+Science&rft.date=2019", LI_MING);
        assertThat(ebsco).contains("value=\"Forest Science\"").contains("value=\"On trees\"");
        // a book with ISBN goes to the book page (Primo / ILLiad style)
        String book = page("/openurl?rft.genre=book&rft.title=Property+and+wealth+in+classical+Sparta&rft.date=2000"
                + "&rft.isbn=0715630407&rft.pub=Duckworth&rft.place=London&rfe_dat=44786349", LI_MING);
        assertThat(book).contains("Property and wealth in classical Sparta").contains("0715630407")
                .doesNotContain("id=\"article-form\"");
    }

    @Test
    void malformedOpenUrlValuesBecomeFieldErrorsAndOverLongLinksAreRefused() throws Exception {
        String page = mvc.perform(get("/openurl?rft.genre=article&rft.atitle=X&rft.issn=1234-5678&rft.date=2999&x=y")
                        .with(LI_MING).cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This is not a valid ISSN").contains("value=\"1234-5678\"");

        String longLink = "/openurl?rft.atitle=" + "a".repeat(9000);
        String refused = mvc.perform(get(longLink).with(LI_MING)).andExpect(status().isUriTooLong())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("链接过长");
        mvc.perform(get("/openurl?rft.atitle=x")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void anArticleRequestIsValidatedInThePagesLanguageAndATitleWithMarkupIsShownAsText() throws Exception {
        String errors = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("title", "").param("doi", "nonsense").param("pages", "90-10").param("year", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(errors).contains("请填写题名").contains("DOI 无效").contains("页码无效").contains("出版年应为数字");

        String location = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("title", "<script>alert('x')</script> of graphene").param("journal", "Carbon")
                        .param("year", "2020").param("subjectArea", "STM").param("language", "en"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String detail = page(location, LI_MING);
        assertThat(detail).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; of graphene")
                .doesNotContain("<script>alert('x')</script>");
        String number = location.substring(location.lastIndexOf('/') + 1);
        assertThat(page("/requests", LI_MING)).contains(number);

        // someone else's request, and a forged number: the ordinary not-found page
        mvc.perform(get(location).with(WANG_FANG)).andExpect(status().isNotFound());
        mvc.perform(get("/requests/DD-2026-999999").with(LI_MING)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/cancel").with(WANG_FANG).with(csrf())).andExpect(status().isNotFound());
        assertThat(page("/requests", WANG_FANG)).doesNotContain(number);
        // forms need the CSRF token
        mvc.perform(post(location + "/cancel").with(LI_MING)).andExpect(status().isForbidden());
        mvc.perform(post(location + "/cancel").with(LI_MING).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(location, LI_MING)).contains("已取消");
    }

    @Test
    void theRequestPageSaysTheRequestIsSavedAndReloadsItselfUntilTheFirstChecksHaveRun() throws Exception {
        String location = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("title", "Phonon transport in layered crystals " + System.nanoTime())
                        .param("journal", "Journal of Layered Studies").param("year", "2020")
                        .param("subjectArea", "STM").param("language", "en"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String number = location.substring(location.lastIndexOf('/') + 1);
        String waiting = page(location, LI_MING);
        assertThat(waiting).contains("id=\"checking\"").contains("申请已保存")
                .contains("http-equiv=\"refresh\" content=\"3\"").contains("已提交");
        assertThat(page("/requests", LI_MING)).contains(number).contains("已提交");

        support.passSavePoint(number); // a moment later the job executor runs the checks: suppliers ranked
        String checked = page(location, LI_MING);
        assertThat(checked).doesNotContain("id=\"checking\"").doesNotContain("http-equiv=\"refresh\"")
                .contains("已提交");
        mvc.perform(post(location + "/cancel").with(LI_MING).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aBookRequestIsFollowedBesideArticlesAndCanBeCancelledButNotRenewedBeforeCheckOut() throws Exception {
        String invalid = mvc.perform(post("/requests/new/book").with(LI_MING).with(csrf()).param("title", "")
                        .param("isbn", "978-7-5366-9293-1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(invalid).contains("ISBN 无效");

        String location = mvc.perform(post("/requests/new/book").with(LI_MING).with(csrf())
                        .param("title", "Sparta and its neighbours " + System.nanoTime()).param("isbn", "0715630407")
                        .param("publisher", "Duckworth").param("year", "2000").param("subjectArea", "HSS")
                        .param("language", "en"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/requests/ILL-\\d{4}-\\d{6}");
        String number = location.substring(location.lastIndexOf('/') + 1);
        assertThat(page(location, LI_MING)).contains("已提交").contains("id=\"timeline\"")
                .doesNotContain("id=\"renew\"");
        assertThat(page("/requests", LI_MING)).contains(number);

        mvc.perform(get(location).with(WANG_FANG)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/renew").with(LI_MING).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/cancel").with(LI_MING).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(location, LI_MING)).contains("已取消");
    }

    @Test
    void aPatronChangesLanguageEmailAndPhoneOnTheProfile() throws Exception {
        mvc.perform(post("/profile").with(WANG_FANG).with(csrf()).param("email", "not-an-email")
                .param("phone", "x").param("language", "en")).andExpect(status().isOk());
        assertThat(patrons.byCardNumber("T2010003").orElseThrow().getLanguage()).isEqualTo("zh");
        mvc.perform(post("/profile").with(WANG_FANG).with(csrf()).param("email", "liming@stu.example.edu")
                .param("phone", "13800000003").param("language", "en")).andExpect(status().isOk());
        assertThat(patrons.byCardNumber("T2010003").orElseThrow().getEmail()).isEqualTo("wangfang@example.edu");

        mvc.perform(post("/profile").with(WANG_FANG).with(csrf()).param("email", "Wang.Fang@Example.edu")
                .param("phone", "13800000099").param("language", "en")).andExpect(status().is3xxRedirection());
        var patron = patrons.byCardNumber("T2010003").orElseThrow();
        assertThat(patron.getLanguage()).isEqualTo("en");
        assertThat(patron.getEmail()).isEqualTo("wang.fang@example.edu");
        mvc.perform(post("/profile").with(WANG_FANG).with(csrf()).param("email", "wangfang@example.edu")
                .param("phone", "13800000003").param("language", "zh")).andExpect(status().is3xxRedirection());
    }

    @Test
    void adminsEditTheSelfServiceListEveryoneReadsIt() throws Exception {
        assertThat(mvc.perform(get("/resources")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("读秀").contains("OALib");
        mvc.perform(post("/admin/resources/new").with(ADMIN).with(csrf()).param("nameZh", "测试资源")
                        .param("nameEn", "Test source").param("url", "javascript:alert(1)").param("descriptionZh", "说明")
                        .param("descriptionEn", "what for").param("position", "5"))
                .andExpect(status().isOk());
        assertThat(page("/resources", ADMIN)).doesNotContain("测试资源");
        mvc.perform(post("/admin/resources/new").with(ADMIN).with(csrf()).param("nameZh", "测试资源")
                        .param("nameEn", "Test source").param("url", "https://test.example.edu/").param("descriptionZh", "说明")
                        .param("descriptionEn", "what for").param("position", "5").param("active", "true")
                        .param("forArticles", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/resources", ADMIN)).contains("测试资源");
        String list = page("/admin/resources", ADMIN);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("/admin/resources/(\\d+)\">测试资源").matcher(list);
        assertThat(id.find()).isTrue();
        mvc.perform(post("/admin/resources/" + id.group(1) + "/delete").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/resources", ADMIN)).doesNotContain("测试资源");
        mvc.perform(post("/admin/resources/new").with(LI_MING).with(csrf()).param("nameZh", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/resources/99999").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void theApiIsDocumentedForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/docs/openapi")).andExpect(status().is3xxRedirection());
        String spec = page("/docs/openapi", LI_MING);
        assertThat(spec).contains("/api/dd-requests").contains("illflow patron API");
    }
}
