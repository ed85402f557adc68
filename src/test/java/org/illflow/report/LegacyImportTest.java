package org.illflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The legacy CSV import: all or nothing, problems by line. Its history is dated 2004–2006 (no other test's). */
@IllflowTest
class LegacyImportTest {

    static final String HEADER = String.join(",", LegacyImport.COLUMNS) + "\n";
    static final String GOOD = HEADER
            + "LEG-0001,DD,2004-03-01,2004-03-04,FILLED,FACULTY,物理学院,T001,NSTL,Journal of Catalysis Research,2434-561X,\"Biomass, catalytic\",2003,12.50,\n"
            + "LEG-0002,ILL,2005-12-30 16:00,2006-01-09 16:00,FILLED,PHD_STUDENT,化学学院,D002,NLC,,,三体,2008,30.00,2.50\n"
            + "LEG-0003,DD,2006-07-01,,UNFILLED,MASTER_STUDENT,化学学院,M003,CALIS,计算机学报,,算法,2005,,\n"
            + "\n"
            + "LEG-0004,DD,2006-08-01,,cancelled,,,,,,,,,,\n";

    @Autowired
    LegacyImport legacyImport;
    @Autowired
    Reports reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.illflow.archive.DocumentArchive archive;

    @BeforeEach
    void clean() {
        jdbc.update("delete from legacy_request where request_number like 'LEG-%'");
        jdbc.update("delete from archived_citation where request_number like 'LEG-%'");
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from legacy_request where request_number like 'LEG-%'", Integer.class);
    }

    @Test
    void aGoodFileIsStoredAndCounted() {
        LegacyImport.Result result = legacyImport.importCsv("history.csv", GOOD.getBytes(StandardCharsets.UTF_8));

        assertThat(result.problems()).isEmpty();
        assertThat(result.imported()).isEqualTo(4);
        ReportResult byYear = reports.run(ReportQuery.of(List.of("year", "service"), LocalDate.of(2004, 1, 1),
                LocalDate.of(2006, 12, 31), null));
        assertThat(byYear.rows()).extracting(r -> r.keys().get(0) + "/" + r.keys().get(1) + "=" + r.requests())
                .containsExactly("2004/DD=1", "2004/ILL=0", "2005/DD=0", "2005/ILL=1", "2006/DD=2", "2006/ILL=0");
        assertThat(byYear.total().libraryCost()).isEqualByComparingTo("42.50");
        assertThat(byYear.total().overdueFees()).isEqualByComparingTo("2.50");
        // 3 days and 10 days
        assertThat(byYear.total().medianDays()).isEqualTo(6.5);
        assertThat(byYear.total().fillRate()).isEqualByComparingTo("66.7");

        // the delivered article joins the archive's duplicate index (no file): typed differently, it is found
        var sameArticle = org.illflow.citation.Citation.builder().genre(org.illflow.citation.CitationGenre.ARTICLE)
                .title("BIOMASS – catalytic").journal("journal of catalysis research").issn("2434561x").year(2003)
                .build();
        assertThat(archive.findPriorDelivery(sameArticle)).hasValueSatisfying(prior -> {
            assertThat(prior.requestNumber()).isEqualTo("LEG-0001");
            assertThat(prior.supplierCode()).isEqualTo("NSTL");
            assertThat(prior.source()).isEqualTo("history.csv");
        });
        assertThat(archive.findDuplicate(sameArticle)).as("never delivered as a file").isEmpty();
        var unfilled = org.illflow.citation.Citation.builder().genre(org.illflow.citation.CitationGenre.ARTICLE)
                .title("算法").journal("计算机学报").year(2005).build();
        assertThat(archive.findPriorDelivery(unfilled)).isEmpty();
    }

    @Test
    void oneBadRowStoresNothingAndNamesItsLine() {
        String file = GOOD + "LEG-0005,DD,2006-13-01,,FILLED,FACULTY,物理学院,T001,NSTL,,1234-5678,x,,abc,\n";

        LegacyImport.Result result = legacyImport.importCsv("bad.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(result.stored()).isFalse();
        assertThat(result.problems()).extracting(LegacyImport.Problem::line).containsOnly(7);
        assertThat(result.problems()).extracting(LegacyImport.Problem::key).containsExactlyInAnyOrder(
                "report.import.error.date", "report.import.error.issn", "report.import.error.money");
        assertThat(stored()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from archived_citation where request_number like 'LEG-%'",
                Integer.class)).isZero();
    }

    @Test
    void wrongColumnsGbkAndDuplicatesAreRefused() {
        LegacyImport.Result columns = legacyImport.importCsv("x.csv",
                "number,service,submitted\nLEG-1,DD,2004-01-01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(columns.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("report.import.error.columns");
            assertThat(p.arguments().get(1)).isEqualTo("number");
        });

        LegacyImport.Result gbk = legacyImport.importCsv("gbk.csv", GOOD.getBytes(Charset.forName("GBK")));
        assertThat(gbk.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("report.import.error.encoding");
            assertThat(p.line()).isEqualTo(2);
        });

        LegacyImport.Result twice = legacyImport.importCsv("twice.csv",
                (GOOD + "LEG-0002,DD,2006-01-01,,UNFILLED,,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(twice.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("report.import.error.duplicateInFile");
            assertThat(p.line()).isEqualTo(7);
        });
        assertThat(stored()).isZero();

        assertThat(legacyImport.importCsv("history.csv", GOOD.getBytes(StandardCharsets.UTF_8)).imported()).isEqualTo(4);
        LegacyImport.Result again = legacyImport.importCsv("history.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(again.problems()).hasSize(4)
                .allSatisfy(p -> assertThat(p.key()).isEqualTo("report.import.error.duplicateExisting"));
        assertThat(stored()).isEqualTo(4);
    }

    @Test
    void theAdminPageImportsAndExplains() throws Exception {
        MockMultipartFile gbk = new MockMultipartFile("file", "gbk.csv", "text/csv", GOOD.getBytes(Charset.forName("GBK")));
        String page = mvc.perform(multipart("/admin/reports/import").file(gbk).param("lang", "en").with(csrf())
                        .with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("nothing was imported", "Line 2", "not UTF-8");
        assertThat(stored()).isZero();

        MockMultipartFile good = new MockMultipartFile("file", "history.csv", "text/csv", GOOD.getBytes(StandardCharsets.UTF_8));
        String done = mvc.perform(multipart("/admin/reports/import").file(good).with(csrf())
                        .with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).contains("已从 history.csv 导入 4 条历史申请");

        mvc.perform(multipart("/admin/reports/import").file(good).with(csrf()).with(user("ddstaff").roles("STAFF")))
                .andExpect(status().isForbidden());
    }
}
