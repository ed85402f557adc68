package org.illflow.delivery;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.illflow.archive.ArticleKeys;
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

    /** Keys to find requests for the same article (see {@link org.illflow.archive.ArticleKeys}). */
    @Column(name = "doi_match", length = 80)
    private String doiMatch;

    @Column(name = "title_match", length = 80)
    private String titleMatch;

    /** When it went on to ordering: while it is open, new requests for the same article wait for it. */
    @Column(name = "ordering_since")
    private Instant orderingSince;

    /** The open request for the same article this one waits for, if any. */
    @Column(name = "waiting_for")
    private Long waitingFor;

    /** The PDF staff attached on the Receive task, waiting for "Copy received" (not yet in the duplicate index). */
    @Column(name = "pending_document_id")
    private Long pendingDocumentId;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected DocumentDeliveryRequest() {
    }

    DocumentDeliveryRequest(String requestNumber, String patronCardNumber, String patronType, String college,
            Citation citation, String note, String sourceDatabase, Instant at, String submittedBy) {
        super(requestNumber, patronCardNumber, patronType, college, citation, note, sourceDatabase, at, submittedBy);
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
        ArticleKeys keys = ArticleKeys.of(citation);
        this.doiMatch = keys.doiHash();
        this.titleMatch = keys.titleHash();
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

    void waitFor(Long requestId) {
        this.waitingFor = requestId;
    }

    void startOrdering(Instant at) {
        this.orderingSince = at;
    }

    /** Attaches an upload to wait for "Copy received"; returns the upload it replaces, if any. */
    Long attachPendingCopy(long documentId) {
        Long replaced = pendingDocumentId;
        pendingDocumentId = documentId;
        return replaced == null || replaced == documentId ? null : replaced;
    }

    /** Forgets the upload waiting for confirmation (delivered, or the request went on without it); returns it. */
    Long takePendingCopy() {
        Long pending = pendingDocumentId;
        pendingDocumentId = null;
        return pending;
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

    public String getEissn() {
        return eissn;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getPmid() {
        return pmid;
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

    public Instant getOrderingSince() {
        return orderingSince;
    }

    public Long getWaitingFor() {
        return waitingFor;
    }

    public Long getPendingDocumentId() {
        return pendingDocumentId;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
