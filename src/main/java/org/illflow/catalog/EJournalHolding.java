package org.illflow.catalog;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.illflow.citation.TitleKey;

/** A subscribed e-journal's coverage, as imported from a KBART row. */
@Entity
@Table(name = "ejournal_holding")
class EJournalHolding {

    /** Column sizes (V2__holdings.sql): the KBART reader reports a longer value as a bad row. */
    static final int MAX_TITLE = 1000;
    static final int MAX_TITLE_URL = 1000;
    static final int MAX_EMBARGO = 50;
    static final int MAX_COVERAGE_DEPTH = 50;
    static final int MAX_PUBLISHER = 500;

    private static final java.util.regex.Pattern WEB_ADDRESS =
            java.util.regex.Pattern.compile("(?i)https?://[^\\s<>\"]+");

    /** Whether a link to this address is safe to show a patron: http or https, nothing else (no javascript:). */
    static boolean isWebAddress(String url) {
        return url != null && WEB_ADDRESS.matcher(url).matches();
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

    @Column(name = "print_issn", length = 9)
    private String printIssn;

    @Column(name = "online_issn", length = 9)
    private String onlineIssn;

    @Column(name = "first_date")
    private LocalDate firstDate;

    @Column(name = "last_date")
    private LocalDate lastDate;

    @Column(nullable = false, length = 50)
    private String embargo;

    @Column(name = "title_url", length = 1000)
    private String titleUrl;

    @Column(name = "coverage_depth", length = 50)
    private String coverageDepth;

    @Column(length = 500)
    private String publisher;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    /** The provider's package when the file is named {@code Provider_Package_YYYY-MM-DD.txt}, else null. */
    @Column(name = "package_key", length = 200)
    private String packageKey;

    @Column(name = "list_date")
    private LocalDate listDate;

    /** KBART access_type: F free (open access), P paid; null when the list does not say. */
    @Column(name = "access_type", length = 1)
    private String accessType;

    protected EJournalHolding() {
    }

    EJournalHolding(String source, KbartFileName fileName, KbartTitle title, Instant importedAt) {
        this.source = source;
        this.packageKey = fileName == null ? null : fileName.packageKey();
        this.listDate = fileName == null ? null : fileName.listDate();
        this.title = title.publicationTitle();
        this.titleKey = TitleKey.of(title.publicationTitle());
        this.printIssn = title.printIssn();
        this.onlineIssn = title.onlineIssn();
        this.firstDate = title.dateFirstIssueOnline();
        this.lastDate = title.dateLastIssueOnline();
        this.embargo = title.embargo().toString();
        this.titleUrl = title.titleUrl();
        this.coverageDepth = title.coverageDepth();
        this.publisher = title.publisherName();
        this.importedAt = importedAt;
        this.accessType = title.accessType() == null || title.accessType().isBlank() ? null
                : title.accessType().strip().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }

    /** Is an article published in {@code year} readable today under this coverage and embargo? */
    boolean covers(int year, LocalDate today) {
        return asKbart().covers(year, today);
    }

    private KbartTitle asKbart() {
        return new KbartTitle(title, printIssn, onlineIssn, firstDate, lastDate, titleUrl, null,
                Embargo.parse(embargo), coverageDepth, null, publisher, "serial", null);
    }

    String getTitle() {
        return title;
    }

    String getSource() {
        return source;
    }

    LocalDate getListDate() {
        return listDate;
    }

    /** One title whatever its coverage rows: by ISSN (print, else online), else by its normalised title. */
    String titleIdentity() {
        return printIssn != null ? printIssn : onlineIssn != null ? onlineIssn : titleKey;
    }

    /** The title's address, only when it is an http or https one (rows imported before that check included). */
    String getTitleUrl() {
        return isWebAddress(titleUrl) ? titleUrl : null;
    }

    String getEmbargo() {
        return embargo;
    }

    LocalDate getFirstDate() {
        return firstDate;
    }

    LocalDate getLastDate() {
        return lastDate;
    }
}
