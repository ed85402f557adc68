package org.illflow.archive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A citation delivered before (imported history), in the duplicate index without a file. */
@Entity
@Table(name = "archived_citation")
class ArchivedCitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "doi_key", length = 300)
    private String doiKey;

    @Column(nullable = false, length = 1000)
    private String title;

    @Column(name = "title_key", nullable = false, length = 1000)
    private String titleKey;

    @Column(name = "pub_year")
    private Integer year;

    @Column(length = 9)
    private String issn;

    @Column(name = "journal_key", length = 1000)
    private String journalKey;

    @Column(name = "supplier_code", length = 20)
    private String supplierCode;

    @Column(name = "request_number", nullable = false, length = 40)
    private String requestNumber;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(nullable = false, length = 200)
    private String source;

    protected ArchivedCitation() {
    }

    ArchivedCitation(ArchiveEntry entry, Instant deliveredAt, String source) {
        this.doiKey = entry.doiKey();
        this.title = entry.title();
        this.titleKey = entry.titleKey();
        this.year = entry.year();
        this.issn = entry.issn();
        this.journalKey = entry.journalKey();
        this.supplierCode = entry.supplierCode();
        this.requestNumber = entry.requestNumber();
        this.deliveredAt = deliveredAt;
        this.source = source;
    }

    PriorDelivery view() {
        return new PriorDelivery(requestNumber, title, supplierCode, deliveredAt, source);
    }

    ArticleKeys keys() {
        return ArticleKeys.stored(doiKey, titleKey, year, issn, journalKey, null, null);
    }
}
