package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live catalogue lookup against an SRU responder this test starts (JDK HttpServer), answering with
 * real-shaped SRU 1.2 / 2.0 responses: a hit with MARCXML holdings, a miss, a diagnostic, a catalogue too slow to
 * answer, and a response that tries an external entity.
 */
class SruCatalogTest {

    private static final String SRU12_HIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/">
              <version>1.2</version>
              <numberOfRecords>1</numberOfRecords>
              <records>
                <record>
                  <recordSchema>marcxml</recordSchema>
                  <recordPacking>xml</recordPacking>
                  <recordData>
                    <record xmlns="http://www.loc.gov/MARC21/slim">
                      <leader>00000cam a2200000 i 4500</leader>
                      <controlfield tag="001">sru-0001</controlfield>
                      <datafield tag="020" ind1=" " ind2=" "><subfield code="a">9787108041531</subfield></datafield>
                      <datafield tag="245" ind1="1" ind2="0"><subfield code="a">乡土中国 /</subfield><subfield code="c">费孝通著.</subfield></datafield>
                      <datafield tag="852" ind1="8" ind2=" "><subfield code="b">总馆</subfield><subfield code="c">三楼 社科书库</subfield><subfield code="h">C912.82</subfield><subfield code="i">F31</subfield></datafield>
                    </record>
                  </recordData>
                  <recordPosition>1</recordPosition>
                </record>
              </records>
            </searchRetrieveResponse>
            """;
    private static final String SRU20_STRING_HIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sruResponse:searchRetrieveResponse xmlns:sruResponse="http://docs.oasis-open.org/ns/search-ws/sruResponse">
              <sruResponse:numberOfRecords>1</sruResponse:numberOfRecords>
              <sruResponse:records><sruResponse:record>
                <sruResponse:recordSchema>marcxml</sruResponse:recordSchema>
                <sruResponse:recordXMLEscaping>string</sruResponse:recordXMLEscaping>
                <sruResponse:recordData>&lt;record xmlns="http://www.loc.gov/MARC21/slim"&gt;&lt;leader&gt;00000cas a2200000 a 4500&lt;/leader&gt;&lt;datafield tag="022" ind1=" " ind2=" "&gt;&lt;subfield code="a"&gt;0023-2653&lt;/subfield&gt;&lt;/datafield&gt;&lt;datafield tag="245" ind1="0" ind2="0"&gt;&lt;subfield code="a"&gt;Library quarterly&lt;/subfield&gt;&lt;/datafield&gt;&lt;datafield tag="852" ind1="0" ind2=" "&gt;&lt;subfield code="b"&gt;Periodicals&lt;/subfield&gt;&lt;subfield code="h"&gt;Z671&lt;/subfield&gt;&lt;subfield code="i"&gt;.L7&lt;/subfield&gt;&lt;/datafield&gt;&lt;/record&gt;</sruResponse:recordData>
              </sruResponse:record></sruResponse:records>
            </sruResponse:searchRetrieveResponse>
            """;
    private static final String MISS = """
            <?xml version="1.0"?>
            <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><version>1.2</version>
              <numberOfRecords>0</numberOfRecords></searchRetrieveResponse>
            """;
    private static final String DIAGNOSTIC = """
            <?xml version="1.0"?>
            <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><version>1.2</version>
              <numberOfRecords>0</numberOfRecords>
              <diagnostics><diagnostic xmlns="http://www.loc.gov/zing/srw/diagnostic/">
                <uri>info:srw/diagnostic/1/16</uri><details>bath.isbn</details><message>Unsupported index</message>
              </diagnostic></diagnostics>
            </searchRetrieveResponse>
            """;
    private static final String ENTITY = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/"><numberOfRecords>&e;</numberOfRecords></searchRetrieveResponse>
            """;

    private HttpServer server;
    private final List<String> queries = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String answer = MISS;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sru", this::respond);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void respond(HttpExchange exchange) throws IOException {
        queries.add(exchange.getRequestURI().getRawQuery());
        if (answer == null) {
            // the catalogue hangs: held until the test ends, long after the client gave up
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer = MISS;
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // generous for answers (the suite shares two cores with other work); short where the catalogue hangs
    private SruCatalog catalog(String version) {
        return catalog(version, Duration.ofSeconds(20));
    }

    private SruCatalog catalog(String version, Duration timeout) {
        SruSettings settings = new SruSettings();
        settings.setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/sru");
        settings.setVersion(version);
        settings.setTimeout(timeout);
        return new SruCatalog(settings);
    }

    private static Citation book(String isbn) {
        return Citation.builder().genre(CitationGenre.BOOK).title("乡土中国").isbn(isbn).build();
    }

    @Test
    void aHitGivesTheCatalogueHoldingWithItsCallNumber() {
        answer = SRU12_HIT;

        SruCatalog.Answer found = catalog("1.2").lookup(book("978-7-108-04153-1"));

        assertThat(found.status()).isEqualTo(SruCatalog.Answer.Status.HIT);
        assertThat(found.holdings()).singleElement().satisfies(h -> {
            assertThat(h.title()).isEqualTo("乡土中国");
            assertThat(h.callNumber()).isEqualTo("C912.82/F31");
            assertThat(h.location()).isEqualTo("总馆 三楼 社科书库");
        });
        assertThat(queries).singleElement().satisfies(q -> assertThat(q)
                .contains("operation=searchRetrieve", "version=1.2", "query=bath.isbn%3D9787108041531",
                        "recordSchema=marcxml", "recordPacking=xml"));
    }

    @Test
    void sru20WithEscapedRecordsAndAnIssnSearch() {
        answer = SRU20_STRING_HIT;

        SruCatalog.Answer found = catalog("2.0").lookup(Citation.builder().genre(CitationGenre.ARTICLE)
                .title("Some article").journal("Library quarterly").issn("0023-2653").year(2001).build());

        assertThat(found.status()).isEqualTo(SruCatalog.Answer.Status.HIT);
        assertThat(found.holdings()).singleElement().satisfies(h -> assertThat(h.callNumber()).isEqualTo("Z671 .L7"));
        assertThat(queries).singleElement().satisfies(q -> assertThat(q)
                .doesNotContain("operation=").contains("version=2.0", "query=bath.issn%3D0023-2653",
                        "recordXMLEscaping=xml"));
    }

    @Test
    void aMissATitleSearchAndNoConfiguration() {
        answer = MISS;
        SruCatalog.Answer missed = catalog("1.2").lookup(Citation.builder().genre(CitationGenre.BOOK)
                .title("A \"quoted\" title").build());
        assertThat(missed.status()).isEqualTo(SruCatalog.Answer.Status.MISS);
        assertThat(queries).singleElement().satisfies(q -> assertThat(q)
                .contains("query=dc.title%3D%22A%20%5C%22quoted%5C%22%20title%22"));

        assertThat(new SruCatalog(new SruSettings()).lookup(book("978-7-108-04153-1")).status())
                .isEqualTo(SruCatalog.Answer.Status.OFF);
    }

    @Test
    void aDiagnosticMeansTheCatalogueCannotAnswerSoImportedHoldingsAreUsed() {
        answer = DIAGNOSTIC;

        SruCatalog.Answer answered = catalog("1.2").lookup(book("978-7-108-04153-1"));

        assertThat(answered.status()).isEqualTo(SruCatalog.Answer.Status.UNAVAILABLE);
        assertThat(answered.detail()).contains("info:srw/diagnostic/1/16", "Unsupported index", "bath.isbn");
    }

    @Test
    void aCatalogueThatDoesNotAnswerInTimeIsUnavailable() {
        answer = null;

        SruCatalog.Answer answered = catalog("1.2", Duration.ofMillis(500)).lookup(book("978-7-108-04153-1"));

        assertThat(answered.status()).isEqualTo(SruCatalog.Answer.Status.UNAVAILABLE);
        assertThat(answered.detail()).contains("no answer within 500 ms");
    }

    @Test
    void aResponseWithAnExternalEntityIsRefusedNotRead() {
        answer = ENTITY;

        SruCatalog.Answer answered = catalog("1.2").lookup(book("978-7-108-04153-1"));

        assertThat(answered.status()).isEqualTo(SruCatalog.Answer.Status.UNAVAILABLE);
        assertThat(answered.detail()).contains("unreadable response").doesNotContain("root:");
    }
}
