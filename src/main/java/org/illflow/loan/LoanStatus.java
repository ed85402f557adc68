package org.illflow.loan;

/** The status of an inter-library loan request, as the patron sees it. */
public enum LoanStatus {
    SUBMITTED,
    /** The library holds the book; the patron was told the call number and location. */
    HELD_LOCALLY,
    /** Asked of a lender (which one is on the request). */
    REQUESTED,
    /** 已满足: the book has arrived and waits at the circulation desk until the pickup deadline. */
    SATISFIED,
    /** Lent to the patron until the due date. */
    ON_LOAN,
    /** The due date has passed and the book is not back. */
    OVERDUE,
    /** Back from the patron (overdue days and fee recorded), not yet sent back to the lender. */
    RETURNED,
    /** Sent back to the lender. */
    COMPLETED,
    UNFILLED,
    /** Cancelled by the patron or staff, or not collected in time. */
    CANCELLED,
    /** Not accepted: the patron's account is not active (the same end as a document delivery request). */
    REJECTED;

    /** The patron may still cancel: the book has not been checked out and the request is open. */
    public boolean cancellable() {
        return this == SUBMITTED || this == HELD_LOCALLY || this == REQUESTED || this == SATISFIED;
    }

    /** The patron has the book. */
    public boolean onLoan() {
        return this == ON_LOAN || this == OVERDUE;
    }
}
