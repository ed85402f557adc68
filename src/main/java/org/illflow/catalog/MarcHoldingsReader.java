package org.illflow.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.citation.Isbn;
import org.illflow.citation.Issn;
import org.illflow.system.SafeXml;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlHandler;
import org.marc4j.RecordStack;
import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a library's print holdings from MARC 21 or CNMARC bibliographic records, in ISO 2709 or
 * MARCXML.
 *
 * <p><b>Input.</b> MARCXML is recognised by a {@code <} as first non-blank byte (or a UTF-16 BOM);
 * anything else is read as ISO 2709. ISO 2709 records are split on the record terminator and
 * decoded one by one, so one broken record is reported and the others still import. Encoding per
 * record: leader/09 {@code a} means UTF-8; otherwise bytes that are valid UTF-8 are read as UTF-8
 * (many exports mislabel), else MARC 21 is read as MARC-8 and CNMARC as GB18030. A wrong record
 * length in the leader is corrected. MARCXML (also EBCDIC- or UTF-16-encoded) is read by the hardened parser of
 * {@link SafeXml}: a file with a DOCTYPE is refused whole (no external entities, no entity expansion).
 *
 * <p><b>Format.</b> A record with a 200 field and no 245 is CNMARC, anything else MARC 21.
 *
 * <p><b>Mapping, MARC 21:</b> 020$a ISBN ($z ignored), 022$a ISSN, 245$a + $b title, 260 (else
 * 264 with second indicator 1, else any 264) $b publisher and $c year (else 008/07-10), 250$a
 * edition, 001 record id. Holdings: each 852 gives one {@link PrintHolding} with location
 * {@code $b $c} and call number {@code $k $h $i $m}; without 852, each Koha 952 gives one with
 * location {@code $a} (home branch, else {@code $b}) plus {@code $c} (shelving location) and call
 * number {@code $o}; without either, the record gives one holding with no location. A missing call
 * number falls back to 090 ($a $b), then 050 ($a $b).
 *
 * <p><b>Mapping, CNMARC:</b> 010$a ISBN ($z ignored), 011$a ISSN, 200$a + $e title, 210 (else 214)
 * $c publisher and $d year (else 100$a/09-12), 205$a edition, 001 record id. Holdings: each 905
 * gives one holding. 905 subfields differ between systems; this reader uses the common CALIS-style
 * reading: location = {@code $c} (shelving location) when present, else {@code $b}, else {@code $a}
 * (holding institution); call number = {@code $d} (class number) and {@code $e} (book number) joined
 * with {@code /}, the way Chinese call numbers are written (e.g. {@code TP311.12/112}). A missing
 * call number falls back to 690$a (Chinese Library Classification number).
 *
 * <p>A record without a title is reported as an {@link ImportProblem} with its record number
 * (1-based, in file order) and skipped.
 */
public final class MarcHoldingsReader {

    private static final byte RECORD_TERMINATOR = 0x1D;
    private static final Pattern ISBN_CANDIDATE = Pattern.compile("[0-9][0-9 -]{8,15}[0-9Xx]");
    private static final Pattern ISSN_CANDIDATE = Pattern.compile("\\d{4}[ -]?\\d{3}[\\dXx]");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private MarcHoldingsReader() {
    }

