package org.illflow.copyright;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One journal's own copyright rule: its ISSN (and eISSN, so copies cited either way count together), its own
 * warning threshold and limit (null: the library's), or open access (never counted against).
 */
@Entity
@Table(name = "copyright_journal")
public class JournalRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 9)
    private String issn;

    @Column(length = 9)
    private String eissn;

    @Column(length = 500)
    private String title;

    @Column(name = "warn_at")
    private Integer warnAt;

    @Column(name = "copy_limit")
    private Integer copyLimit;

    @Column(name = "open_access", nullable = false)
    private boolean openAccess;

    @Version
    private int version;

    protected JournalRule() {
    }

    JournalRule(String issn) {
        this.issn = issn;
    }

    void change(String eissn, String title, Integer warnAt, Integer copyLimit, boolean openAccess) {
        this.eissn = eissn;
        this.title = title;
        this.warnAt = warnAt;
        this.copyLimit = copyLimit;
        this.openAccess = openAccess;
    }

    public Long getId() {
        return id;
    }

    public String getIssn() {
        return issn;
    }

    public String getEissn() {
        return eissn;
    }

    public String getTitle() {
        return title;
    }

    public Integer getWarnAt() {
        return warnAt;
    }

    public Integer getCopyLimit() {
        return copyLimit;
    }

    public boolean isOpenAccess() {
        return openAccess;
    }
}
