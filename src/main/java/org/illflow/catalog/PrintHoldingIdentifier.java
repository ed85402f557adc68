package org.illflow.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An ISBN-13 or ISSN of a print holding. */
@Entity
@Table(name = "print_holding_identifier")
class PrintHoldingIdentifier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "holding_id")
    private PrintHoldingRecord holding;

    @Column(nullable = false, length = 4)
    private String kind;

    @Column(name = "id_value", nullable = false, length = 13)
    private String value;

    protected PrintHoldingIdentifier() {
    }

    PrintHoldingIdentifier(PrintHoldingRecord holding, String kind, String value) {
        this.holding = holding;
        this.kind = kind;
        this.value = value;
    }
}
