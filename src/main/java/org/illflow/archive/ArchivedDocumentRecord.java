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

    protected ArchivedDocumentRecord() {
    }

    ArchivedDocumentRecord(String sha256, long sizeBytes, int pageCount, String storagePath, ArchiveEntry entry,
            Instant createdAt) {
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.pageCount = pageCount;
        this.storagePath = storagePath;
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
        this.createdAt = createdAt;
    }

    /** What the library paid for this copy, known once the supplier's price is applied to its pages. */
    void recordCost(BigDecimal paid) {
        this.cost = paid;
    }

    ArchivedDocument view() {
        return new ArchivedDocument(id, sha256, sizeBytes, pageCount, title, doiKey, year, issn, supplierCode, cost,
                createdAt, originalRequestNumber);
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

    String getDoiKey() {
        return doiKey;
    }

    String getIssn() {
        return issn;
    }

    String getJournalKey() {
        return journalKey;
    }

    String getVolumeKey() {
        return volumeKey;
    }

    String getFirstPage() {
        return firstPage;
    }
}