    /** Reads ISO 2709 or MARCXML records (detected from the first non-blank byte). */
    public static MarcImport read(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MARC input", e);
        }
        return isXml(bytes) ? readXml(bytes) : readIso2709(bytes);
    }

    /**
     * The holdings of one record, already decoded (e.g. from an SRU response).
     *
     * @throws IllegalArgumentException when the record has no title
     */
    public static List<PrintHolding> holdingsOf(Record record) {
        Objects.requireNonNull(record, "record");
        return detectFormat(record) == MarcFormat.CNMARC ? cnmarc(record) : marc21(record);
    }

    /** CNMARC has a 200 (title and statement of responsibility) and no 245. */
    public static MarcFormat detectFormat(Record record) {
        boolean has200 = record.getVariableField("200") != null;
        boolean has245 = record.getVariableField("245") != null;
        return has200 && !has245 ? MarcFormat.CNMARC : MarcFormat.MARC21;
    }

    // ---------------------------------------------------------------- input formats

    /** EBCDIC (IBM037 and relatives) spells {@code <?xm} as these bytes. */
    private static final byte[] EBCDIC_XML_DECLARATION = {0x4C, 0x6F, (byte) 0xA7, (byte) 0x94};

    private static boolean isXml(byte[] b) {
        if (hasUtf16Bom(b)) {
            return true;
        }
        int i = skipBom(b);
        while (i < b.length && isBlank(b[i])) {
            i++;
        }
        return i < b.length && b[i] == '<'
                || b.length >= 4 && java.util.Arrays.equals(b, 0, 4, EBCDIC_XML_DECLARATION, 0, 4);
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    }

    private static int skipBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0 || c == 0x1A;
    }

    /**
     * Parses MARCXML with the hardened parser of {@link SafeXml}: a DOCTYPE is refused by the parser on the
     * decoded text, whatever encoding the file declares. Records before a syntax error are kept and the error
     * is reported; a file that breaks before its first record (a DOCTYPE, not XML at all) is refused whole.
     */
    private static MarcImport readXml(byte[] bytes) {
        List<PrintHolding> holdings = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int start = 0;
        if (!hasUtf16Bom(bytes)) {
            // an XML declaration must come first: drop a BOM and blanks that some exports put before it
            // (a zero byte is not skipped: it is half of a UTF-16 character)
            start = skipBom(bytes);
            while (start < bytes.length && bytes[start] != 0 && isBlank(bytes[start])) {
                start++;
            }
        }
        List<Record> records = new ArrayList<>();
        RecordStack collector = new RecordStack() {
            @Override
            public synchronized void push(Record record) {
                records.add(record);
            }
        };
        XMLReader parser = SafeXml.saxReader();
        parser.setContentHandler(new MarcXmlHandler(collector));
        String failure = null;
        try {
            parser.parse(new InputSource(new ByteArrayInputStream(bytes, start, bytes.length - start)));
        } catch (SAXException | IOException | RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (failure != null && records.isEmpty()) {
            throw new IllegalArgumentException(failure.contains("DOCTYPE")
                    ? "MARCXML with a DOCTYPE declaration is refused (no DTDs, no entities)"
                    : "unreadable MARCXML: " + failure);
        }
        int number = 0;
        for (Record record : records) {
            number++;
            addHoldings(record, number, holdings, problems);
        }
        if (failure != null) {
            problems.add(new ImportProblem(number + 1, "unreadable MARCXML, reading stopped: " + failure));
        }
        return new MarcImport(holdings, problems);
    }

    private static MarcImport readIso2709(byte[] bytes) {
        List<PrintHolding> holdings = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int number = 0;
        int start = skipBom(bytes);
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != RECORD_TERMINATOR) {
                end++;
            }
            int from = start;
            while (from < end && isBlank(bytes[from])) {
                from++;
            }
            if (from < end) {
                number++;
                Record record;
                try {
                    record = parseIso2709(bytes, from, end);
                } catch (RuntimeException e) {
                    record = null;
                    problems.add(new ImportProblem(number, "unreadable ISO 2709 record: " + describe(e)));
                }
                if (record != null) {
                    addHoldings(record, number, holdings, problems);
                }
            }
            start = end + 1;
        }
        return new MarcImport(holdings, problems);
    }

    /** Parses bytes [from, end) plus a record terminator as one record, decoding it as described above. */
    private static Record parseIso2709(byte[] bytes, int from, int end) {
        int length = end - from + 1;
        if (length < 26) {
            throw new IllegalArgumentException("only " + length + " bytes, too short for a record");
        }
        if (length > 99999) {
            throw new IllegalArgumentException("record of " + length + " bytes is longer than ISO 2709 allows");
        }
        byte[] raw = new byte[length];
        System.arraycopy(bytes, from, raw, 0, length - 1);
        raw[length - 1] = RECORD_TERMINATOR;
        byte[] declared = String.format(Locale.ROOT, "%05d", length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(declared, 0, raw, 0, 5);

        // ISO-8859-1 maps every byte to one char, so the real encoding can be applied afterwards.
        MarcReader reader = new MarcStreamReader(new ByteArrayInputStream(raw), "ISO-8859-1");
        Record record = reader.next();
        char coding = record.getLeader().getCharCodingScheme();
        UnaryOperator<String> decoder;
        if (coding == 'a' || isUtf8(raw)) {
            decoder = s -> new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        } else if (detectFormat(record) == MarcFormat.MARC21) {
            AnselToUnicode marc8 = new AnselToUnicode();
            decoder = s -> marc8.convert(s.toCharArray());
        } else {
            decoder = s -> new String(s.getBytes(StandardCharsets.ISO_8859_1), GB18030);
        }
        for (ControlField field : record.getControlFields()) {
            field.setData(decoder.apply(field.getData()));
        }
        for (DataField field : record.getDataFields()) {
            for (Subfield subfield : field.getSubfields()) {
                subfield.setData(decoder.apply(subfield.getData()));
            }
        }
        return record;
    }

    private static boolean isUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void addHoldings(Record record, int number, List<PrintHolding> holdings,
            List<ImportProblem> problems) {
        try {
            List<PrintHolding> ofRecord = holdingsOf(record);
            ofRecord.forEach(PrintHoldingRecord::checkFits);
            holdings.addAll(ofRecord);
        } catch (RuntimeException e) {
            String id = record.getControlNumber();
            problems.add(new ImportProblem(number,
                    (id == null ? "" : "record " + id.trim() + ": ") + describe(e)));
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    // ---------------------------------------------------------------- MARC 21

    private static List<PrintHolding> marc21(Record record) {
        DataField f245 = field(record, "245");
        String title = f245 == null ? null : joinTitle(first(f245, 'a'), first(f245, 'b'));
        if (title == null) {
            throw new IllegalArgumentException("no title in 245$a");
        }
        List<String> isbns = isbns(record, "020");
        List<String> issns = issns(record, "022");
        DataField publication = field(record, "260");
        if (publication == null) {
            publication = fields(record, "264").stream()
                    .filter(f -> f.getIndicator2() == '1').findFirst()
                    .orElse(field(record, "264"));
        }
        String publisher = publication == null ? null : trimPunctuation(first(publication, 'b'), " ,:;/");
        Integer year = publication == null ? null : year(first(publication, 'c'));
        if (year == null) {
            VariableField f008 = record.getVariableField("008");
            year = f008 instanceof ControlField c ? yearAt(c.getData(), 7) : null;
        }
        DataField f250 = field(record, "250");
        String edition = f250 == null ? null : trimPunctuation(first(f250, 'a'), " ,:;/=");
        String recordId = controlData(record, "001");
        String fallbackCallNumber = firstNonNull(classCallNumber(record, "090"), classCallNumber(record, "050"));

        List<String[]> copies = new ArrayList<>();
        for (DataField f852 : fields(record, "852")) {
            copies.add(new String[] {
                join(" ", all(f852, 'k'), all(f852, 'h'), all(f852, 'i'), all(f852, 'm')),
                join(" ", all(f852, 'b'), all(f852, 'c'))});
        }
        if (copies.isEmpty()) {
            for (DataField f952 : fields(record, "952")) {
                String branch = firstNonNull(first(f952, 'a'), first(f952, 'b'));
                copies.add(new String[] {join(" ", all(f952, 'o')), join(" ", list(branch), all(f952, 'c'))});
            }
        }
        return toHoldings(copies, fallbackCallNumber, title, isbns, issns, publisher, year, edition, recordId,
                MarcFormat.MARC21);
    }

    private static String classCallNumber(Record record, String tag) {
        DataField f = field(record, tag);
        return f == null ? null : join(" ", all(f, 'a'), all(f, 'b'));
    }

    // ---------------------------------------------------------------- CNMARC

    private static List<PrintHolding> cnmarc(Record record) {
        DataField f200 = field(record, "200");
        String title = f200 == null ? null : joinTitle(first(f200, 'a'), first(f200, 'e'));
        if (title == null) {
            throw new IllegalArgumentException("no title in 200$a");
        }
        List<String> isbns = isbns(record, "010");
        List<String> issns = issns(record, "011");
        DataField publication = firstNonNull(field(record, "210"), field(record, "214"));
        String publisher = publication == null ? null : trimPunctuation(first(publication, 'c'), " ,:;/");
        Integer year = publication == null ? null : year(first(publication, 'd'));
        if (year == null) {
            DataField f100 = field(record, "100");
            year = f100 == null ? null : yearAt(first(f100, 'a'), 9);
        }
        DataField f205 = field(record, "205");
        String edition = f205 == null ? null : trimPunctuation(first(f205, 'a'), " ,:;/=");
        String recordId = controlData(record, "001");
        DataField f690 = field(record, "690");
        String fallbackCallNumber = f690 == null ? null : clean(first(f690, 'a'));

        List<String[]> copies = new ArrayList<>();
        for (DataField f905 : fields(record, "905")) {
            String location = firstNonNull(clean(first(f905, 'c')), clean(first(f905, 'b')), clean(first(f905, 'a')));
            copies.add(new String[] {join("/", list(clean(first(f905, 'd'))), list(clean(first(f905, 'e')))),
                location});
        }
        return toHoldings(copies, fallbackCallNumber, title, isbns, issns, publisher, year, edition, recordId,
                MarcFormat.CNMARC);
    }

    // ---------------------------------------------------------------- shared helpers

    private static List<PrintHolding> toHoldings(List<String[]> copies, String fallbackCallNumber, String title,
            List<String> isbns, List<String> issns, String publisher, Integer year, String edition,
            String recordId, MarcFormat format) {
        if (copies.isEmpty()) {
            copies = List.<String[]>of(new String[] {null, null});
        }
        List<PrintHolding> holdings = new ArrayList<>(copies.size());
        for (String[] copy : copies) {
            holdings.add(new PrintHolding(title, isbns, issns, firstNonNull(copy[0], fallbackCallNumber), copy[1],
                    publisher, year, edition, recordId, format));
        }
        return holdings;
    }

    private static List<String> isbns(Record record, String tag) {
        Set<String> isbns = new LinkedHashSet<>();
        for (DataField f : fields(record, tag)) {
            for (Subfield a : f.getSubfields('a')) {
                Matcher m = ISBN_CANDIDATE.matcher(a.getData());
                while (m.find()) {
                    Isbn.tryParse(m.group().replace(" ", "").replace("-", ""))
                            .ifPresent(isbn -> isbns.add(isbn.isbn13()));
                }
            }
        }
        return List.copyOf(isbns);
    }

    private static List<String> issns(Record record, String tag) {
        Set<String> issns = new LinkedHashSet<>();
        for (DataField f : fields(record, tag)) {
            for (Subfield a : f.getSubfields('a')) {
                Matcher m = ISSN_CANDIDATE.matcher(a.getData());
                while (m.find()) {
                    Issn.tryParse(m.group().replace(" ", "")).ifPresent(issn -> issns.add(issn.value()));
                }
            }
        }
        return List.copyOf(issns);
    }

    private static String joinTitle(String main, String remainder) {
        String a = trimPunctuation(main, " /:;,.=");
        String b = trimPunctuation(remainder, " /:;,.=");
        if (a == null) {
            return null;
        }
        return b == null ? a : a + " : " + b;
    }

    private static Integer year(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = YEAR.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Integer yearAt(String data, int offset) {
        if (data == null || data.length() < offset + 4) {
            return null;
        }
        String candidate = data.substring(offset, offset + 4);
        return candidate.matches("1[5-9]\\d\\d|20\\d\\d") ? Integer.valueOf(candidate) : null;
    }

    /** Trims blanks and trailing ISBD punctuation; blank gives {@code null}. */
    private static String trimPunctuation(String value, String trailing) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        int end = s.length();
        while (end > 0 && trailing.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        s = s.substring(0, end).strip();
        return s.isEmpty() ? null : s;
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    @SafeVarargs
    private static String join(String separator, List<String>... parts) {
        List<String> values = new ArrayList<>();
        for (List<String> part : parts) {
            for (String value : part) {
                String cleaned = clean(value);
                if (cleaned != null) {
                    values.add(cleaned);
                }
            }
        }
        return values.isEmpty() ? null : String.join(separator, values);
    }

    private static List<String> all(DataField field, char code) {
        return field.getSubfields(code).stream().map(Subfield::getData).toList();
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String first(DataField field, char code) {
        return field.getSubfields(code).stream().map(Subfield::getData)
                .map(MarcHoldingsReader::clean).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static DataField field(Record record, String tag) {
        VariableField f = record.getVariableField(tag);
        return f instanceof DataField d ? d : null;
    }

    private static List<DataField> fields(Record record, String tag) {
        return record.getVariableFields(tag).stream()
                .filter(DataField.class::isInstance).map(DataField.class::cast).toList();
    }

    private static String controlData(Record record, String tag) {
        VariableField f = record.getVariableField(tag);
        return f instanceof ControlField c ? clean(c.getData()) : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
