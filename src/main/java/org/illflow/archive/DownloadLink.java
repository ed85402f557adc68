package org.illflow.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A patron's link to one archived full text for one request, until it expires. */
@Entity
@Table(name = "download_link")
class DownloadLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String token;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "request_number", nullable = false, length = 40)
    private String requestNumber;

    @Column(name = "patron_user_id", nullable = false, length = 64)
    private String patronUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected DownloadLink() {
    }

    DownloadLink(String token, Long documentId, String requestNumber, String patronUserId, Instant createdAt,
            Instant expiresAt) {
        this.token = token;
        this.documentId = documentId;
        this.requestNumber = requestNumber;
        this.patronUserId = patronUserId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    Long getId() {
        return id;
    }

    Long getDocumentId() {
        return documentId;
    }

    String getRequestNumber() {
        return requestNumber;
    }

    String getPatronUserId() {
        return patronUserId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
