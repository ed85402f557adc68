package org.illflow.citation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reduces typed ISSN/ISBN text to its bare characters before the check digit is tested. */
final class IdentifierText {

    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s\\p{Pd}]+");

    private IdentifierText() {
    }

    /**
     * NFKC first, because Chinese input methods easily produce full-width digits and hyphens
     * ("０３１７－８４７１"); a label such as "ISBN-13:" copied from a catalogue is dropped too.
     */
    static String compact(String raw, Pattern label) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        text = label.matcher(text).replaceFirst("");
        return SPACES_AND_DASHES.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }

    static boolean isAsciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
