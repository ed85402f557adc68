package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one-stop check and the holdings step with a live catalogue configured (an SRU responder this test starts):
 * a catalogue hit is answered with its call number; a catalogue that answers with a diagnostic falls back to the
 * imported holdings and says so.
 */
@IllflowTest
class CatalogueLookupTest {

    private static final String HIT = """
            <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><version>1.2</version>
              <numberOfRecords>1</numberOfRecords><records><record><recordSchema>marcxml</recordSchema>
              <recordData><record xmlns="http://www.loc.gov/MARC21/slim">
                <leader>00000cam a2200000 i 4500</leader><controlfield tag="001">live-1</controlfield>
                <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Live catalogue book</subfield></datafield>
                <datafield tag="852" ind1="8" ind2=" "><subfield code="b">总馆</subfield><subfield code="h">G250</subfield><subfield code="i">L58</subfield></datafield>
              </record></recordData></record></records></searchRetrieveResponse>""";
    private static final String DIAGNOSTIC = """
            <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><version>1.2</version>
              <diagnostics><diagnostic xmlns="http://www.loc.gov/zing/srw/diagnostic/">
              <uri>info:srw/diagnostic/1/1</uri><message>General system error</message></diagnostic></diagnostics>
            </searchRetrieveResponse>""";

    @Autowired SruSettings settings;
    @Autowired HoldingsLookup lookup;
    @Autowired MockMvc mvc;

    private HttpServer server;
    private volatile String answer = HIT;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sru", exchange -> {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        settings.setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/sru");
    }

    @AfterEach
    void stop() {
        settings.setBaseUrl("");
        server.stop(0);
    }

    private String check(String title, String isbn) throws Exception {
        return mvc.perform(post("/requests/new/book").param("check", "1").param("title", title).param("isbn", isbn)
                        .with(csrf()).with(user("2024110001").roles("PATRON")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCatalogueHitIsTheAnswerWithItsCallNumber() throws Exception {
        answer = HIT;
        String page = check("Live catalogue book", "978-7-5366-9293-0");
        assertThat(page).contains("id=\"check-holding\"").contains("G250/L58").contains("来自馆藏目录的实时查询")
                .doesNotContain("check-catalogue-down");
    }

    @Test
    void aCatalogueThatCannotAnswerFallsBackToTheImportedHoldingsAndSaysSo() throws Exception {
        answer = DIAGNOSTIC;
        // 三体 is in the demo's imported print holdings (ISBN 978-7-5366-9293-0)
        HoldingsLookup.Answer held = lookup.answer(org.illflow.citation.Citation.builder()
                .genre(org.illflow.citation.CitationGenre.BOOK).title("三体").isbn("978-7-5366-9293-0").build());
        assertThat(held.catalogueUnavailable()).isTrue();
        assertThat(held.holding()).hasValueSatisfying(h -> assertThat(h.matchedBy()).isEqualTo("ISBN"));

        String page = check("三体", "978-7-5366-9293-0");
        assertThat(page).contains("id=\"check-catalogue-down\"").contains("馆藏目录暂时无法查询")
                .contains("id=\"check-holding\"").doesNotContain("来自馆藏目录的实时查询");
    }
}
