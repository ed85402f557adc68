package org.illflow.archive;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One distinct full text (by SHA-256) in the file store, with the citation keys it was delivered for. */
@Entity
@Table(name = "archived_document")
class ArchivedDocumentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "page_count", nullable = false)
    private int pageCount;

    @Column(name = "storage_path", nullable = false, length = 200)
    private String storagePath;

    @Column(name = "doi_key", length = 500)
    private String doiKey;

    @Column(length = 1000)
    private String title;

    @Column(name = "title_key", length = 1000)
    private String titleKey;

    @Column(name = "pub_year")
    private Integer year;

    @Column(length = 9)
    private String issn;

    @Column(name = "journal_key", length = 1000)
    private String journalKey;

    @Column(name = "volume_key", length = 20)
    private String volumeKey;

    @Column(name = "first_page", length = 20)
    private String firstPage;

    @Column(name = "supplier_code", length = 50)
    private String supplierCode;

    @Column(precision = 10, scale = 2)
    private BigDecimal cost;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "original_request_number", nullable = false, length = 40)
    private String originalRequestNumber;

    /** Staff confirmed the delivery ("Copy received"); only confirmed copies are found as duplicates. */
    @Column(nullable = false)
    private boolean confirmed;

    protected ArchivedDocumentRecord() {
    }

    ArchivedDocumentRecord(String sha256, long sizeBytes, int pageCount, String storagePath, ArchiveEntry entry,
            Instant createdAt) {
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.pageCount = pageCount;
        this.storagePath = storagePath;
        this.createdAt = createdAt;
        describe(entry);
    }

    /** The match keys, supplier, cost and request of the delivery this copy answers. */
    private void describe(ArchiveEntry entry) {
        this.doiKey = entry.doiKey();
        this.title = entry.title();
        this.titleKey = entry.titleKey();
        this.year = entry.year();
        this.issn = entry.issn();
        this.journalKey = entry.journalKey();
        this.volumeKey = entry.volumeKey();
        this.firstPage = entry.firstPage();
        this.supplierCode = entry.supplierCode();
        this.cost = entry.cost();
        this.originalRequestNumber = entry.requestNumber();
    }

    /**
     * The delivery is confirmed: the copy joins the duplicate index under the keys of the request that confirmed
     * it. A copy confirmed before (the same PDF delivered for an earlier request) keeps its first description.
     */
    void confirm(ArchiveEntry entry) {
        if (!confirmed) {
            describe(entry);
            confirmed = true;
        }
    }

    boolean isConfirmed() {
        return confirmed;
    }

    /** What the library paid for this copy, known once the supplier's price is applied to its pages. */
    void recordCost(BigDecimal paid) {
        this.cost = paid;
    }

    ArchivedDocument view() {
        return new ArchivedDocument(id, sha256, sizeBytes, pageCount, title, doiKey, year, issn, supplierCode, cost,
                createdAt, originalRequestNumber, confirmed);
    }

    ArticleKeys keys() {
        return ArticleKeys.stored(doiKey, titleKey, year, issn, journalKey, volumeKey, firstPage);
    }

    String getSha256() {
        return sha256;
    }

    Long getId() {
        return id;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getStoragePath() {
        return storagePath;
    }
}
