package org.illflow.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.illflow.citation.Citation;

/**
 * The columns every request record has, article or book: its number, its patron (card, type and college as they
 * were when it was sent, for statistics), what was asked for in general terms, why its status is what it is,
 * where the library holds it, its process instance, when it was sent, changed and closed. Each service's entity
 * adds its status and what is its own (journal and pages, edition and due date …) in its own table.
 */
@MappedSuperclass
public abstract class RequestBasics implements RequestRecord {

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

    @Column(nullable = false, length = 1000)
    private String title;

    @Column(length = 1000)
    private String authors;

    @Column(length = 500)
    private String publisher;

    @Column(name = "pub_year")
    private Integer year;

    @Column(name = "doc_language", length = 10)
    private String language;

    @Column(name = "subject_area", length = 10)
    private String subjectArea;

    @Column(length = 1000)
    private String note;

    /** The database the request came from by OpenURL ({@code rfr_id} / {@code sid}); null when typed in. */
    @Column(name = "source_database", length = 100)
    private String sourceDatabase;

    @Column(name = "status_reason", length = 1000)
    private String statusReason;

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

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The day the patron needs it by (optional; {@link NeededBy}): staff queues sort by it. */
    @Column(name = "needed_by")
    private java.time.LocalDate neededBy;

    @Version
    private int version;

    protected RequestBasics() {
    }

    protected RequestBasics(String requestNumber, String patronCardNumber, String patronType, String college,
            Citation citation, String note, String sourceDatabase, Instant at, String submittedBy) {
        this.requestNumber = requestNumber;
        this.patronCardNumber = patronCardNumber;
        this.patronType = patronType;
        this.college = college;
        // a request by DOI or PMID alone is named by it until staff complete the citation
        this.title = citation.title() != null ? citation.title()
                : citation.doi() != null ? "DOI " + citation.doi()
                : citation.pmid() != null ? "PMID " + citation.pmid() : null;
        this.authors = citation.authors();
        this.publisher = citation.publisher();
        this.year = citation.year();
        this.language = citation.language();
        this.subjectArea = citation.subjectArea();
        this.note = note;
        this.sourceDatabase = sourceDatabase;
        this.submittedAt = at;
        this.updatedAt = at;
        this.submittedBy = submittedBy;
    }

    /** The status changed (the subclass holds it): why, and when. */
    protected void statusChanged(String reason, Instant at) {
        this.statusReason = reason;
        this.updatedAt = at;
    }

    /** Something else on the record changed. */
    protected void touched(Instant at) {
        this.updatedAt = at;
    }

    protected void heldAt(String where) {
        this.holdingInfo = where;
    }

    /** The patron's needed-by date, given with the request (null: none). */
    public void neededBy(java.time.LocalDate day) {
        this.neededBy = day;
    }

    /** Puts the needed-by date (yyyy-MM-dd) among the lifecycle's start variables, when the patron gave one. */
    public void neededByInto(java.util.Map<String, Object> variables) {
        if (neededBy != null) {
            variables.put(StartForm.NEEDED_BY, neededBy.toString());
        }
    }

    public java.time.LocalDate getNeededBy() {
        return neededBy;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The lifecycle has ended (its process instance finished): the record is final. */
    public void closed(Instant at) {
        if (closedAt == null) {
            this.closedAt = at;
        }
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public String getRequestNumber() {
        return requestNumber;
    }

    @Override
    public String getPatronCardNumber() {
        return patronCardNumber;
    }

    public String getPatronType() {
        return patronType;
    }

    public String getCollege() {
        return college;
    }

    public String getTitle() {
        return title;
    }

    public String getAuthors() {
        return authors;
    }

    public String getPublisher() {
        return publisher;
    }

    public Integer getYear() {
        return year;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubjectArea() {
        return subjectArea;
    }

    public String getNote() {
        return note;
    }

    public String getSourceDatabase() {
        return sourceDatabase;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getHoldingInfo() {
        return holdingInfo;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    @Override
    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public Instant getClosedAt() {
        return closedAt;
    }
}
