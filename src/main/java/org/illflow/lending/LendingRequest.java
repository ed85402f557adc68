package org.illflow.lending;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's request this library lends against, as staff and the statistics see it ({@code lending_request}).
 * {@code status} is the ISO 18626 status last sent to the partner; {@code outcome} is set when the request ends
 * (LOAN_COMPLETED, COPY_COMPLETED, UNFILLED, RETRY_POSSIBLE, CANCELLED).
 */
public record LendingRequest(long id, String lendingNumber, long transactionId, long peerId, String partnerRequestId,
        String serviceType, String suppliedAs, String title, String author, String articleTitle, String isbn,
        String issn, String publisher, String publicationDate, String volume, String issue, String pages,
        LocalDate needBefore, BigDecimal maxCost, String maxCostCurrency, String partnerNote, String holdingInfo,
        String status, String unfilledReason, LocalDate dueDate, int renewals, Long documentId, Instant createdAt,
        Instant shippedAt, Instant receivedAt, Instant returnedAt, Instant closedAt, String outcome) {

    /** The title staff read: the article or chapter with its journal or book, or the book. */
    public String displayTitle() {
        if (articleTitle != null && !articleTitle.isBlank()) {
            return title == null || title.isBlank() ? articleTitle : articleTitle + " — " + title;
        }
        return title == null ? "" : title;
    }

    public boolean open() {
        return closedAt == null;
    }

    /** One timeline line. */
    public record Event(Instant at, String actor, String kind, String detail) {
    }
}
