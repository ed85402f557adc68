package org.illflow.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

/**
 * A patron's request to borrow a book from another library. The process moves it; the portal and statistics
 * read it. Patron type and college are copied at submission, so statistics keep what was true then.
 */
@Entity
@Table(name = "loan_request")
public class LoanRequest {

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

    @Column(length = 13)
    private String isbn;

    @Column(length = 500)
    private String publisher;

    @Column(name = "pub_year")
    private Integer year;

    @Column(length = 100)
    private String edition;

    @Column(name = "doc_language", length = 10)
    private String language;

    @Column(name = "subject_area", length = 10)
    private String subjectArea;

    @Column(length = 1000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private LoanStatus status;

    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    @Column(name = "holding_info", length = 1000)
    private String holdingInfo;

    @Column(name = "lender_code", length = 20)
    private String lenderCode;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "arrived_at")
    private Instant arrivedAt;

    @Column(name = "pickup_deadline")
    private Instant pickupDeadline;

    @Column(name = "checked_out_at")
    private Instant checkedOutAt;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "renewals_used", nullable = false)
    private int renewalsUsed;

    @Column(name = "renewals_requested", nullable = false)
    private int renewalsRequested;

    @Column(name = "renewal_pending", nullable = false)
    private boolean renewalPending;

    @Column(name = "overdue_notices", nullable = false)
    private int overdueNotices;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "overdue_days")
    private Integer overdueDays;

    @Column(name = "overdue_fee", precision = 10, scale = 2)
    private BigDecimal overdueFee;

    @Column(name = "borrowing_fee", precision = 10, scale = 2)
    private BigDecimal borrowingFee;

    @Column(name = "shipping_cost", precision = 10, scale = 2)
    private BigDecimal shippingCost;

    @Column(name = "sent_back_at")
    private Instant sentBackAt;

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

    @Version
    private int version;

    protected LoanRequest() {
    }

    LoanRequest(String requestNumber, String patronCardNumber, String patronType, String college, Citation book,
            String note, Instant at, String submittedBy) {
        this.requestNumber = requestNumber;
        this.patronCardNumber = patronCardNumber;
        this.patronType = patronType;
        this.college = college;
        this.title = book.title();
        this.authors = book.authors();
        this.isbn = book.isbn13().orElse(null);
        this.publisher = book.publisher();
        this.year = book.year();
        this.edition = book.edition();
        this.language = book.language();
        this.subjectArea = book.subjectArea();
        this.note = note;
        this.status = LoanStatus.SUBMITTED;
        this.submittedAt = at;
        this.updatedAt = at;
        this.submittedBy = submittedBy;
    }

    /** The book as a citation, for the holdings check. */
    public Citation citation() {
        return Citation.builder().genre(CitationGenre.BOOK).title(title).authors(authors).isbn(isbn)
                .publisher(publisher).year(year).edition(edition).language(language).subjectArea(subjectArea)
                .build();
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

    void moveTo(LoanStatus newStatus, String reason, Instant at) {
        this.status = newStatus;
        this.statusReason = reason;
        this.updatedAt = at;
    }

    void heldLocally(String where, Instant at) {
        this.holdingInfo = where;
        moveTo(LoanStatus.HELD_LOCALLY, null, at);
    }

    void requestedFrom(String lender, Instant at) {
        this.lenderCode = lender;
        this.requestedAt = at;
        moveTo(LoanStatus.REQUESTED, null, at);
    }

    void arrived(BigDecimal fee, Instant deadline, Instant at) {
        this.arrivedAt = at;
        this.borrowingFee = fee;
        this.pickupDeadline = deadline;
        moveTo(LoanStatus.SATISFIED, null, at);
    }

    void checkedOut(LocalDate due, Instant at) {
        this.checkedOutAt = at;
        this.dueDate = due;
        moveTo(LoanStatus.ON_LOAN, null, at);
    }

    void renewalAsked(Instant at) {
        this.renewalPending = true;
        this.renewalsRequested++;
        this.updatedAt = at;
    }

    void renewed(LocalDate newDue, Instant at) {
        this.dueDate = newDue;
        this.renewalsUsed++;
        this.renewalPending = false;
        moveTo(LoanStatus.ON_LOAN, null, at);
    }

    void renewalRefused(Instant at) {
        this.renewalPending = false;
        this.updatedAt = at;
    }

    /** A recall cuts short any renewal that was being asked for. */
    void recalled(LocalDate newDue, String reason, Instant at) {
        this.dueDate = newDue;
        this.renewalPending = false;
        moveTo(LoanStatus.ON_LOAN, reason, at);
    }

    void overdueNoticeDue(Instant at) {
        this.overdueNotices++;
        moveTo(LoanStatus.OVERDUE, null, at);
    }

    void returned(int daysOverdue, BigDecimal fee, Instant at) {
        this.returnedAt = at;
        this.overdueDays = daysOverdue;
        this.overdueFee = fee;
        this.renewalPending = false;
        moveTo(LoanStatus.RETURNED, null, at);
    }

    /** The book is back with the lender: a returned loan is complete; a cancelled request stays cancelled. */
    void sentBack(BigDecimal shipping, Instant at) {
        this.shippingCost = shipping;
        this.sentBackAt = at;
        if (status == LoanStatus.RETURNED) {
            moveTo(LoanStatus.COMPLETED, null, at);
        } else {
            this.updatedAt = at;
        }
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

    public String getTitle() {
        return title;
    }

    public String getAuthors() {
        return authors;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getPublisher() {
        return publisher;
    }

    public Integer getYear() {
        return year;
    }

    public String getEdition() {
        return edition;
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

    public LoanStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getHoldingInfo() {
        return holdingInfo;
    }

    public String getLenderCode() {
        return lenderCode;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getArrivedAt() {
        return arrivedAt;
    }

    public Instant getPickupDeadline() {
        return pickupDeadline;
    }

    public Instant getCheckedOutAt() {
        return checkedOutAt;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public int getRenewalsUsed() {
        return renewalsUsed;
    }

    public int getRenewalsRequested() {
        return renewalsRequested;
    }

    public boolean isRenewalPending() {
        return renewalPending;
    }

    public int getOverdueNotices() {
        return overdueNotices;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public Integer getOverdueDays() {
        return overdueDays;
    }

    public BigDecimal getOverdueFee() {
        return overdueFee;
    }

    public BigDecimal getBorrowingFee() {
        return borrowingFee;
    }

    public BigDecimal getShippingCost() {
        return shippingCost;
    }

    public Instant getSentBackAt() {
        return sentBackAt;
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
}
