package org.illflow.delivery;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;

/** A patron's request for a copy (article, chapter, paper). The process moves it; the portal reads it. */
@Entity
@Table(name = "document_delivery_request")
public class DocumentDeliveryRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_number", nullable = false, length = 20)
    private String requestNumber;

    @Column(name = "patron_card_number", nullable = false, length = 20)
    private String patronCardNumber;

    @Column(name = "patron_type", nullable = false, length = 20)
    private String patronType;

    @Column(nullable = false, length = 100)
    private String college;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private CitationGenre genre;

    @Column(nullable = false, length = 1000)
    private String title;

    @Column(length = 1000)
    private String authors;

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

    @Column(name = "pub_year")
    private Integer year;

    @Column(length = 500)
    private String publisher;

    @Column(name = "doc_language", length = 10)
    private String language;

    @Column(name = "subject_area", length = 10)
    private String subjectArea;

    @Column(length = 1000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private DeliveryStatus status;

    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    @Column(name = "supplier_code", length = 20)
    private String supplierCode;

    @Column(precision = 10, scale = 2)
    private BigDecimal cost;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "holding_info", length = 1000)
    private String holdingInfo;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private int version;

    protected DocumentDeliveryRequest() {
    }

    DocumentDeliveryRequest(String requestNumber, String patronCardNumber, String patronType, String college,
            Citation citation, String note, Instant at, String submittedBy) {
        this.requestNumber = requestNumber;
        this.patronCardNumber = patronCardNumber;
        this.patronType = patronType;
        this.college = college;
        this.genre = citation.genre();
        this.title = citation.title();
        this.authors = citation.authors();
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
        this.year = citation.year();
        this.publisher = citation.publisher();
        this.language = citation.language();
        this.subjectArea = citation.subjectArea();
        this.note = note;
        this.status = DeliveryStatus.SUBMITTED;
        this.submittedAt = at;
        this.updatedAt = at;
        this.submittedBy = submittedBy;
    }

    public Citation citation() {
        return Citation.builder().genre(genre).title(title).authors(authors).journal(journal).issn(issn).eissn(eissn)
                .isbn(isbn).doi(doi).pmid(pmid).volume(volume).issue(issue).pages(pages).year(year)
                .publisher(publisher).language(language).subjectArea(subjectArea).build();
    }

    /** The lifecycle has ended (its process instance finished): the record is final. */
    void closed(Instant at) {
        if (closedAt == null) {
            this.closedAt = at;
        }
    }

    /** The patron may still cancel: the status allows it and the lifecycle has not ended. */
    public boolean isCancellable() {
        return closedAt == null && status.cancellable();
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    void moveTo(DeliveryStatus newStatus, String reason, Instant at) {
        this.status = newStatus;
        this.statusReason = reason;
        this.updatedAt = at;
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
        this.holdingInfo = where;
        moveTo(DeliveryStatus.HELD_LOCALLY, null, at);
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public String getRequestNumber() {
        return requestNumber;
    }

    public String getPatronCardNumber() {
        return patronCardNumber;
    }

    public String getPatronType() {
        return patronType;
    }

    public String getCollege() {
        return college;
    }

    public CitationGenre getGenre() {
        return genre;
    }

    public String getTitle() {
        return title;
    }

    public String getAuthors() {
        return authors;
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

    public Integer getYear() {
        return year;
    }

    public String getSubjectArea() {
        return subjectArea;
    }

    public String getLanguage() {
        return language;
    }

    public String getNote() {
        return note;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
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

    public String getHoldingInfo() {
        return holdingInfo;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
