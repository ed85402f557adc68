package org.illflow.supplier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A document supplier (CALIS, CASHL, NSTL, a commercial one) or a lender (National Library of China, Shanghai
 * Library, university libraries), with the terms the library agreed with it. Whether it may serve a given
 * request is decided by the decision table {@code SupplierEligibility}; this row says what it costs, how fast it
 * is and how staff reach it. Its password is held only encrypted and is never part of {@link #toString()}.
 */
@Entity
@Table(name = "supplier")
public class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20, updatable = false)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    @Column(name = "offers_copy", nullable = false)
    private boolean offersCopy;

    @Column(name = "offers_loan", nullable = false)
    private boolean offersLoan;

    @Column(name = "price_per_item_cny", nullable = false, precision = 10, scale = 2)
    private BigDecimal pricePerItem;

    @Column(name = "price_per_page_cny", precision = 10, scale = 2)
    private BigDecimal pricePerPage;

    @Column(name = "turnaround_days", nullable = false)
    private int turnaroundDays;


    @Column(name = "work_link", length = 500)
    private String workLink;

    @Column(name = "account_name", length = 100)
    private String accountName;

    @Column(name = "password_encrypted", length = 500)
    private String passwordEncrypted;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "loan_period_days")
    private Integer loanPeriodDays;

    @Column(name = "borrowing_fee_cny", precision = 10, scale = 2)
    private BigDecimal borrowingFee;

    @Column(name = "shipping_cost_cny", precision = 10, scale = 2)
    private BigDecimal shippingCost;

    @Column(name = "renewals_allowed", nullable = false)
    private int renewalsAllowed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Supplier() {
    }

    Supplier(String code, SupplierTerms terms, Instant at) {
        this.code = code;
        this.createdAt = at;
        change(terms, at);
    }

    void change(SupplierTerms terms, Instant at) {
        if (!terms.offersCopy() && !terms.offersLoan()) {
            throw new IllegalArgumentException("supplier " + code + " must offer copies, loans or both");
        }
        this.nameZh = terms.nameZh();
        this.nameEn = terms.nameEn();
        this.offersCopy = terms.offersCopy();
        this.offersLoan = terms.offersLoan();
        this.pricePerItem = terms.pricePerItem() == null ? BigDecimal.ZERO : terms.pricePerItem();
        this.pricePerPage = terms.pricePerPage();
        this.turnaroundDays = terms.turnaroundDays();
        this.workLink = blankToNull(terms.workLink());
        this.accountName = blankToNull(terms.accountName());
        this.active = terms.active();
        this.loanPeriodDays = terms.loanPeriodDays();
        this.borrowingFee = terms.borrowingFee();
        this.shippingCost = terms.shippingCost();
        this.renewalsAllowed = terms.renewalsAllowed();
        this.updatedAt = at;
    }

    /** @param encrypted the output of {@link SupplierCredentials#encrypt}, never a plain password */
    void storeEncryptedPassword(String encrypted, Instant at) {
        this.passwordEncrypted = encrypted;
        this.updatedAt = at;
    }

    /** Only for {@link SupplierCredentials}: the stored ciphertext. */
    String encryptedPassword() {
        return passwordEncrypted;
    }

    SupplierTerms terms() {
        return new SupplierTerms(nameZh, nameEn, offersCopy, offersLoan, pricePerItem, pricePerPage,
                turnaroundDays, workLink, accountName, active, loanPeriodDays,
                borrowingFee, shippingCost, renewalsAllowed);
    }

    /**
     * The one cost formula of a copy, for ranking, the order sheet and the delivered request alike: price per item
     * + price per page × pages. Missing amounts count as zero; two decimals.
     */
    public BigDecimal copyCost(int pages) {
        return orZero(pricePerItem).add(orZero(pricePerPage).multiply(BigDecimal.valueOf(pages)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** What borrowing a book costs the library: borrowing fee + shipping (missing amounts count as zero). */
    public BigDecimal loanCost() {
        return orZero(borrowingFee).add(orZero(shippingCost)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The copy tariff as staff read it: "2.00 + 0.30 / 页 (page)", or "35.00 / 篇 (item)" without a page price. */
    public String copyTariff() {
        String item = orZero(pricePerItem).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return pricePerPage == null || pricePerPage.signum() == 0 ? item + " / 篇 (item)"
                : item + " + " + pricePerPage.setScale(2, RoundingMode.HALF_UP).toPlainString() + " / 页 (page)";
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    public boolean offers(SupplierService service) {
        return service == SupplierService.COPY ? offersCopy : offersLoan;
    }

    /** Whether a password is stored; the password itself is only for staff, through {@link SupplierCatalog}. */
    public boolean hasPassword() {
        return passwordEncrypted != null;
    }

    /** The name in the page's or the patron's language (Chinese unless English). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public boolean isOffersCopy() {
        return offersCopy;
    }

    public boolean isOffersLoan() {
        return offersLoan;
    }

    public BigDecimal getPricePerItem() {
        return pricePerItem;
    }

    public BigDecimal getPricePerPage() {
        return pricePerPage;
    }

    public int getTurnaroundDays() {
        return turnaroundDays;
    }

    public String getWorkLink() {
        return workLink;
    }

    public String getAccountName() {
        return accountName;
    }

    public boolean isActive() {
        return active;
    }

    public Integer getLoanPeriodDays() {
        return loanPeriodDays;
    }

    public BigDecimal getBorrowingFee() {
        return borrowingFee;
    }

    public BigDecimal getShippingCost() {
        return shippingCost;
    }

    public int getRenewalsAllowed() {
        return renewalsAllowed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Supplier[" + code + " " + nameEn + (active ? "" : ", inactive") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
