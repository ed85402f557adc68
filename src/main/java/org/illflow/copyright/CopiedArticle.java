package org.illflow.copyright;

import java.time.Instant;

/**
 * The article of a document delivery request as copyright control sees it: the journal's ISSN and eISSN
 * (normalised, e.g. {@code 0028-0836}; either may be null), its name, the publication year and when it was
 * requested (the calendar year the copy counts in).
 */
public record CopiedArticle(Long requestId, String requestNumber, String issn, String eissn, String journal,
        Integer pubYear, Instant requestedAt) {
}
