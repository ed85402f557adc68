package org.illflow.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.illflow.citation.TitleKey;

/** A print item on the library's shelves, as imported from a MARC record. */
@Entity
@Table(name = "print_holding")
class PrintHoldingRecord {

    /** Column sizes (V2__holdings.sql): the MARC reader reports a record with a longer value as a bad record. */
    static final int MAX_TITLE = 1000;
    static final int MAX_CALL_NUMBER = 200;
    static final int MAX_LOCATION = 300;
    static final int MAX_PUBLISHER = 500;
    static final int MAX_EDITION = 200;
    static final int MAX_RECORD_ID = 100;

    /** Throws IllegalArgumentException naming the first value of the holding that its column cannot take. */
    static void checkFits(PrintHolding h) {
        fits("title", h.title(), MAX_TITLE);
        fits("record id", h.recordId(), MAX_RECORD_ID);
        fits("call number", h.callNumber(), MAX_CALL_NUMBER);
        fits("location", h.location(), MAX_LOCATION);
        fits("edition", h.edition(), MAX_EDITION);
        fits("publisher", h.publisher(), MAX_PUBLISHER);
    }

    private static void fits(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String source;

    @Column(nullable = false, length = 1000)
    private String title;

    @Column(name = "title_key", nullable = false, length = 1000)
    private String titleKey;

    @Column(name = "call_number", length = 200)
    private String callNumber;

    @Column(length = 300)
    private String location;

    @Column(length = 500)
    private String publisher;

    @Column(name = "pub_year")
    private Integer year;

    @Column(length = 200)
    private String edition;

    @Column(name = "record_id", length = 100)
    private String recordId;

    @Enumerated(EnumType.STRING)
    @Column(name = "marc_format", nullable = false, length = 10)
    private MarcFormat format;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @OneToMany(mappedBy = "holding", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PrintHoldingIdentifier> identifiers = new ArrayList<>();

    protected PrintHoldingRecord() {
    }

    PrintHoldingRecord(String source, PrintHolding holding, Instant importedAt) {
        this.source = source;
        this.title = holding.title();
        this.titleKey = TitleKey.of(holding.title());
        this.callNumber = holding.callNumber();
        this.location = holding.location();
        this.publisher = holding.publisher();
        this.year = holding.year();
        this.edition = holding.edition();
        this.recordId = holding.recordId();
        this.format = holding.format();
        this.importedAt = importedAt;
        holding.isbn13s().forEach(isbn -> identifiers.add(new PrintHoldingIdentifier(this, "ISBN", isbn)));
        holding.issns().forEach(issn -> identifiers.add(new PrintHoldingIdentifier(this, "ISSN", issn)));
    }

    String getTitle() {
        return title;
    }

    String getCallNumber() {
        return callNumber;
    }

    String getLocation() {
        return location;
    }
}
