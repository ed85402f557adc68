package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Holdings imports a librarian can trust: next month's KBART list of a package replaces this month's (a dropped
 * title is no longer held), the same MARC records from two files are one holding, and the report says so.
 * Its ISSNs (2049-3630, 1476-4679) and records (rp-*) are used by no other test.
 */
@IllflowTest
class HoldingsReplacementTest {

    private static final String HEADER = "publication_title\tprint_identifier\tonline_identifier\t"
            + "date_first_issue_online\tnum_first_vol_online\tnum_first_issue_online\tdate_last_issue_online\t"
            + "num_last_vol_online\tnum_last_issue_online\ttitle_url\tfirst_author\ttitle_id\tembargo_info\t"
            + "coverage_depth\tnotes\tpublisher_name\n";
    private static final String KEPT = "Replacement Kept Journal\t2049-3630\t\t1997\t\t\t\t\t\thttps://e.example.edu/k\t\tk\t"
            + "P1Y\tfulltext\t\tPress\n";
    private static final String KEPT_EARLY = "Replacement Kept Journal\t2049-3630\t\t1980\t\t\t1989\t\t\t"
            + "https://e.example.edu/k\t\tk\t\tfulltext\t\tPress\n";
    private static final String DROPPED = "Replacement Cancelled Journal\t1476-4679\t\t2000\t\t\t\t\t\t"
            + "https://e.example.edu/c\t\tc\t\tfulltext\t\tPress\n";
    private static final MarcFactory MARC = MarcFactory.newInstance();

    @Autowired HoldingsImport holdingsImport;
    @Autowired HoldingsLookup lookup;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void clean() {
        jdbc.update("delete from ejournal_holding where source like 'ReplTest%'");
        jdbc.update("delete from print_holding_identifier where holding_id in "
                + "(select id from print_holding where record_id like 'rp-%')");
        jdbc.update("delete from print_holding where record_id like 'rp-%'");
    }

    private static byte[] kbart(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private static Citation article(String issn, int year) {
        return Citation.builder().genre(CitationGenre.ARTICLE).title("Anything").issn(issn).year(year).build();
    }

    @Test
    void nextMonthsListReplacesThisMonthsAndADroppedTitleIsNoLongerHeld() {
        HoldingsImport.Result march = holdingsImport.importKbart("ReplTest_Physics_2026-03-01.txt",
                kbart(KEPT + KEPT_EARLY + DROPPED));
        assertThat(march.titles()).isEqualTo(2);
        assertThat(march.imported()).as("coverage periods").isEqualTo(3);
        assertThat(march.embargoes()).isEqualTo(1);
        assertThat(march.replaced()).isEmpty();
        assertThat(lookup.find(article("1476-4679", 2010))).isPresent();

        HoldingsImport.Result april = holdingsImport.importKbart("ReplTest_Physics_2026-04-01.txt", kbart(KEPT));

        assertThat(april.replaced()).containsExactly(java.util.Map.entry("ReplTest_Physics_2026-03-01.txt", 3));
        assertThat(april.dropped()).containsExactly("Replacement Cancelled Journal");
        assertThat(april.droppedCount()).isEqualTo(1);
        assertThat(lookup.find(article("1476-4679", 2010))).as("cancelled: no longer held").isEmpty();
        assertThat(lookup.find(article("2049-3630", 2010))).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from ejournal_holding where source like 'ReplTest%'",
                Integer.class)).isEqualTo(1);

