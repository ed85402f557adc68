package org.illflow.supplier;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * What an admin edits on a supplier's page. The password is write-only: it is never filled from the stored
 * one, and an empty password keeps the stored one. Messages are keys of messages*.properties.
 */
public class SupplierForm {

    /** The version the form was built from, to refuse overwriting someone else's save. */
    private Integer version;

    @NotBlank(message = "{supplier.nameZh.required}")
    @Size(max = 100, message = "{supplier.name.size}")
    private String nameZh;

    @NotBlank(message = "{supplier.nameEn.required}")
    @Size(max = 100, message = "{supplier.name.size}")
    private String nameEn;

    private boolean offersCopy;

    private boolean offersLoan;

    @NotNull(message = "{supplier.price.required}")
    @DecimalMin(value = "0.00", message = "{supplier.price.negative}")
    @Digits(integer = 8, fraction = 2, message = "{supplier.price.format}")
    private BigDecimal pricePerItem;

    @DecimalMin(value = "0.00", message = "{supplier.price.negative}")
    @Digits(integer = 8, fraction = 2, message = "{supplier.price.format}")
    private BigDecimal pricePerPage;

    @NotNull(message = "{supplier.turnaroundDays.range}")
    @Min(value = 1, message = "{supplier.turnaroundDays.range}")
    @Max(value = 60, message = "{supplier.turnaroundDays.range}")
    private Integer turnaroundDays;


    @NotBlank(message = "{supplier.workLink.required}")
    @WebLink
    private String workLink;

    @Size(max = 100, message = "{supplier.accountName.size}")
    private String accountName;

    /** Empty keeps the stored password. At most 100 characters, so its ciphertext fits its column. */
    @Size(max = 100, message = "{supplier.password.size}")
    private String password;

    private boolean active;

    @Min(value = 1, message = "{supplier.loanPeriodDays.range}")
    @Max(value = 365, message = "{supplier.loanPeriodDays.range}")
    private Integer loanPeriodDays;

    @DecimalMin(value = "0.00", message = "{supplier.price.negative}")
    @Digits(integer = 8, fraction = 2, message = "{supplier.price.format}")
    private BigDecimal borrowingFee;

    @DecimalMin(value = "0.00", message = "{supplier.price.negative}")
    @Digits(integer = 8, fraction = 2, message = "{supplier.price.format}")
    private BigDecimal shippingCost;

    @NotNull(message = "{supplier.renewalsAllowed.range}")
    @Min(value = 0, message = "{supplier.renewalsAllowed.range}")
    @Max(value = 10, message = "{supplier.renewalsAllowed.range}")
    private Integer renewalsAllowed = 0;

    /** The form for a stored supplier; the password field stays empty. */
    static SupplierForm of(Supplier supplier) {
        SupplierTerms terms = supplier.terms();
        SupplierForm form = new SupplierForm();
        form.version = supplier.getVersion();
        form.nameZh = terms.nameZh();
        form.nameEn = terms.nameEn();
        form.offersCopy = terms.offersCopy();
        form.offersLoan = terms.offersLoan();
        form.pricePerItem = terms.pricePerItem();
        form.pricePerPage = terms.pricePerPage();
        form.turnaroundDays = terms.turnaroundDays();
        form.workLink = terms.workLink();
        form.accountName = terms.accountName();
        form.active = terms.active();
        form.loanPeriodDays = terms.loanPeriodDays();
        form.borrowingFee = terms.borrowingFee();
        form.shippingCost = terms.shippingCost();
        form.renewalsAllowed = terms.renewalsAllowed();
        return form;
    }

    /** The rules that span fields: at least one service; a lender needs a loan period. */
    void checkAcrossFields(Errors errors) {
        if (!offersCopy && !offersLoan) {
            errors.rejectValue("offersCopy", "supplier.services.required");
        }
        if (offersLoan && loanPeriodDays == null && !errors.hasFieldErrors("loanPeriodDays")) {
            errors.rejectValue("loanPeriodDays", "supplier.loanPeriodDays.required");
        }
    }

    /** Only after validation passed. */
    SupplierTerms toTerms() {
        return new SupplierTerms(nameZh, nameEn, offersCopy, offersLoan, pricePerItem, pricePerPage, turnaroundDays,
                workLink, accountName, active, loanPeriodDays, borrowingFee, shippingCost,
                renewalsAllowed);
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = trim(nameZh);
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = trim(nameEn);
    }

    public boolean isOffersCopy() {
        return offersCopy;
    }

    public void setOffersCopy(boolean offersCopy) {
        this.offersCopy = offersCopy;
    }

    public boolean isOffersLoan() {
        return offersLoan;
    }

    public void setOffersLoan(boolean offersLoan) {
        this.offersLoan = offersLoan;
    }

    public BigDecimal getPricePerItem() {
        return pricePerItem;
    }

    public void setPricePerItem(BigDecimal pricePerItem) {
        this.pricePerItem = pricePerItem;
    }

    public BigDecimal getPricePerPage() {
        return pricePerPage;
    }

    public void setPricePerPage(BigDecimal pricePerPage) {
        this.pricePerPage = pricePerPage;
    }

    public Integer getTurnaroundDays() {
        return turnaroundDays;
    }

    public void setTurnaroundDays(Integer turnaroundDays) {
        this.turnaroundDays = turnaroundDays;
    }

    public String getWorkLink() {
        return workLink;
    }

    public void setWorkLink(String workLink) {
        this.workLink = trim(workLink);
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = trim(accountName);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getLoanPeriodDays() {
        return loanPeriodDays;
    }

    public void setLoanPeriodDays(Integer loanPeriodDays) {
        this.loanPeriodDays = loanPeriodDays;
    }

    public BigDecimal getBorrowingFee() {
        return borrowingFee;
    }

    public void setBorrowingFee(BigDecimal borrowingFee) {
        this.borrowingFee = borrowingFee;
    }

    public BigDecimal getShippingCost() {
        return shippingCost;
    }

    public void setShippingCost(BigDecimal shippingCost) {
        this.shippingCost = shippingCost;
    }

    public Integer getRenewalsAllowed() {
        return renewalsAllowed;
    }

    public void setRenewalsAllowed(Integer renewalsAllowed) {
        this.renewalsAllowed = renewalsAllowed;
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
