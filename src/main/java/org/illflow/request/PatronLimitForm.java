package org.illflow.request;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.illflow.patron.PatronType;

/** The limits of a patron type (college blank) or of one college within it, as the admin page edits them. */
public class PatronLimitForm {

    @NotNull(message = "{limits.error.patronType}")
    private PatronType patronType;

    @Size(max = 100, message = "{limits.error.college}")
    private String college;

    @Min(value = 0, message = "{limits.error.count}")
    @Max(value = 10000, message = "{limits.error.count}")
    private Integer maxOpen;

    @Min(value = 0, message = "{limits.error.count}")
    @Max(value = 10000, message = "{limits.error.count}")
    private Integer maxPerYear;

    @DecimalMin(value = "0.00", message = "{limits.error.budget}")
    @DecimalMax(value = "99999999.99", message = "{limits.error.budget}")
    @Digits(integer = 8, fraction = 2, message = "{limits.error.budget}")
    private BigDecimal yearlyBudget;

    public PatronType getPatronType() {
        return patronType;
    }

    public void setPatronType(PatronType patronType) {
        this.patronType = patronType;
    }

    public String getCollege() {
        return college;
    }

    public void setCollege(String college) {
        this.college = college == null ? null : college.strip();
    }

    public Integer getMaxOpen() {
        return maxOpen;
    }

    public void setMaxOpen(Integer maxOpen) {
        this.maxOpen = maxOpen;
    }

    public Integer getMaxPerYear() {
        return maxPerYear;
    }

    public void setMaxPerYear(Integer maxPerYear) {
        this.maxPerYear = maxPerYear;
    }

    public BigDecimal getYearlyBudget() {
        return yearlyBudget;
    }

    public void setYearlyBudget(BigDecimal yearlyBudget) {
        this.yearlyBudget = yearlyBudget;
    }
}
