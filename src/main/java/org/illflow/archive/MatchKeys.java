package org.illflow.archive;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.citation.PageRange;

/**
 * The finer keys that tell apart articles of the same title, journal and year ("Editorial", "Book review",
 * "Erratum"): the volume number and the first page. They only ever veto a title match, never make one.
 */
final class MatchKeys {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_LENGTH = 20;

    private MatchKeys() {
    }

    /** "Vol. 12", "第12卷" and "12" all give "12"; text without digits gives null (unknown). */
    static String volume(String volume) {
        if (volume == null || volume.isBlank()) {
            return null;
        }
        Matcher m = DIGITS.matcher(java.text.Normalizer.normalize(volume, java.text.Normalizer.Form.NFKC));
        if (!m.find()) {
            return null;
        }
        String digits = m.group().replaceFirst("^0+(?=\\d)", "");
        return digits.length() > MAX_LENGTH ? null : digits;
    }

    /** The first page of "361-386", "p. 45", "S12-S19" in lower case; null when the pages cannot be read. */
    static String firstPage(String pages) {
        return PageRange.parse(pages).map(PageRange::start).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.length() <= MAX_LENGTH).orElse(null);
    }

    /** Two values agree unless both are known and differ. */
    static boolean agree(String a, String b) {
        return a == null || b == null || a.equals(b);
    }
}
