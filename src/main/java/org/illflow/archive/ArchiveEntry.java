package org.illflow.archive;

import java.math.BigDecimal;
import java.util.Objects;

import org.illflow.citation.Citation;
import org.illflow.citation.TitleKey;

/**
 * What the archive records with a delivered full text: the match keys of the citation it was ordered for, who
 * supplied it at what cost, and the request it was delivered for. Build it from the request's citation with
 * {@link #of(Citation, String, BigDecimal, String)}; blank values become null.
 *
 * @param doiKey        the DOI's match key (lower case, no resolver prefix)
 * @param title         the title as the patron gave it, for display
 * @param titleKey      {@link TitleKey#of(String)} of the title
 * @param issn          print ISSN as NNNN-NNNC
 * @param journalKey    {@link TitleKey#of(String)} of the journal (or book, proceedings) title
 * @param volumeKey     the volume number's digits
 * @param firstPage     the first page, lower case
 * @param supplierCode  the supplier that delivered it
 * @param cost          what the library paid for it
 * @param requestNumber the request it was delivered for; required
 */
public record ArchiveEntry(
        String doiKey,
        String title,
        String titleKey,
        Integer year,
        String issn,
        String journalKey,
        String volumeKey,
        String firstPage,
        String supplierCode,
        BigDecimal cost,
        String requestNumber) {

    private static final int MAX_TEXT = 1000;

    public ArchiveEntry {
        doiKey = blankToNull(doiKey);
        title = cut(blankToNull(title));
        titleKey = blankToNull(titleKey);
        if (titleKey == null && title != null) {
            titleKey = blankToNull(TitleKey.of(title));
        }
        titleKey = cut(titleKey);
        issn = blankToNull(issn);
        journalKey = cut(blankToNull(journalKey));
        volumeKey = blankToNull(volumeKey);
        firstPage = blankToNull(firstPage);
        supplierCode = blankToNull(supplierCode);
        requestNumber = blankToNull(requestNumber);
        Objects.requireNonNull(requestNumber, "requestNumber");
        if (cost != null && cost.signum() < 0) {
            throw new IllegalArgumentException("cost cannot be negative: " + cost);
        }
    }

    /** The entry for a full text delivered for a request with this citation. */
    public static ArchiveEntry of(Citation citation, String supplierCode, BigDecimal cost, String requestNumber) {
        return new ArchiveEntry(
                citation.doiKey().orElse(null),
                citation.title(),
                citation.titleKey(),
                citation.year(),
                citation.issnValue().orElse(null),
                TitleKey.of(citation.journal()),
                MatchKeys.volume(citation.volume()),
                MatchKeys.firstPage(citation.pages()),
                supplierCode,
                cost,
                requestNumber);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }
}
