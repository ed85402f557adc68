package org.illflow.delivery;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.request.RequestBasics;

/** A patron's request for a copy (article, chapter, paper). The process moves it; the portal reads it. */
@Entity
@Table(name = "document_delivery_request")
public class DocumentDeliveryRequest extends RequestBasics {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private CitationGenre genre;

    @Column(length = 1000)
    private String journal;

    @Column(length = 9)
    private String issn;

    @Column(length = 9)
    private String eissn;

    @Column(length = 17)
    private String isbn;

    @Column(length = 300)
    private String doi;

    @Column(length = 20)
    private String pmid;

    @Column(length = 50)
    private String volume;

    @Column(length = 50)
    private String issue;

    @Column(length = 50)
    private String pages;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private DeliveryStatus status;

    @Column(name = "supplier_code", length = 20)
    private String supplierCode;

    @Column(precision = 10, scale = 2)
    private BigDecimal cost;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected DocumentDeliveryRequest() {
    }

    DocumentDeliveryRequest(String requestNumber, String patronCardNumber, String patronType, String college,
            Citation citation, String note, Instant at, String submittedBy) {
        super(requestNumber, patronCardNumber, patronType, college, citation, note, at, submittedBy);
        this.genre = citation.genre();
        this.journal = citation.journal();
        this.issn = citation.issnValue().orElse(null);
        this.eissn = org.illflow.citation.Issn.tryParse(citation.eissn()).map(org.illflow.citation.Issn::value)
                .orElse(null);
        this.isbn = citation.isbn13().orElse(null);
        this.doi = citation.doi();
        this.pmid = citation.pmid();
        this.volume = citation.volume();
        this.issue = citation.issue();
        this.pages = citation.pages();
        this.status = DeliveryStatus.SUBMITTED;
    }

    public Citation citation() {
        return Citation.builder().genre(genre).title(getTitle()).authors(getAuthors()).journal(journal).issn(issn).eissn(eissn)
                .isbn(isbn).doi(doi).pmid(pmid).volume(volume).issue(issue).pages(pages).year(getYear())
                .publisher(getPublisher()).language(getLanguage()).subjectArea(getSubjectArea()).build();
    }

    @Override
    public String statusName() {
        return status.name();
    }

    @Override
    public boolean statusAllowsCancel() {
        return status.cancellable();
    }

    void moveTo(DeliveryStatus newStatus, String reason, Instant at) {
        this.status = newStatus;
        statusChanged(reason, at);
    }

    void orderedFrom(String supplier, Instant at) {
        this.supplierCode = supplier;
        moveTo(DeliveryStatus.ORDERED, null, at);
    }

    void delivered(DeliveryStatus how, long document, String supplier, BigDecimal cost, Instant at) {
        this.documentId = document;
        this.supplierCode = supplier;
        this.cost = cost;
        this.deliveredAt = at;
        moveTo(how, null, at);
    }

    void heldLocally(String where, Instant at) {
        heldAt(where);
        moveTo(DeliveryStatus.HELD_LOCALLY, null, at);
    }

    public CitationGenre getGenre() {
        return genre;
    }

    public String getJournal() {
        return journal;
    }

    public String getIssn() {
        return issn;
    }

    public String getDoi() {
        return doi;
    }

    public String getVolume() {
        return volume;
    }

    public String getIssue() {
        return issue;
    }

    public String getPages() {
        return pages;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public String getSupplierCode() {
        return supplierCode;
    }

    public BigDecimal getCost() {
        return cost;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
