package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.illflow.citation.Isbn;
import org.illflow.citation.Issn;
import org.junit.jupiter.api.Test;

/** The demo data shipped under {@code demo/holdings/} must import cleanly. */
class DemoHoldingsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static InputStream open(String name) {
        InputStream in = DemoHoldingsTest.class.getResourceAsStream("/demo/holdings/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    @Test
    void kbartDemoIsAnExactPhaseTwoFile() throws IOException {
        String text;
        try (InputStream in = open("kbart-demo.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo(String.join("\t", "publication_title", "print_identifier",
                "online_identifier", "date_first_issue_online", "num_first_vol_online", "num_first_issue_online",
                "date_last_issue_online", "num_last_vol_online", "num_last_issue_online", "title_url",
                "first_author", "title_id", "embargo_info", "coverage_depth", "notes", "publisher_name",
                "publication_type", "date_monograph_published_print", "date_monograph_published_online",
                "monograph_volume", "monograph_edition", "first_editor", "parent_publication_title_id",
                "preceding_publication_title_id", "access_type"));
        for (String line : lines) {
            assertThat(line.split("\t", -1)).as(line).hasSize(25);
            String[] cells = line.split("\t", -1);
            for (String id : new String[] {cells[1], cells[2]}) {
                if (!id.isEmpty() && !id.equals("print_identifier") && !id.equals("online_identifier")) {
                    assertThat(Issn.tryParse(id)).as("ISSN %s has a valid check digit", id)
                            .hasValueSatisfying(issn -> assertThat(issn.value()).isEqualTo(id));
                }
            }
        }
    }

    @Test
    void kbartDemoImportsWithoutProblems() throws IOException {
        KbartImport result;
        try (InputStream in = open("kbart-demo.txt")) {
            result = KbartReader.read(in);
        }

        assertThat(result.problems()).isEmpty();
        assertThat(result.titles()).hasSize(8);
        assertThat(result.titles()).allSatisfy(t ->
                assertThat(t.titleUrl()).startsWith("https://ejournals.example.edu/"));
        Map<String, KbartTitle> titles = result.titles().stream()
                .collect(Collectors.toMap(KbartTitle::publicationTitle, Function.identity()));

        KbartTitle nature = titles.get("Nature");
        assertThat(nature.embargo().isNone()).isTrue();
        assertThat(nature.covers(2026, TODAY)).isTrue();
        assertThat(nature.covers(1996, TODAY)).isFalse();

        assertThat(titles.get("Science").covers(2025, TODAY)).isTrue();
        assertThat(titles.get("Science").covers(2026, TODAY)).isFalse();

        KbartTitle jdoc = titles.get("Journal of Documentation");
        assertThat(jdoc.embargo()).hasToString("R5Y");
        assertThat(jdoc.covers(2022, TODAY)).isTrue();
        assertThat(jdoc.covers(2021, TODAY)).isFalse();

        KbartTitle ended = titles.get("Library Hi Tech");
        assertThat(ended.covers(2015, TODAY)).isTrue();
        assertThat(ended.covers(2016, TODAY)).isFalse();

        KbartTitle cjc = titles.get("计算机学报");
        assertThat(cjc.printIssn()).isEqualTo("0254-4164");
        assertThat(cjc.covers(2026, TODAY)).isTrue();

        assertThat(titles.get("The Lancet").onlineIssn()).isEqualTo("1474-547X");
        assertThat(titles.get("PLOS ONE").accessType()).isEqualTo("F");
    }

    @Test
    void printHoldingsDemoImportsWithoutProblems() throws IOException {
        MarcImport result;
        try (InputStream in = open("print-holdings.xml")) {
            result = MarcHoldingsReader.read(in);
        }

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings()).hasSize(8);
        assertThat(result.holdings()).filteredOn(h -> h.format() == MarcFormat.MARC21).hasSize(6);
        assertThat(result.holdings()).filteredOn(h -> h.format() == MarcFormat.CNMARC).hasSize(2);
        assertThat(result.holdings()).allSatisfy(h -> {
            assertThat(h.callNumber()).isNotBlank();
            assertThat(h.location()).isNotBlank();
            assertThat(h.isbn13s()).hasSize(1);
            assertThat(Isbn.tryParse(h.isbn13s().get(0))).isPresent();
            assertThat(h.year()).isNotNull();
        });
        Map<String, PrintHolding> byId = result.holdings().stream()
                .collect(Collectors.toMap(PrintHolding::recordId, Function.identity()));

        PrintHolding pearls = byId.get("demo-b0001");
        assertThat(pearls.title()).isEqualTo("Programming pearls");
        assertThat(pearls.isbn13s()).as("020 holds the ISBN-10").containsExactly("9780201657883");
        assertThat(pearls.location()).isEqualTo("Main Library 3F");
        assertThat(pearls.callNumber()).isEqualTo("QA76.6 .B453 2000");
        assertThat(pearls.edition()).isEqualTo("2nd ed.");
        assertThat(pearls.publisher()).isEqualTo("Addison-Wesley");
        assertThat(pearls.year()).isEqualTo(2000);

        assertThat(byId.get("demo-b0002").isbn13s()).as("$z skipped").containsExactly("9780131103627");
        assertThat(byId.get("demo-b0003").publisher()).isEqualTo("The MIT Press");
        assertThat(byId.get("demo-b0004").title())
                .isEqualTo("Design patterns : elements of reusable object-oriented software");

        PrintHolding santi = byId.get("demo-b0005");
        assertThat(santi.title()).isEqualTo("三体");
        assertThat(santi.location()).isEqualTo("总馆 三楼 社科书库");
        assertThat(santi.callNumber()).isEqualTo("I247.55/2231");
        assertThat(santi.publisher()).isEqualTo("重庆出版社");

        assertThat(byId.get("demo-b0006").edition()).isEqualTo("原书第3版.");

        PrintHolding ds = byId.get("demo-c0001");
        assertThat(ds.format()).isEqualTo(MarcFormat.CNMARC);
        assertThat(ds.title()).isEqualTo("数据结构 : C语言版");
        assertThat(ds.isbn13s()).containsExactly("9787302147510");
        assertThat(ds.publisher()).isEqualTo("清华大学出版社");
        assertThat(ds.year()).isEqualTo(2007);
        assertThat(ds.location()).isEqualTo("总馆 四楼 自科书库");
        assertThat(ds.callNumber()).isEqualTo("TP311.12/112");

        PrintHolding ill = byId.get("demo-c0002");
        assertThat(ill.isbn13s()).as("010 holds the ISBN-10").containsExactly("9787501337491");
        assertThat(ill.edition()).isEqualTo("修订二版");
        assertThat(ill.callNumber()).isEqualTo("G252.7/46");
    }
}
