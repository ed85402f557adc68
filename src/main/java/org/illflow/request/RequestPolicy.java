package org.illflow.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The library's choice (one row) for a patron who has spent the year's budget: an admin approves, or refused. */
@Entity
@Table(name = "request_policy")
public class RequestPolicy {

    static final long LIBRARY = 1L;

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "over_budget", nullable = false, length = 10)
    private OverLimit overBudget;

    @Version
    private int version;

    protected RequestPolicy() {
    }

    public OverLimit getOverBudget() {
        return overBudget;
    }

    void overBudget(OverLimit choice) {
        this.overBudget = choice;
    }
}
