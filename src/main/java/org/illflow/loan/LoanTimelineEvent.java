package org.illflow.loan;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a loan request's timeline. Never changed once written. */
@Entity
@Table(name = "loan_timeline_event")
public class LoanTimelineEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 30)
    private String event;

    @Column(length = 1000)
    private String detail;

    @Column(name = "lender_code", length = 20)
    private String lenderCode;

    /** What this step cost: the borrowing fee, the shipping, or the patron's overdue fee. */
    @Column(precision = 10, scale = 2)
    private BigDecimal amount;

    protected LoanTimelineEvent() {
    }

    LoanTimelineEvent(Long requestId, Instant occurredAt, String actor, String event, String detail,
            String lenderCode, BigDecimal amount) {
        this.requestId = requestId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.event = event;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.lenderCode = lenderCode;
        this.amount = amount;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getEvent() {
        return event;
    }

    public String getDetail() {
        return detail;
    }

    public String getLenderCode() {
        return lenderCode;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
