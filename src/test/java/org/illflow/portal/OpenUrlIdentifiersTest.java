package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.report.ReportQuery;
import org.illflow.report.ReportResult;
import org.illflow.report.Reports;
import org.illflow.support.IllflowTest;
import org.illflow.support.PortalClient;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * OpenURL keeps everything a link gives: PMID, a chapter's ISBN, eISSN, and the database it came from (a report
 * dimension); a request by PMID or DOI alone can be sent; long links get illflow's own answer.
 */
@IllflowTest
class OpenUrlIdentifiersTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");

    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests deliveries;
    @Autowired Reports reports;
    @Autowired TestSupport support;

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(LI_MING)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private DocumentDeliveryRequest submitted(String location) {
        return deliveries.visibleTo(location.substring(location.lastIndexOf('/') + 1), "2024110001", false);
    }

    @Test
    void aPubMedLinkOutWithOnlyAPmidSaysWhatIsMissingAndCanBeSent() throws Exception {
        String landing = page("/openurl?sid=Entrez:PubMed&id=pmid:31452104");
        assertThat(landing).contains("id=\"identifier-only\"").contains("只有标识符（PMID 31452104）")
                .contains("缺少：题名、作者、期刊/书名、出版年、页码")
                .contains("value=\"31452104\"").contains("name=\"source\"").contains("value=\"Entrez:PubMed\"")
                .doesNotContain("请填写题名");
        String english = mvc.perform(get("/openurl?sid=Entrez:PubMed&id=pmid:31452104").with(LI_MING)
                        .cookie(new Cookie("illflow-lang", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("missing: title, authors, journal / book, year, pages");

        // the form as the page sent it: PMID and source, no title
        String location = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("genre", "ARTICLE").param("pmid", "31452104").param("source", "Entrez:PubMed")
                        .param("subjectArea", "STM").param("language", "en"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        DocumentDeliveryRequest request = submitted(location);
        assertThat(request.getPmid()).isEqualTo("31452104");
        assertThat(request.getTitle()).isEqualTo("PMID 31452104");
        assertThat(request.getSourceDatabase()).isEqualTo("Entrez:PubMed");
        assertThat(page(location)).contains("PMID").contains("31452104").contains("Entrez:PubMed");

        // neither title nor identifier: the field error says what would do
        String nothing = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("genre", "ARTICLE").param("journal", "Carbon"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nothing).contains("请填写题名，或给出 DOI 或 PMID");
    }

    @Test
    void aDoiOnlyLinkIsSentWithTheDoiAndItsReferrer() throws Exception {
        String landing = page("/openurl?ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
                + "&rft_id=info:doi/10.1103/PhysRev.47.777&rfr_id=info:sid/example.com:database");
        assertThat(landing).contains("只有标识符（DOI 10.1103/PhysRev.47.777）").contains("value=\"example.com:database\"");

        String location = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("doi", "10.1103/PhysRev.47.777").param("source", "info:sid/example.com:database"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        DocumentDeliveryRequest request = submitted(location);
        assertThat(request.getTitle()).isEqualTo("DOI 10.1103/PhysRev.47.777");
        assertThat(request.getSourceDatabase()).isEqualTo("example.com:database");
    }

    @Test
    void aChaptersIsbnAndAnArticlesEissnAreShownKeptByCheckFirstAndStored() throws Exception {
        String chapter = page("/openurl?rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=bookitem"
                + "&rft.atitle=Introduction&rft.btitle=Programming+pearls&rft.isbn=978-0-201-65788-3"
                + "&rfr_id=info:sid/primo.exlibrisgroup.com-01NWU_ALMA");
        // the demo library holds Programming pearls (ISBN-10 0201657880 in its print holdings)
        assertThat(chapter).contains("id=\"article-form\"").contains("id=\"isbn\"").contains("id=\"check-holding\"")
                .contains("value=\"978-0-201-65788-3\"").contains("value=\"CHAPTER\" selected");

        // Check first on the same form keeps the ISBN, so the answer is the one given on arrival
        String checked = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf()).param("check", "1")
                        .param("genre", "CHAPTER").param("title", "Introduction").param("journal", "Programming pearls")
                        .param("isbn", "978-0-201-65788-3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(checked).contains("value=\"978-0-201-65788-3\"").contains("id=\"check-holding\"");

        String article = page("/openurl?rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.atitle=Stars+in+2020"
                + "&rft.jtitle=The+Astrophysical+Journal&rft.issn=0004-637X&rft.eissn=1538-4357&rft.date=2020");
        assertThat(article).contains("id=\"eissn\"").contains("value=\"1538-4357\"");
        String location = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                        .param("title", "Stars in 2020").param("journal", "The Astrophysical Journal")
                        .param("issn", "0004-637X").param("eissn", "1538-4357").param("year", "2020")
                        .param("isbn", "978-0-201-65788-3"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        DocumentDeliveryRequest request = submitted(location);
        assertThat(request.getEissn()).isEqualTo("1538-4357");
        assertThat(request.getIsbn()).isEqualTo("9780201657883");
        assertThat(request.getSourceDatabase()).isNull();
    }

    @Test
    void controlCharactersAreDroppedFromWhatTheFormShows() throws Exception {
        // a URI, so MockMvc sends the escapes as they are instead of encoding the % again
        String landing = mvc.perform(get(URI.create("/openurl?rft.genre=article&rft.atitle=Graphene%0Aoxide%00%1B+films"
                        + "&rft.jtitle=Carbon&sid=CNKI%07:CJFD")).with(LI_MING))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(landing).contains("value=\"Graphene oxide films\"").contains("value=\"CNKI:CJFD\"")
                .doesNotContain("\u0000").doesNotContain("\u001B").doesNotContain("\u0007");
    }

    @Test
    void theSourceDatabaseIsAReportDimension() throws Exception {
        String source = "Test:Source" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf()).param("title", "Counted " + i)
                    .param("journal", "Carbon").param("source", source)).andExpect(status().is3xxRedirection());
        }
        // a book from the same database (Primo sends books): the loan request keeps the source too
        assertThat(page("/openurl?rft.genre=book&rft.title=Sparta&rft.isbn=0715630407&rfr_id=info:sid/" + source))
                .contains("value=\"" + source + "\"");
        mvc.perform(post("/requests/new/book").with(LI_MING).with(csrf()).param("title", "Sparta " + source)
                        .param("isbn", "0715630407").param("year", "2000").param("subjectArea", "HSS")
                        .param("language", "en").param("source", source))
                .andExpect(status().is3xxRedirection());
        LocalDate today = LocalDate.now();
        ReportResult result = reports.run(ReportQuery.of(List.of("source", "service"), today.minusYears(1),
                today.plusDays(1), null));
        assertThat(result.rows()).filteredOn(r -> source.equals(r.keys().get(0)))
                .extracting(r -> r.keys().get(1) + "=" + r.requests()).containsExactly("DD=2", "ILL=1");

        String free = mvc.perform(get("/staff/reports/free").param("dims", "source")
                        .with(user("ddstaff").roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(free).contains("数据库来源").contains(source);
    }

    @Test
    void aLongLinkIsReadAndAnOverLongOneGetsIllflowsOwnMessageFromTheRealServer() {
        PortalClient client = support.client();
        client.login("2024110001", "reader2026");

        // an abstract-laden link of 12 KB: over Tomcat's old 8 KB, read as usual
        HttpResponse<String> longLink = client.get("/openurl?rft.genre=article&rft.jtitle=Carbon&rft.atitle="
                + "graphene+".repeat(1_500));
        assertThat(longLink.statusCode()).isEqualTo(200);
        assertThat(longLink.body()).contains("id=\"article-form\"");

        // 20 KB: past illflow's 16 KB but within the server's limit, so the answer is illflow's page
        HttpResponse<String> overLong = client.get("/openurl?rft.atitle=" + "a".repeat(20_000));
        assertThat(overLong.statusCode()).isEqualTo(414);
        assertThat(overLong.body()).contains("链接过长");
    }
}
