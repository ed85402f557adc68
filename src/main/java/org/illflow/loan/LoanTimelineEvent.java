package org.illflow.loan;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.illflow.request.TimelineEntry;

/** One line of a loan request's timeline: the lender and the amount (fee, shipping or overdue fee), if any. */
@Entity
@Table(name = "loan_timeline_event")
public class LoanTimelineEvent extends TimelineEntry {

    @Column(name = "lender_code", length = 20)
    private String lenderCode;

    @Column(precision = 10, scale = 2)
    private BigDecimal amount;

    protected LoanTimelineEvent() {
    }

    LoanTimelineEvent(Long requestId, Instant occurredAt, String actor, String event, String detail, String lenderCode,
            BigDecimal amount) {
        super(requestId, occurredAt, actor, event, detail);
        this.lenderCode = lenderCode;
        this.amount = amount;
    }

    public String getLenderCode() {
        return lenderCode;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
