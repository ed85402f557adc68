package org.illflow.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.request.RequestBasics;

/**
 * A patron's request to borrow a book from another library. The process moves it; the portal and statistics
 * read it. Patron type and college are copied at submission, so statistics keep what was true then.
 */
@Entity
@Table(name = "loan_request")
public class LoanRequest extends RequestBasics {

    @Column(length = 13)
    private String isbn;

    @Column(length = 100)
    private String edition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private LoanStatus status;

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

    protected LoanRequest() {
    }

    LoanRequest(String requestNumber, String patronCardNumber, String patronType, String college, Citation book,
            String note, String sourceDatabase, Instant at, String submittedBy) {
        super(requestNumber, patronCardNumber, patronType, college, book, note, sourceDatabase, at, submittedBy);
        this.isbn = book.isbn13().orElse(null);
        this.edition = book.edition();
        this.status = LoanStatus.SUBMITTED;
    }

    /** The book as a citation, for the holdings check. */
    public Citation citation() {
        return Citation.builder().genre(CitationGenre.BOOK).title(getTitle()).authors(getAuthors()).isbn(isbn)
                .publisher(getPublisher()).year(getYear()).edition(edition).language(getLanguage()).subjectArea(getSubjectArea())
                .build();
    }

    @Override
    public String statusName() {
        return status.name();
    }

    @Override
    public boolean statusAllowsCancel() {
        return status.cancellable();
    }

    void moveTo(LoanStatus newStatus, String reason, Instant at) {
        this.status = newStatus;
        statusChanged(reason, at);
    }

    void heldLocally(String where, Instant at) {
        heldAt(where);
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
        touched(at);
    }

    void renewed(LocalDate newDue, Instant at) {
        this.dueDate = newDue;
        this.renewalsUsed++;
        this.renewalPending = false;
        moveTo(LoanStatus.ON_LOAN, null, at);
    }

    void renewalRefused(Instant at) {
        this.renewalPending = false;
        touched(at);
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
            touched(at);
        }
    }

    public String getIsbn() {
        return isbn;
    }

    public String getEdition() {
        return edition;
    }

    public LoanStatus getStatus() {
        return status;
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

    /**
     * The last day the patron may collect the book, inclusive: the pickup deadline is the end of that day in the
     * library's time zone. Every page, mail and form shows this date, never the deadline instant's date.
     */
    public java.time.LocalDate lastPickupDay(java.time.ZoneId zone) {
        return pickupDeadline == null ? null : pickupDeadline.minusNanos(1).atZone(zone).toLocalDate();
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

}
