package org.illflow.request;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The limits of one patron type, or of one college within it (a college's row wins over the type's): open
 * requests at a time, requests per calendar year, and the cost the library pays for them in a year (CNY). Null
 * is no limit.
 */
@Entity
@Table(name = "patron_limit")
public class PatronLimit {

    /** The college of a row that applies to every college of its type. */
    public static final String EVERY_COLLEGE = "";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patron_type", nullable = false, length = 20)
    private String patronType;

    @Column(nullable = false, length = 100)
    private String college;

    @Column(name = "max_open")
    private Integer maxOpen;

    @Column(name = "max_per_year")
    private Integer maxPerYear;

    @Column(name = "yearly_budget", precision = 10, scale = 2)
    private BigDecimal yearlyBudget;

    @Version
    private int version;

    protected PatronLimit() {
    }

    PatronLimit(String patronType, String college) {
        this.patronType = patronType;
        this.college = college;
    }

    void change(Integer maxOpen, Integer maxPerYear, BigDecimal yearlyBudget) {
        this.maxOpen = maxOpen;
        this.maxPerYear = maxPerYear;
        this.yearlyBudget = yearlyBudget;
    }

    public Long getId() {
        return id;
    }

    public String getPatronType() {
        return patronType;
    }

    public String getCollege() {
        return college;
    }

    public Integer getMaxOpen() {
        return maxOpen;
    }

    public Integer getMaxPerYear() {
        return maxPerYear;
    }

    public BigDecimal getYearlyBudget() {
        return yearlyBudget;
    }
}
