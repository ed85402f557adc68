package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

class MarcHoldingsReaderTest {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private static Record record(String leader, String id) {
        Record r = FACTORY.newRecord(leader);
        r.addVariableField(FACTORY.newControlField("001", id));
        return r;
    }

    private static DataField field(String tag, String... codesAndValues) {
        DataField f = FACTORY.newDataField(tag, ' ', ' ');
        for (int i = 0; i < codesAndValues.length; i += 2) {
            f.addSubfield(FACTORY.newSubfield(codesAndValues[i].charAt(0), codesAndValues[i + 1]));
        }
        return f;
    }

    private static DataField field(String tag, char ind1, char ind2, String... codesAndValues) {
        DataField f = field(tag, codesAndValues);
        f.setIndicator1(ind1);
        f.setIndicator2(ind2);
        return f;
    }

    private static Record chineseBook() {
        Record r = record("00000cam a2200000 i 4500", "t-0001");
        r.addVariableField(FACTORY.newControlField("008", "000101s2008    cc                  chi d"));
        r.addVariableField(field("020", "a", "7536692935 (平装)", "c", "CNY23.00"));
        r.addVariableField(field("020", "z", "7536692936"));
        r.addVariableField(field("245", '1', '0', "a", "三体 :", "b", "地球往事 /", "c", "刘慈欣著."));
        r.addVariableField(field("250", "a", "第2版."));
        r.addVariableField(field("260", "a", "重庆 :", "b", "重庆出版社,", "c", "2008."));
        r.addVariableField(field("852", '8', ' ', "a", "DEMO", "b", "总馆", "c", "三楼 社科书库", "h", "I247.55", "i", "2231"));
        r.addVariableField(field("852", '8', ' ', "b", "分馆", "c", "二楼", "k", "参考", "h", "I247.55", "i", "2231"));
        return r;
    }

