package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class KbartReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static final String PHASE2_HEADER = String.join("\t", "publication_title", "print_identifier",
            "online_identifier", "date_first_issue_online", "num_first_vol_online", "num_first_issue_online",
            "date_last_issue_online", "num_last_vol_online", "num_last_issue_online", "title_url", "first_author",
            "title_id", "embargo_info", "coverage_depth", "notes", "publisher_name", "publication_type",
            "date_monograph_published_print", "date_monograph_published_online", "monograph_volume",
            "monograph_edition", "first_editor", "parent_publication_title_id", "preceding_publication_title_id",
            "access_type");

    private static KbartImport readResource(String name) throws IOException {
        try (InputStream in = KbartReaderTest.class.getResourceAsStream("/catalog/" + name)) {
            assertThat(in).as(name).isNotNull();
            return KbartReader.read(in);
        }
    }

    private static Map<String, KbartTitle> byTitle(KbartImport result) {
        return result.titles().stream().collect(Collectors.toMap(KbartTitle::publicationTitle, Function.identity()));
    }

    @Test
    void phaseOneFileWithCoverageNotes() throws IOException {
        KbartImport result = readResource("kbart-phase1.txt");

        assertThat(result.problems()).isEmpty();
        assertThat(result.titles()).hasSize(3);
        Map<String, KbartTitle> titles = byTitle(result);

        KbartTitle jae = titles.get("Journal of Applied Examples");
        assertThat(jae.printIssn()).isEqualTo("1234-5679");
        assertThat(jae.onlineIssn()).isNull();
        assertThat(jae.dateFirstIssueOnline()).isEqualTo(LocalDate.of(1990, 3, 1));
        assertThat(jae.dateLastIssueOnline()).isEqualTo(LocalDate.of(2010, 6, 30));
        assertThat(jae.isCurrent()).isFalse();
        assertThat(jae.covers(1989, TODAY)).isFalse();
        assertThat(jae.covers(1990, TODAY)).isTrue();
        assertThat(jae.covers(2010, TODAY)).isTrue();
        assertThat(jae.covers(2011, TODAY)).isFalse();
        assertThat(jae.covers(LocalDate.of(2010, 7, 1), TODAY)).isFalse();
        assertThat(jae.covers(LocalDate.of(1990, 2, 28), TODAY)).isFalse();

        KbartTitle asd = titles.get("Annals of Sample Data");
        assertThat(asd.onlineIssn()).isEqualTo("0317-8471");
        assertThat(asd.notes()).as("Phase I coverage_notes read as notes").isEqualTo("Two-year embargo");
        assertThat(asd.embargo()).hasToString("P2Y");
        assertThat(asd.isCurrent()).isTrue();
        assertThat(asd.covers(2000, TODAY)).isFalse();
        assertThat(asd.covers(2001, TODAY)).isTrue();
        assertThat(asd.covers(2024, TODAY)).isTrue();
        assertThat(asd.covers(2025, TODAY)).as("embargo boundary year").isFalse();
        assertThat(asd.covers(2026, TODAY)).isFalse();
        assertThat(asd.publisherName()).isEqualTo("Sample Society");
        assertThat(asd.publicationType()).as("not a Phase I column").isNull();

        KbartTitle broken = titles.get("Bulletin of Broken Identifiers");
        assertThat(broken.printIssn()).as("invalid check digit dropped").isNull();
        assertThat(broken.issns()).isEmpty();
        assertThat(broken.coverageDepth()).isEqualTo("abstracts");
    }

    @Test
    void phaseTwoFileWithEmbargoesAndBadRows() throws IOException {
        KbartImport result = readResource("kbart-phase2-embargo.txt");

        assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(7, 9, 10, 11);
        assertThat(result.problems().get(0).message()).contains("date_first_issue_online").contains("19xx");
        assertThat(result.problems().get(1).message()).contains("P1W");
        assertThat(result.problems().get(2).message()).contains("publication_title");
        assertThat(result.problems().get(3).message()).contains("before");
        assertThat(result.titles()).hasSize(7);
        Map<String, KbartTitle> titles = byTitle(result);

        KbartTitle mwq = titles.get("Moving Wall Quarterly");
        assertThat(mwq.embargo()).hasToString("R5Y");
        assertThat(mwq.covers(2021, TODAY)).isFalse();
        assertThat(mwq.covers(2022, TODAY)).as("R5Y boundary year").isTrue();
        assertThat(mwq.covers(2026, TODAY)).isTrue();
        assertThat(mwq.covers(2027, TODAY)).as("future").isFalse();

        KbartTitle el = titles.get("Embargoed Letters");
        assertThat(el.onlineIssn()).isEqualTo("1357-2466");
        assertThat(el.covers(1999, TODAY)).isFalse();
        assertThat(el.covers(2000, TODAY)).isTrue();
        assertThat(el.covers(2025, TODAY)).isTrue();
        assertThat(el.covers(2026, TODAY)).as("P1Y hides the current year").isFalse();

        KbartTitle mer = titles.get("Month Embargo Review");
        assertThat(mer.embargo()).as("lower case tolerated").hasToString("P6M");
        assertThat(mer.covers(2026, TODAY)).isTrue();
        assertThat(mer.covers(LocalDate.of(2026, 5, 31), TODAY)).isTrue();
        assertThat(mer.covers(LocalDate.of(2026, 6, 1), TODAY)).isFalse();

        KbartTitle dj = titles.get("Days Journal");
        assertThat(dj.covers(2025, TODAY)).isFalse();
        assertThat(dj.covers(2026, TODAY)).isTrue();
        assertThat(dj.covers(TODAY.minusDays(180), TODAY)).isTrue();
        assertThat(dj.covers(TODAY.minusDays(181), TODAY)).isFalse();

        KbartTitle ces = titles.get("Combined Embargo Studies");
        assertThat(ces.covers(2016, TODAY)).isFalse();
        assertThat(ces.covers(2017, TODAY)).isTrue();
        assertThat(ces.covers(2025, TODAY)).isTrue();
        assertThat(ces.covers(2026, TODAY)).isFalse();

        KbartTitle ended = titles.get("Ended Review");
        assertThat(ended.dateLastIssueOnline()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(ended.covers(1994, TODAY)).isFalse();
        assertThat(ended.covers(1995, TODAY)).isTrue();
        assertThat(ended.covers(2015, TODAY)).isTrue();
        assertThat(ended.covers(2016, TODAY)).isFalse();

        KbartTitle open = titles.get("Open Example Journal");
        assertThat(open.accessType()).isEqualTo("F");
        assertThat(open.titleUrl()).isEqualTo("https://ejournals.example.edu/journals/oej");
        assertThat(open.titleId()).isEqualTo("oej");
        assertThat(open.publicationType()).isEqualTo("serial");
        assertThat(open.covers(2026, TODAY)).isTrue();
    }

    @Test
    void upperCaseHeadersCommaSeparatorAndQuotedFields() {
        String csv = "PUBLICATION_TITLE,PRINT_IDENTIFIER,ONLINE_IDENTIFIER,DATE_FIRST_ISSUE_ONLINE,"
                + "DATE_LAST_ISSUE_ONLINE,EMBARGO_INFO,NOTES,PUBLISHER_NAME\r\n"
                + "\"Letters, Notes and Queries\",2049-3630,,2003,,P1Y,\"said \"\"hello\"\"\",Example Press\r\n"
                + "Plain Journal,,1357-2466,2010-05,2020,,,\r\n"
                + "\r\n";

        KbartImport result = KbartReader.read(new StringReader(csv));

        assertThat(result.problems()).isEmpty();
        assertThat(result.titles()).hasSize(2);
        KbartTitle letters = result.titles().get(0);
        assertThat(letters.publicationTitle()).isEqualTo("Letters, Notes and Queries");
        assertThat(letters.printIssn()).isEqualTo("2049-3630");
        assertThat(letters.notes()).isEqualTo("said \"hello\"");
        assertThat(letters.covers(2025, TODAY)).isTrue();
        assertThat(letters.covers(2026, TODAY)).isFalse();
        KbartTitle plain = result.titles().get(1);
        assertThat(plain.covers(2009, TODAY)).isFalse();
        assertThat(plain.covers(2010, TODAY)).isTrue();
        assertThat(plain.covers(2020, TODAY)).isTrue();
        assertThat(plain.covers(2021, TODAY)).isFalse();
    }

    @Test
    void semicolonSeparatorTypoHeaderAndUtf8Bom() {
        String text = "\uFEFFpublicaton_title;print_identifier;date_first_issue_online;embargo_info\n"
                + "Semicolon Studies;2468-1350;2001;R2Y\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        KbartImport result = KbartReader.read(new ByteArrayInputStream(bytes));

        assertThat(result.problems()).isEmpty();
        assertThat(result.titles()).singleElement().satisfies(t -> {
            assertThat(t.publicationTitle()).isEqualTo("Semicolon Studies");
            assertThat(t.printIssn()).isEqualTo("2468-1350");
            assertThat(t.covers(2024, TODAY)).isFalse();
            assertThat(t.covers(2025, TODAY)).isTrue();
        });
    }

    @Test
    void utf16WithBomBothByteOrders() {
        String text = PHASE2_HEADER + "\r\n"
                + String.join("\t", "计算机学报", "0254-4164", "", "2000", "23", "1", "", "", "",
                        "https://ejournals.example.edu/journals/cjc", "", "cjc", "P1Y", "fulltext", "", "科学出版社",
                        "serial", "", "", "", "", "", "", "", "P") + "\r\n";

        for (var charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            out.writeBytes(bom);
            out.writeBytes(text.getBytes(charset));

            KbartImport result = KbartReader.read(new ByteArrayInputStream(out.toByteArray()));

            assertThat(result.problems()).as(charset.name()).isEmpty();
            assertThat(result.titles()).as(charset.name()).singleElement().satisfies(t -> {
                assertThat(t.publicationTitle()).isEqualTo("计算机学报");
                assertThat(t.printIssn()).isEqualTo("0254-4164");
                assertThat(t.publisherName()).isEqualTo("科学出版社");
                assertThat(t.covers(2025, TODAY)).isTrue();
                assertThat(t.covers(2026, TODAY)).isFalse();
            });
        }
    }

    @Test
    void utf16WithoutBomIsRecognised() {
        String text = "publication_title\tonline_identifier\tdate_first_issue_online\nNo BOM Journal\t1111-2220\t2019\n";

        KbartImport result = KbartReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16LE)));

        assertThat(result.titles()).singleElement()
                .extracting(KbartTitle::publicationTitle, KbartTitle::onlineIssn)
                .containsExactly("No BOM Journal", "1111-2220");
    }

    @Test
    void gbkEncodedFileFallsBackToGb18030() {
        String text = "publication_title\tprint_identifier\n中国图书馆学报\t1001-8867\n";

        KbartImport result = KbartReader.read(
                new ByteArrayInputStream(text.getBytes(java.nio.charset.Charset.forName("GBK"))));

        assertThat(result.titles()).singleElement()
                .extracting(KbartTitle::publicationTitle).isEqualTo("中国图书馆学报");
    }

    @Test
    void columnsAreFoundByNameNotPosition() {
        String text = "embargo_info\ttitle_id\tpublication_title\tdate_first_issue_online\tdate_last_issue_online\n"
                + "R2Y\tshuffled\tShuffled Columns Review\t2020-02-29\t\n"
                + "\t\tShort Row Journal\n";

        KbartImport result = KbartReader.read(new StringReader(text));

        assertThat(result.problems()).isEmpty();
        assertThat(result.titles()).hasSize(2);
        KbartTitle shuffled = result.titles().get(0);
        assertThat(shuffled.publicationTitle()).isEqualTo("Shuffled Columns Review");
        assertThat(shuffled.titleId()).isEqualTo("shuffled");
        assertThat(shuffled.dateFirstIssueOnline()).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(shuffled.embargo()).hasToString("R2Y");
        KbartTitle shortRow = result.titles().get(1);
        assertThat(shortRow.dateFirstIssueOnline()).isNull();
        assertThat(shortRow.covers(1950, TODAY)).as("no dates: whole run").isTrue();
    }

    @Test
    void invalidDatesAreReportedWithTheirLine() {
        String text = "publication_title\tdate_first_issue_online\tdate_last_issue_online\n"
                + "Good\t2001\t\n"
                + "Feb 30\t2001-02-30\t\n"
                + "Month 13\t2001-13\t\n"
                + "Two digits\t01\t\n";

        KbartImport result = KbartReader.read(new StringReader(text));

        assertThat(result.titles()).extracting(KbartTitle::publicationTitle).containsExactly("Good");
        assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(3, 4, 5);
        assertThat(result.problems().get(0).message()).contains("2001-02-30");
    }

    @Test
    void fileWithoutPublicationTitleIsNotKbart() {
        assertThatThrownBy(() -> KbartReader.read(new StringReader("title\tissn\nSomething\t1234-5679\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a KBART file: ");
        assertThatThrownBy(() -> KbartReader.read(new StringReader("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a KBART file: ");
    }

    @Test
    void datePrecisionGivesLowerAndUpperBounds() {
        assertThat(KbartReader.parseLowerBound("1997")).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThat(KbartReader.parseUpperBound("1997")).isEqualTo(LocalDate.of(1997, 12, 31));
        assertThat(KbartReader.parseLowerBound("2024-02")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(KbartReader.parseUpperBound("2024-02")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(KbartReader.parseUpperBound("2024-02-10")).isEqualTo(LocalDate.of(2024, 2, 10));
    }
}
