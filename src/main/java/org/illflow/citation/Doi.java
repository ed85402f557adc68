package org.illflow.citation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Digital Object Identifier. DOIs are case-insensitive, so two DOIs are equal when their
 * {@link #matchKey()} is, while {@link #value()} keeps the case the publisher printed.
 */
public final class Doi {

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern RESOLVER_PREFIX = Pattern.compile(
            "^(?:info:doi/|(?:https?://)?(?:dx\\.|www\\.)?doi\\.org/|doi\\s*:?\\s*)", Pattern.CASE_INSENSITIVE);
    // Deliberately looser than Crossref's extraction pattern: old Wiley DOIs contain <, >, # and ;.
    private static final Pattern SYNTAX = Pattern.compile("10\\.\\d+(?:\\.\\d+)*/[^\\s\\p{Cc}]+");
    private static final String QUOTES = "\"'\u2018\u2019\u201C\u201D\u00AB\u00BB";
    private static final String RESOLVER = "https://doi.org/";

    private final String value;
    private final String matchKey;

    private Doi(String value) {
        this.value = value;
        this.matchKey = value.toLowerCase(Locale.ROOT);
    }

    public static Doi parse(String raw) {
        return tryParse(raw).orElseThrow(
                () -> new InvalidIdentifierException(CitationValidation.DOI_INVALID, raw));
    }

    public static Optional<Doi> tryParse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (PERCENT_ESCAPE.matcher(text).find()) {
            // '+' is a legal DOI character, so it is not read as an encoded space here.
            text = PercentEncoding.decode(text, false).strip();
        }
        text = stripLeadingQuotes(text);
        text = RESOLVER_PREFIX.matcher(text).replaceFirst("").strip();
        text = stripTrailingPunctuation(text);
        return SYNTAX.matcher(text).matches() ? Optional.of(new Doi(text)) : Optional.empty();
    }

    /** The DOI as printed by the publisher, without resolver prefix or surrounding punctuation. */
    public String value() {
        return value;
    }

    /** Lower-cased form for finding the same DOI typed in a different case. */
    public String matchKey() {
        return matchKey;
    }

    public String url() {
        return RESOLVER + PercentEncoding.encodePath(value);
    }

    private static String stripLeadingQuotes(String text) {
        int start = 0;
        while (start < text.length() && QUOTES.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start).strip();
    }

    /**
     * A DOI copied out of running text drags along the sentence's punctuation. Closing brackets
     * go only when unbalanced, because DOIs such as 10.1002/(SICI)… legitimately contain them.
     */
    private static String stripTrailingPunctuation(String text) {
        String result = text;
        while (!result.isEmpty()) {
            char last = result.charAt(result.length() - 1);
            boolean strip = ".,;".indexOf(last) >= 0
                    || QUOTES.indexOf(last) >= 0
                    || (last == ')' && count(result, '(') < count(result, ')'))
                    || (last == ']' && count(result, '[') < count(result, ']'));
            if (!strip) {
                break;
            }
            result = result.substring(0, result.length() - 1).stripTrailing();
        }
        return result;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Doi doi && doi.matchKey.equals(matchKey);
    }

    @Override
    public int hashCode() {
        return matchKey.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