    private static byte[] iso2709(String encoding, Record... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, encoding);
        for (Record r : records) {
            writer.write(r);
        }
        writer.close();
        return out.toByteArray();
    }

    private static MarcImport read(byte[] bytes) {
        return MarcHoldingsReader.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void iso2709WrittenWithMarc4jIsReadBack() {
        MarcImport result = read(iso2709("UTF-8", chineseBook()));

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings()).hasSize(2);
        PrintHolding first = result.holdings().get(0);
        assertThat(first.title()).isEqualTo("三体 : 地球往事");
        assertThat(first.isbn13s()).as("ISBN-10 stored as ISBN-13, $z ignored").containsExactly("9787536692930");
        assertThat(first.publisher()).isEqualTo("重庆出版社");
        assertThat(first.year()).isEqualTo(2008);
        assertThat(first.edition()).isEqualTo("第2版.");
        assertThat(first.recordId()).isEqualTo("t-0001");
        assertThat(first.format()).isEqualTo(MarcFormat.MARC21);
        assertThat(first.location()).isEqualTo("总馆 三楼 社科书库");
        assertThat(first.callNumber()).as("中图法 class and book number joined with a slash").isEqualTo("I247.55/2231");
        PrintHolding second = result.holdings().get(1);
        assertThat(second.location()).isEqualTo("分馆 二楼");
        assertThat(second.callNumber()).as("852$k prefix first").isEqualTo("参考 I247.55/2231");
    }

    @Test
    void marc8LeaderWithUtf8BytesIsReadAsUtf8() {
        Record r = chineseBook();
        r.getLeader().setCharCodingScheme(' ');

        MarcImport result = read(iso2709("UTF-8", r));

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings().get(0).title()).isEqualTo("三体 : 地球往事");
    }

    @Test
    void realMarc8IsConverted() {
        Record r = record("00000cam  2200000 a 4500", "t-marc8");
        // MARC-8 (ANSEL): 0xE2 is the combining acute accent, written before its base letter.
        r.addVariableField(field("245", '1', '0', "a", "G\u00E2erard's garden /"));
        r.addVariableField(field("090", "a", "SB450", "b", ".G47"));

        MarcImport result = read(iso2709("ISO-8859-1", r));

        assertThat(result.problems()).isEmpty();
        PrintHolding holding = result.holdings().get(0);
        assertThat(Normalizer.normalize(holding.title(), Normalizer.Form.NFC)).isEqualTo("Gérard's garden");
        assertThat(holding.callNumber()).as("090 fallback").isEqualTo("SB450 .G47");
        assertThat(holding.location()).isNull();
    }

    @Test
    void brokenRecordIsReportedByNumberAndTheOthersImport() {
        Record one = record("00000cam a2200000 i 4500", "r1");
        one.addVariableField(field("245", "a", "First book."));
        Record three = record("00000cam a2200000 i 4500", "r3");
        three.addVariableField(field("245", "a", "Third book."));
        Record noTitle = record("00000cam a2200000 i 4500", "r4");
        noTitle.addVariableField(field("020", "a", "0306406152"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(iso2709("UTF-8", one));
        bytes.writeBytes("00042cam a22000xx i 4500garbage\u001E\u001D".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(iso2709("UTF-8", three, noTitle));
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));

        MarcImport result = read(bytes.toByteArray());

        assertThat(result.holdings()).extracting(PrintHolding::title).containsExactly("First book", "Third book");
        assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(2, 4);
        assertThat(result.problems().get(1).message()).contains("r4").contains("title");
    }

    @Test
    void wrongRecordLengthInLeaderIsTolerated() {
        byte[] bytes = iso2709("UTF-8", chineseBook());
        bytes[0] = '9';

        MarcImport result = read(bytes);

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings()).hasSize(2);
    }

    @Test
    void marcXmlIsDetectedAndRead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
        writer.write(chineseBook());
        writer.close();
        byte[] xml = ("\uFEFF\n  " + out.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        MarcImport result = read(xml);

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings()).hasSize(2);
        assertThat(result.holdings().get(0).isbn13s()).containsExactly("9787536692930");
    }

    @Test
    void isbnTenAndThirteenBothFindTheBook() {
        Record tenOnly = record("00000cam a2200000 i 4500", "ten");
        tenOnly.addVariableField(field("020", "a", "0-306-40615-2 (pbk.)"));
        tenOnly.addVariableField(field("245", "a", "Ten-digit ISBN book."));
        Record thirteen = record("00000cam a2200000 i 4500", "thirteen");
        thirteen.addVariableField(field("020", "a", "978-0-262-03384-8 (hardcover : alk. paper)"));
        thirteen.addVariableField(field("020", "a", "0262033844"));
        thirteen.addVariableField(field("245", "a", "Thirteen-digit ISBN book."));

        List<PrintHolding> holdings = read(iso2709("UTF-8", tenOnly, thirteen)).holdings();

        assertThat(holdings.get(0).isbn13s()).containsExactly("9780306406157");
        assertThat(holdings.get(0).hasIsbn13("9780306406157")).isTrue();
        assertThat(holdings.get(1).isbn13s()).as("duplicates collapse").containsExactly("9780262033848");
    }

    @Test
    void issnAndPublisherFrom264AndYearFrom008() {
        Record serial = record("00000cas a2200000 i 4500", "serial-1");
        serial.addVariableField(FACTORY.newControlField("008", "000101c19979999enkqr p       0   a0eng d"));
        serial.addVariableField(field("022", "a", "0028-0836", "l", "0028-0836"));
        serial.addVariableField(field("022", "a", "1476-4687"));
        serial.addVariableField(field("245", '0', '0', "a", "Nature."));
        serial.addVariableField(field("264", ' ', '4', "c", "©2020"));
        serial.addVariableField(field("264", ' ', '1', "a", "London :", "b", "Nature Publishing Group"));
        serial.addVariableField(field("050", "a", "Q1", "b", ".N2"));
        serial.addVariableField(field("952", "a", "MAIN", "c", "PERIODICALS", "p", "3900012345"));

        PrintHolding h = read(iso2709("UTF-8", serial)).holdings().get(0);

        assertThat(h.issns()).containsExactly("0028-0836", "1476-4687");
        assertThat(h.hasIssn("1476-4687")).isTrue();
        assertThat(h.publisher()).isEqualTo("Nature Publishing Group");
        assertThat(h.year()).as("264 _1 has no date: 008/07-10").isEqualTo(1997);
        assertThat(h.location()).as("Koha 952 branch + shelving location").isEqualTo("MAIN PERIODICALS");
        assertThat(h.callNumber()).as("no 952$o: 050 fallback").isEqualTo("Q1 .N2");
    }

    @Test
    void kohaItemsGiveOneHoldingEach() {
        Record koha = record("00000cam a2200000 i 4500", "koha-1");
        koha.addVariableField(field("245", "a", "Koha book /", "c", "Someone."));
        koha.addVariableField(field("952", "a", "MAIN", "b", "MAIN", "o", "005.1 KOH", "p", "39000001"));
        koha.addVariableField(field("952", "b", "BRANCH", "o", "005.1 KOH c.2", "p", "39000002"));

        List<PrintHolding> holdings = read(iso2709("UTF-8", koha)).holdings();

        assertThat(holdings).extracting(PrintHolding::location, PrintHolding::callNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MAIN", "005.1 KOH"),
                        org.assertj.core.groups.Tuple.tuple("BRANCH", "005.1 KOH c.2"));
    }

    @Test
    void cnmarcRecordIsMapped() {
        Record r = record("00000nam0 2200000   450 ", "cn-0001");
        r.addVariableField(field("010", "a", "7-5053-9013-9", "d", "CNY79.00 (含光盘)"));
        r.addVariableField(field("011", "a", "0254-4164"));
        r.addVariableField(field("100", "a", "20040223d2004    em y0chiy50      ea"));
        r.addVariableField(field("200", '1', ' ', "a", "示例图书", "e", "副题名", "f", "某某著"));
        r.addVariableField(field("205", "a", "第3版"));
        r.addVariableField(field("210", "a", "北京", "c", "电子工业出版社", "d", "2004"));
        r.addVariableField(field("690", "a", "TP311", "v", "4"));
        r.addVariableField(field("905", "a", "DEMO", "b", "C0001234", "c", "总馆 四楼 自科书库", "d", "TP311", "e", "56"));
        r.addVariableField(field("905", "a", "DEMO", "d", "TP311", "e", "56:2"));

        MarcImport result = read(iso2709("UTF-8", r));

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings()).hasSize(2);
        PrintHolding h = result.holdings().get(0);
        assertThat(h.format()).isEqualTo(MarcFormat.CNMARC);
        assertThat(h.title()).isEqualTo("示例图书 : 副题名");
        assertThat(h.isbn13s()).containsExactly("9787505390133");
        assertThat(h.issns()).containsExactly("0254-4164");
        assertThat(h.publisher()).isEqualTo("电子工业出版社");
        assertThat(h.year()).isEqualTo(2004);
        assertThat(h.edition()).isEqualTo("第3版");
        assertThat(h.recordId()).isEqualTo("cn-0001");
        assertThat(h.location()).isEqualTo("总馆 四楼 自科书库");
        assertThat(h.callNumber()).isEqualTo("TP311/56");
        PrintHolding second = result.holdings().get(1);
        assertThat(second.location()).as("no $c or $b: institution").isEqualTo("DEMO");
        assertThat(second.callNumber()).isEqualTo("TP311/56:2");
    }

    @Test
    void cnmarcWithout905FallsBackTo690AndYearFrom100() {
        Record r = record("00000nam0 2200000   450 ", "cn-0002");
        r.addVariableField(field("100", "a", "20110315d2011    em y0chiy50      ea"));
        r.addVariableField(field("200", '1', ' ', "a", "没有馆藏字段的书"));
        r.addVariableField(field("210", "a", "上海", "c", "上海古籍出版社"));
        r.addVariableField(field("690", "a", "K207", "v", "5"));

        PrintHolding h = read(iso2709("UTF-8", r)).holdings().get(0);

        assertThat(h.callNumber()).isEqualTo("K207");
        assertThat(h.location()).isNull();
        assertThat(h.year()).isEqualTo(2011);
        assertThat(h.isbn13s()).isEmpty();
    }

    @Test
    void gbkEncodedCnmarcIsDecoded() {
        Record r = record("00000nam0 2200000   450 ", "cn-gbk");
        r.addVariableField(field("200", '1', ' ', "a", "数据结构"));

        MarcImport result = read(iso2709("GBK", r));

        assertThat(result.problems()).isEmpty();
        assertThat(result.holdings().get(0).title()).isEqualTo("数据结构");
    }

    @Test
    void marcXmlWithDoctypeIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>";

        assertThatThrownBy(() -> read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void malformedMarcXmlIsReported() {
        String xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000cam a2200000 i 4500"
                + "</leader><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Fine</subfield>"
                + "</datafield></record><record><leader>broken";

        MarcImport result = read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).message()).startsWith("unreadable MARCXML");
    }

    @Test
    void emptyInputGivesNothing() {
        assertThat(read(new byte[0]).holdings()).isEmpty();
        assertThat(read("\n\n".getBytes(StandardCharsets.US_ASCII)).problems()).isEmpty();
    }

    @Test
    void callNumbersAreJoinedTheWayTheirSchemeWritesThem() {
        Record r = record("00000cam a2200000 i 4500", "cn-1");
        r.addVariableField(field("245", '1', '0', "a", "图书馆学概论"));
        // 中图法 as "other scheme" and as $2 clc: class number / book number
        r.addVariableField(field("852", '8', ' ', "b", "总馆", "h", "G252.7", "i", "L89"));
        r.addVariableField(field("852", '7', ' ', "b", "分馆", "h", "G252.7", "i", "L89", "2", "clc"));
        // LC keeps its space and its cutter's dot; a local "other" scheme that is no 中图法 number keeps its space
        r.addVariableField(field("852", '0', ' ', "b", "Main", "h", "QA76.6", "i", ".B453 2000"));
        r.addVariableField(field("852", '8', ' ', "b", "Fiction room", "h", "Fiction", "i", "SMI"));

        List<PrintHolding> holdings = read(iso2709("UTF-8", r)).holdings();

        assertThat(holdings).extracting(PrintHolding::callNumber)
                .containsExactly("G252.7/L89", "G252.7/L89", "QA76.6 .B453 2000", "Fiction SMI");
    }
}
