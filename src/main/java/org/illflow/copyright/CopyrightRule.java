package org.illflow.copyright;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.illflow.request.OverLimit;

/**
 * The library's copyright rule (one row): from the {@code warnAt}-th copy of articles from one journal in a
 * calendar year staff confirm before ordering; past {@code copyLimit} copies the request needs an admin's
 * approval or is refused. Only articles of the journal's last {@code recentYears} publication years count.
 */
@Entity
@Table(name = "copyright_rule")
public class CopyrightRule {

    static final long LIBRARY = 1L;

    @Id
    private Long id;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "warn_at", nullable = false)
    private int warnAt;

    @Column(name = "copy_limit", nullable = false)
    private int copyLimit;

    @Column(name = "recent_years", nullable = false)
    private int recentYears;

    @Enumerated(EnumType.STRING)
    @Column(name = "over_limit", nullable = false, length = 10)
    private OverLimit overLimit;

    @Version
    private int version;

    protected CopyrightRule() {
    }

    void change(boolean enabled, int warnAt, int copyLimit, int recentYears, OverLimit overLimit) {
        this.enabled = enabled;
        this.warnAt = warnAt;
        this.copyLimit = copyLimit;
        this.recentYears = recentYears;
        this.overLimit = overLimit;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getWarnAt() {
        return warnAt;
    }

    public int getCopyLimit() {
        return copyLimit;
    }

    public int getRecentYears() {
        return recentYears;
    }

    public OverLimit getOverLimit() {
        return overLimit;
    }
}
