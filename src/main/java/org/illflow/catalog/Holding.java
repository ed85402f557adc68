package org.illflow.catalog;

/**
 * Where the library already has an item: a subscribed e-journal (link) or a print copy (call number and
 * location).
 *
 * @param matchedBy how it was found: ISSN, ISBN or TITLE
 */
public record Holding(Kind kind, String title, String url, String callNumber, String location, String matchedBy) {

    public enum Kind {
        E_JOURNAL,
        PRINT
    }
}
