package org.illflow.delivery;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.illflow.request.TimelineEntry;

/** One line of a document delivery request's timeline: the supplier and what the copy cost, when there is one. */
@Entity
@Table(name = "dd_timeline_event")
public class TimelineEvent extends TimelineEntry {

    @Column(name = "supplier_code", length = 20)
    private String supplierCode;

    @Column(precision = 10, scale = 2)
    private BigDecimal cost;

    protected TimelineEvent() {
    }

    TimelineEvent(Long requestId, Instant occurredAt, String actor, String event, String detail, String supplierCode,
            BigDecimal cost) {
        super(requestId, occurredAt, actor, event, detail);
        this.supplierCode = supplierCode;
        this.cost = cost;
    }

    public String getSupplierCode() {
        return supplierCode;
    }

    public BigDecimal getCost() {
        return cost;
    }
}
