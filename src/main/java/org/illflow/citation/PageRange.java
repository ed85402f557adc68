package org.illflow.citation;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of an article or chapter: "361-386", "S12-S19", "e1234" or "45". Page counts feed
 * per-page prices, so a range that cannot be right is flagged rather than priced.
 */
public final class PageRange {

    private static final int MOST_PLAUSIBLE_PAGES = 2000;

    // A page is a number with an optional letter prefix (S12 supplement pages, e1234 article
    // numbers) or a lower-case roman numeral for front matter.
    private static final String PAGE = "[A-Za-z]{0,2}\\d{1,9}|[ivxlcdm]+";
    // Hyphen, the Unicode dashes and minus, and the tilde and wave dash Chinese typists use.
    private static final String SEPARATOR = "[-~\u2010-\u2015\u2212\u301C]";
    private static final Pattern RANGE = Pattern.compile(
            "(?:pp?\\.\\s*|pp?\\s+)?(" + PAGE + ")(?:\\s*" + SEPARATOR + "\\s*(" + PAGE + "))?");
    private static final Pattern NUMBERED = Pattern.compile("([A-Za-z]{0,2})(\\d+)");

    private final String start;
    private final String end;
    // end - start + 1 when both ends can be compared as numbers, otherwise null
    private final Long span;

    private PageRange(String start, String end, Long span) {
        this.start = start;
        this.end = end;
        this.span = span;
    }

    /** Empty when the text is blank or not a single page or range. */
    public static Optional<PageRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = RANGE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String start = matcher.group(1);
        String end = matcher.group(2);
        if (end == null) {
            // A lone prefixed number is usually an article number, which says nothing about length.
            return Optional.of(new PageRange(start, start, start.chars().allMatch(Character::isDigit) ? 1L : null));
        }
        Matcher first = NUMBERED.matcher(start);
        Matcher last = NUMBERED.matcher(end);
        if (!first.matches() || !last.matches()) {
            return Optional.of(new PageRange(start, end, null));
        }
        String prefix = first.group(1);
        String lastPrefix = last.group(1).isEmpty() ? prefix : last.group(1);
        if (!prefix.equalsIgnoreCase(lastPrefix)) {
            return Optional.of(new PageRange(start, end, null));
        }
        String lastDigits = expandAbbreviated(first.group(2), last.group(2));
        long span = Long.parseLong(lastDigits) - Long.parseLong(first.group(2)) + 1;
        return Optional.of(new PageRange(start, lastPrefix + lastDigits, span));
    }

    /**
     * Humanities citations shorten the end page ("361-86" for 361-386); without expanding it the
     * range would look backwards.
     */
    private static String expandAbbreviated(String startDigits, String endDigits) {
        if (endDigits.length() >= startDigits.length()) {
            return endDigits;
        }
        return startDigits.substring(0, startDigits.length() - endDigits.length()) + endDigits;
    }

    public String start() {
        return start;
    }

    /** The last page, written out in full; the same as {@link #start()} for a single page. */
    public String end() {
        return end;
    }

    public boolean isSinglePage() {
        return start.equals(end);
    }

    /**
     * Number of pages when both ends are numbers with the same prefix (or a single plain page);
     * null when it cannot be known, such as for an article number or a backwards range.
     */
    public Integer pageCount() {
        return span != null && span > 0 ? Math.toIntExact(span) : null;
    }

    /** True when the end comes before the start or the range spans more than 2000 pages. */
    public boolean isAbsurd() {
        return span != null && (span < 1 || span > MOST_PLAUSIBLE_PAGES);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRange range && range.start.equals(start) && range.end.equals(end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    /** "361-386", or "45" for a single page. */
    @Override
    public String toString() {
        return isSinglePage() ? start : start + "-" + end;
    }
}
