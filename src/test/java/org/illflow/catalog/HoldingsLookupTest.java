package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Holdings check against the demo library's KBART and MARC files (imported on start with the demo data). */
@IllflowTest
class HoldingsLookupTest {

    @Autowired HoldingsLookup lookup;
    @Autowired HoldingsImport holdingsImport;

    @BeforeEach
    void fixToday() {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 25).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static Citation article(String journal, String issn, Integer year) {
        return Citation.builder().genre(CitationGenre.ARTICLE).title("Some article").journal(journal).issn(issn)
                .year(year).build();
    }

    @Test
    void anArticleInASubscribedJournalIsHeldWithItsLink() {
        assertThat(lookup.find(article("Nature", "0028-0836", 2020))).hasValueSatisfying(h -> {
            assertThat(h.kind()).isEqualTo(Holding.Kind.E_JOURNAL);
            assertThat(h.url()).startsWith("https://ejournals.example.edu/");
            assertThat(h.matchedBy()).isEqualTo("ISSN");
        });
        // the online ISSN works as well, typed without hyphen
        assertThat(lookup.find(Citation.builder().genre(CitationGenre.ARTICLE).title("x").eissn("14764687")
                .year(2001).build())).isPresent();
    }

    @Test
    void embargoAndCoverageEndAreApplied() {
        // Science: P1Y — everything but the current calendar year
        assertThat(lookup.find(article("Science", "0036-8075", 2026))).isEmpty();
        assertThat(lookup.find(article("Science", "0036-8075", 2025))).isPresent();
        // Library Hi Tech: coverage ended with 2015
        assertThat(lookup.find(article("Library Hi Tech", "0737-8831", 2015))).isPresent();
        assertThat(lookup.find(article("Library Hi Tech", "0737-8831", 2016))).isEmpty();
        // before the first issue online
        assertThat(lookup.find(article("Nature", "0028-0836", 1990))).isEmpty();
    }

    @Test
    void aJournalIsFoundByItsTitleWhenNoIssnIsGiven() {
        assertThat(lookup.find(article("计算机 学报", null, 2010))).hasValueSatisfying(h -> {
            assertThat(h.kind()).isEqualTo(Holding.Kind.E_JOURNAL);
            assertThat(h.matchedBy()).isEqualTo("TITLE");
        });
    }

    @Test
    void aPrintBookIsFoundByIsbn10Isbn13OrTitleWithCallNumberAndLocation() {
        Citation byIsbn10 = Citation.builder().genre(CitationGenre.BOOK).title("whatever").isbn("0-201-65788-0").build();
        assertThat(lookup.find(byIsbn10)).hasValueSatisfying(h -> {
            assertThat(h.kind()).isEqualTo(Holding.Kind.PRINT);
            assertThat(h.callNumber()).isEqualTo("QA76.6 .B453 2000");
            assertThat(h.location()).isEqualTo("Main Library 3F");
            assertThat(h.matchedBy()).isEqualTo("ISBN");
        });
        Citation byIsbn13 = Citation.builder().genre(CitationGenre.BOOK).title("x").isbn("978-7-5366-9293-0").build();
        assertThat(lookup.find(byIsbn13)).hasValueSatisfying(h -> assertThat(h.location()).contains("社科书库"));
        Citation byTitle = Citation.builder().genre(CitationGenre.BOOK).title("三体").build();
        assertThat(lookup.find(byTitle)).hasValueSatisfying(h -> assertThat(h.matchedBy()).isEqualTo("TITLE"));
        Citation notHeld = Citation.builder().genre(CitationGenre.BOOK).title("A book nobody has")
                .isbn("9780306406157").build();
        assertThat(lookup.find(notHeld)).isEmpty();
    }

    @Test
    void reImportingASourceReplacesItsRows() {
        String header = "publication_title\tprint_identifier\tonline_identifier\tdate_first_issue_online\t"
                + "num_first_vol_online\tnum_first_issue_online\tdate_last_issue_online\tnum_last_vol_online\t"
                + "num_last_issue_online\ttitle_url\tfirst_author\ttitle_id\tembargo_info\tcoverage_depth\t"
                + "coverage_notes\tpublisher_name\n";
        String row = "Journal of Test Studies\t0317-8471\t\t2000\t\t\t\t\t\thttps://ejournals.example.edu/jts\t\t"
                + "jts\t\tfulltext\t\tTest Press\n";
        byte[] file = (header + row).getBytes(StandardCharsets.UTF_8);

        assertThat(holdingsImport.importKbart("test-provider.txt", file).imported()).isEqualTo(1);
        assertThat(holdingsImport.importKbart("test-provider.txt", file).imported()).isEqualTo(1);
        assertThat(lookup.find(article("Journal of Test Studies", "0317-8471", 2010))).isPresent();

        byte[] empty = header.getBytes(StandardCharsets.UTF_8);
        holdingsImport.importKbart("test-provider.txt", empty);
        assertThat(lookup.find(article("Journal of Test Studies", "0317-8471", 2010))).isEmpty();
    }
}
