package org.illflow.citation;

import java.util.Locale;

/** What kind of thing is asked for, which decides between a copy and a loan. */
public enum CitationGenre {
    ARTICLE,
    BOOK,
    CHAPTER,
    PROCEEDING,
    UNKNOWN;

    /** Only a whole book travels as a loan and comes back; everything else is delivered as a copy. */
    public boolean returnable() {
        return this == BOOK;
    }

    /** Maps the OpenURL {@code genre} values of the journal and book formats; anything else is UNKNOWN. */
    public static CitationGenre fromOpenUrl(String genre) {
        if (genre == null) {
            return UNKNOWN;
        }
        return switch (genre.strip().toLowerCase(Locale.ROOT)) {
            case "article", "journal", "issue", "preprint", "conference" -> ARTICLE;
            case "proceeding" -> PROCEEDING;
            case "book", "report", "document" -> BOOK;
            case "bookitem" -> CHAPTER;
            default -> UNKNOWN;
        };
    }
}
