package org.illflow.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One print copy location of a catalogued book or serial, as read from a MARC record.
 *
 * @param title      title proper with remainder ({@code 245$a : $b} or {@code 200$a : $e}), ISBD
 *                   punctuation trimmed; never blank
 * @param isbn13s    valid ISBNs of the record as 13 digits (ISBN-10 converted), without duplicates
 * @param issns      valid ISSNs as {@code NNNN-NNNC}
 * @param callNumber shelf mark, or {@code null} when the record has none
 * @param location   library / shelving location, or {@code null}
 * @param publisher  publisher name, or {@code null}
 * @param year       year of publication, or {@code null}
 * @param edition    edition statement, or {@code null}
 * @param recordId   the record's control number ({@code 001}), or {@code null}
 * @param format     the format the record was recognised as
 */
public record PrintHolding(
        String title,
        List<String> isbn13s,
        List<String> issns,
        String callNumber,
        String location,
        String publisher,
        Integer year,
        String edition,
        String recordId,
        MarcFormat format) {

    public PrintHolding {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        isbn13s = isbn13s == null ? List.of() : List.copyOf(isbn13s);
        issns = issns == null ? List.of() : List.copyOf(issns);
        Objects.requireNonNull(format, "format");
    }

    /** Whether this holding carries the given ISBN-13. */
    public boolean hasIsbn13(String isbn13) {
        return isbn13s.contains(isbn13);
    }

    /** Whether this holding carries the given normalised ISSN ({@code NNNN-NNNC}). */
    public boolean hasIssn(String issn) {
        return issns.contains(issn);
    }
}
