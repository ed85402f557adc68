package org.illflow.citation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A match key for titles: two spellings of the same title that differ only in width, case,
 * punctuation or spacing get the same key. Articles ("The", "A") are kept on purpose, so the key
 * stays easy to predict for a librarian looking at two records.
 */
public final class TitleKey {

    private TitleKey() {
    }

    /** The key of a title; "" for null or blank. */
    public static String of(String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        // NFKC turns full-width Latin letters, digits, colons and the ideographic space into their
        // ordinary forms, so text typed with a Chinese input method matches text typed without.
        String folded = Normalizer.normalize(
                Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(TitleKey::isWordMaterial).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static boolean isWordMaterial(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    // format characters (zero-width space, soft hyphen) come along invisibly with pasted titles
                    Character.CONTROL, Character.FORMAT -> false;
            default -> true;
        };
    }
}
