package org.illflow.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.citation.Issn;

/**
 * Reads KBART holdings files (NISO RP-9-2014, Phase II, and the older Phase I layout).
 *
 * <p>Tolerates what real files do (STANDARDS §2): Phase I ({@code coverage_notes}) and Phase II
 * ({@code notes}) column sets, upper-case headers, the {@code publicaton_title} typo, tab, comma or
 * semicolon separators (chosen from the header line; comma and semicolon files may quote fields),
 * a UTF-8 BOM, UTF-16 with a BOM (or without one, recognised by its zero bytes), and blank lines.
 * Bytes that are not UTF-8 are read as GB18030. Columns are found by header name, never by position;
 * missing optional columns read as empty.
 *
 * <p>A row that cannot be used (empty title, unparseable date or embargo) is reported as an
 * {@link ImportProblem} with its physical line number (the header is line 1) and skipped.
 */
public final class KbartReader {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    private static final Map<String, String> HEADER_ALIASES = Map.of(
            "publicaton_title", "publication_title",
            "coverage_notes", "notes");

    private KbartReader() {
    }

    /**
     * Reads a KBART file. Encoding: a UTF-8 or UTF-16 BOM decides; without one, UTF-16 is recognised
     * by its zero bytes, then UTF-8 is tried and GB18030 used when the bytes are not UTF-8.
     */
    public static KbartImport read(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KBART input", e);
        }
        return parse(decode(bytes));
    }

    /** Reads KBART text that is already decoded; a leading BOM character is ignored. */
    public static KbartImport read(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) != -1; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KBART input", e);
        }
        return parse(text.toString());
    }

    /**
     * Parses a KBART date to the first day it can mean: {@code 1997} gives 1997-01-01,
     * {@code 1997-05} gives 1997-05-01.
     *
     * @throws IllegalArgumentException when the value is not YYYY, YYYY-MM or YYYY-MM-DD
     */
    static LocalDate parseLowerBound(String value) {
        return parseDate(value, false);
    }

    /** Parses a KBART date to the last day it can mean: {@code 2015} gives 2015-12-31. */
    static LocalDate parseUpperBound(String value) {
        return parseDate(value, true);
    }

    private static LocalDate parseDate(String value, boolean upper) {
        Matcher m = DATE.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return upper ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return upper ? month.atEndOfMonth() : month.atDay(1);
            }
            return month.atDay(Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date", e);
        }
    }

    // ---------------------------------------------------------------- decoding

    private static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset utf16 = guessUtf16WithoutBom(b);
        if (utf16 != null) {
            return new String(b, utf16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            // Chinese providers still send GBK/GB18030 files; GB18030 is a superset of GBK.
            return new String(b, Charset.forName("GB18030"));
        }
    }

    /** A KBART header is ASCII, so UTF-16 shows as a zero byte in every other position. */
    private static Charset guessUtf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 200) & ~1;
        if (n < 8) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZeros++;
            }
            if (b[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros * 10 >= pairs * 9 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 9 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    // ---------------------------------------------------------------- parsing

    private static KbartImport parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int headerIndex = 0;
        while (headerIndex < lines.length && lines[headerIndex].isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.length) {
            throw new IllegalArgumentException("not a KBART file: it is empty");
        }
        String headerLine = lines[headerIndex];
        char separator = detectSeparator(headerLine);
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = split(headerLine, separator);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normaliseHeader(header.get(i)), i);
        }
        if (!columns.containsKey("publication_title")) {
            throw new IllegalArgumentException("not a KBART file: no publication_title column in header '"
                    + abbreviate(headerLine) + "'");
        }

        List<KbartTitle> titles = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = headerIndex + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line, separator);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Row row = new Row(columns, cells);
            try {
                titles.add(toTitle(row));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(i + 1, e.getMessage()));
            }
        }
        return new KbartImport(titles, problems);
    }

    private static KbartTitle toTitle(Row row) {
        String title = row.get("publication_title");
        if (title == null) {
            throw new IllegalArgumentException("publication_title is empty");
        }
        // the sizes of the columns that keep these values: a longer value is a bad row, not a failed import
        Embargo embargo = Embargo.parse(row.get("embargo_info"));
        fits("publication_title", title, EJournalHolding.MAX_TITLE);
        fits("embargo_info", embargo.toString(), EJournalHolding.MAX_EMBARGO);
        return new KbartTitle(
                title,
                issn(row.get("print_identifier")),
                issn(row.get("online_identifier")),
                date(row, "date_first_issue_online", false),
                date(row, "date_last_issue_online", true),
                webAddress(fits("title_url", row.get("title_url"), EJournalHolding.MAX_TITLE_URL)),
                row.get("title_id"),
                embargo,
                fits("coverage_depth", row.get("coverage_depth"), EJournalHolding.MAX_COVERAGE_DEPTH),
                row.get("notes"),
                fits("publisher_name", row.get("publisher_name"), EJournalHolding.MAX_PUBLISHER),
                row.get("publication_type"),
                row.get("access_type"));
    }

    private static String fits(String column, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(column + " is longer than " + max + " characters");
        }
        return value;
    }

    /** Patrons are sent to the title_url: only an http or https address may become a link. */
    private static String webAddress(String url) {
        if (url != null && !EJournalHolding.isWebAddress(url)) {
            throw new IllegalArgumentException("title_url '" + abbreviate(url) + "' is not an http or https address");
        }
        return url;
    }

    private static String issn(String raw) {
        return raw == null ? null : Issn.tryParse(raw).map(Issn::value).orElse(null);
    }

    private static LocalDate date(Row row, String column, boolean upper) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return parseDate(value, upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + column + ": " + e.getMessage(), e);
        }
    }

    private static char detectSeparator(String headerLine) {
        if (headerLine.indexOf('\t') >= 0) {
            return '\t';
        }
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        if (commas == 0 && semicolons == 0) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String normaliseHeader(String cell) {
        String h = cell.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)
                .replace(' ', '_').replace('-', '_');
        return HEADER_ALIASES.getOrDefault(h, h);
    }

    /**
     * Splits one line. Tab-separated fields are taken literally (a field wholly wrapped in double
     * quotes is unwrapped); comma and semicolon fields follow CSV quoting within the line.
     */
    private static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        if (separator == '\t') {
            for (String cell : line.split("\t", -1)) {
                cells.add(unquote(cell));
            }
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String unquote(String cell) {
        String t = cell.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return cell;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** Cells of one data row, looked up by normalised header name; blank cells read as null. */
    private record Row(Map<String, Integer> columns, List<String> cells) {
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).trim();
            return value.isEmpty() ? null : value;
        }
    }
}