        // another package of the same provider is left alone; an older list than the loaded one is refused
        holdingsImport.importKbart("ReplTest_Chemistry_2026-02-01.txt", kbart(DROPPED));
        assertThat(lookup.find(article("1476-4679", 2010))).isPresent();
        assertThatThrownBy(() -> holdingsImport.importKbart("ReplTest_Physics_2026-03-01.txt", kbart(DROPPED)))
                .isInstanceOf(HoldingsImport.OlderListException.class)
                .hasMessageContaining("ReplTest_Physics_2026-04-01.txt");
    }

    @Test
    void theOneStopAnswerForAnEJournalShowsItsYearsAndEmbargo() throws Exception {
        holdingsImport.importKbart("ReplTest_Physics_2026-05-01.txt", kbart(KEPT + KEPT_EARLY));

        Holding held = lookup.find(article("2049-3630", 2010)).orElseThrow();
        assertThat(held.coverage().firstYear()).isEqualTo(1997);
        assertThat(held.coverage().current()).isTrue();
        assertThat(held.coverage().embargoCode()).isEqualTo("P1Y");

        String page = mvc.perform(multipart("/requests/new/article").param("check", "1")
                        .param("title", "Anything").param("issn", "2049-3630").param("year", "2010").with(csrf())
                        .with(user("2024110001").roles("PATRON")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本馆电子版覆盖 1997 年至今").contains("禁阅期：最近 1 年内的内容暂不可访问 (P1Y)");
        String english = mvc.perform(multipart("/requests/new/article").param("check", "1")
                        .param("title", "Anything").param("issn", "2049-3630").param("year", "1985").with(csrf())
                        .with(user("2024110001").roles("PATRON")).cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("online access covers 1980–1989.");
    }

    private static Record book(String id, String title, String callNumberClass, String bookNumber) {
        Record r = MARC.newRecord("00000cam a2200000 i 4500");
        r.addVariableField(MARC.newControlField("001", id));
        DataField isbn = MARC.newDataField("020", ' ', ' ');
        isbn.addSubfield(MARC.newSubfield('a', "9787108041531"));
        r.addVariableField(isbn);
        DataField f245 = MARC.newDataField("245", '1', '0');
        f245.addSubfield(MARC.newSubfield('a', title));
        r.addVariableField(f245);
        DataField f852 = MARC.newDataField("852", '8', ' ');
        f852.addSubfield(MARC.newSubfield('b', "总馆"));
        f852.addSubfield(MARC.newSubfield('h', callNumberClass));
        f852.addSubfield(MARC.newSubfield('i', bookNumber));
        r.addVariableField(f852);
        return r;
    }

    @Test
    void theSameMarcRecordsImportedTwiceAreNotDuplicated() throws Exception {
        Record one = book("rp-1", "图书馆学基础", "G250", "W72");
        Record two = book("rp-2", "文献计量学", "G250.252", "Q59");
        ByteArrayOutputStream mrc = new ByteArrayOutputStream();
        MarcStreamWriter iso = new MarcStreamWriter(mrc, "UTF-8");
        iso.write(one);
        iso.write(two);
        iso.close();
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(xml, "UTF-8", true);
        writer.write(one);
        writer.write(two);
        writer.close();

        HoldingsImport.Result first = holdingsImport.importMarc("ReplTest-export.mrc", mrc.toByteArray());
        assertThat(first.imported()).isEqualTo(2);
        String page = mvc.perform(multipart("/admin/holdings").file(new MockMultipartFile("file", "ReplTest-export.xml",
                                "application/xml", xml.toByteArray())).param("format", "MARC").with(csrf())
                        .with(user("admin").roles("ADMIN", "STAFF")).cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(jdbc.queryForObject("select count(*) from print_holding where record_id like 'rp-%'",
                Integer.class)).isEqualTo(2);
        assertThat(page).contains("Imported from ReplTest-export.xml: 2 records, 2 holdings")
                .contains("The same records already imported from ReplTest-export.mrc were replaced (2 holdings)");
        assertThat(lookup.find(Citation.builder().genre(CitationGenre.BOOK).title("文献计量学").build()))
                .hasValueSatisfying(h -> assertThat(h.callNumber()).isEqualTo("G250.252/Q59"));
    }

    @Test
    void theReportSaysOneRecordAndOneTitleInTheSingular() throws Exception {
        ByteArrayOutputStream mrc = new ByteArrayOutputStream();
        MarcStreamWriter iso = new MarcStreamWriter(mrc, "UTF-8");
        iso.write(book("rp-3", "目录学概论", "G257", "L55"));
        iso.close();
        String marc = mvc.perform(multipart("/admin/holdings").file(new MockMultipartFile("file", "ReplTest-one.mrc",
                                "application/marc", mrc.toByteArray())).param("format", "MARC").with(csrf())
                        .with(user("admin").roles("ADMIN", "STAFF")).cookie(new Cookie("illflow-lang", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(marc).contains("1 record, 1 holding (copies / locations)").doesNotContain("1 records");

        String kbartPage = mvc.perform(multipart("/admin/holdings").file(new MockMultipartFile("file",
                                "ReplTest_One_2026-01-01.txt", "text/plain", kbart(KEPT))).param("format", "KBART")
                        .with(csrf()).with(user("admin").roles("ADMIN", "STAFF")).cookie(new Cookie("illflow-lang", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(kbartPage).contains("1 title, 1 coverage period, 1 with an embargo");
        String chinese = mvc.perform(multipart("/admin/holdings").file(new MockMultipartFile("file",
                                "ReplTest_One_2026-02-01.txt", "text/plain", kbart(DROPPED))).param("format", "KBART")
                        .with(csrf()).with(user("admin").roles("ADMIN", "STAFF")))
                .andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("已从 ReplTest_One_2026-02-01.txt 导入：1 种刊，1 个覆盖时段，其中 0 个有禁阅期")
                .contains("替换了同一数据包的旧列表 ReplTest_One_2026-01-01.txt（1 个覆盖时段）")
                .contains("新列表中不再有 1 种刊").contains("Replacement Kept Journal");
    }
}
