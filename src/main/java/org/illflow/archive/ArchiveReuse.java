package org.illflow.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A request answered from the archive instead of by a new order. */
@Entity
@Table(name = "archive_reuse")
class ArchiveReuse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private Long documentId;

    @Column(name = "request_number", nullable = false, length = 40)
    private String requestNumber;

    @Column(name = "reused_at", nullable = false)
    private Instant reusedAt;

    protected ArchiveReuse() {
    }

    ArchiveReuse(Long documentId, String requestNumber, Instant reusedAt) {
        this.documentId = documentId;
        this.requestNumber = requestNumber;
        this.reusedAt = reusedAt;
    }
}
