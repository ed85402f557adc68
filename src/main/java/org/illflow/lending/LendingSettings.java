package org.illflow.lending;

import java.time.Duration;
import java.time.Period;

import org.illflow.system.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * illflow.lending.*: the library's terms for lending to partner libraries. Also read by the lending model
 * (overdue notice cycle) as the bean {@code lendingSettings}.
 */
@Component("lendingSettings")
@ConfigurationProperties("illflow.lending")
public class LendingSettings {

    /** A loan to a partner is due this long after the book is shipped. */
    private Period loanPeriod = Period.ofDays(42);
    /** A renewal staff grant adds this to the current due date (staff may give another date). */
    private Period renewalPeriod = Period.ofDays(28);
    /** Overdue notices to the borrowing library: when the due date ends, then at this interval. */
    private Period overdueNoticeInterval = Period.ofDays(7);
    /** How long a partner may fetch a scanned copy from its link. */
    private Duration copyLinkValidFor = Duration.ofDays(30);
    /** How many times a copy link may be followed (the partner's system, then its staff or patron). */
    private int copyLinkMaxDownloads = 5;

    public Period getLoanPeriod() {
        return loanPeriod;
    }

    public void setLoanPeriod(Period loanPeriod) {
        this.loanPeriod = positive("loan-period", loanPeriod);
    }

    public Period getRenewalPeriod() {
        return renewalPeriod;
    }

    public void setRenewalPeriod(Period renewalPeriod) {
        this.renewalPeriod = positive("renewal-period", renewalPeriod);
    }

    public Period getOverdueNoticeInterval() {
        return overdueNoticeInterval;
    }

    public void setOverdueNoticeInterval(Period overdueNoticeInterval) {
        this.overdueNoticeInterval = positive("overdue-notice-interval", overdueNoticeInterval);
    }

    /** ISO 8601, as a BPMN timer cycle wants it. */
    public String getOverdueNoticeIntervalIso() {
        return overdueNoticeInterval.toString();
    }

    public Duration getCopyLinkValidFor() {
        return copyLinkValidFor;
    }

    public void setCopyLinkValidFor(Duration copyLinkValidFor) {
        this.copyLinkValidFor = SettingChecks.positive("illflow.lending.copy-link-valid-for", copyLinkValidFor,
                "P30D");
    }

    public int getCopyLinkMaxDownloads() {
        return copyLinkMaxDownloads;
    }

    public void setCopyLinkMaxDownloads(int copyLinkMaxDownloads) {
        if (copyLinkMaxDownloads < 1) {
            throw new IllegalArgumentException("illflow.lending.copy-link-max-downloads must be at least 1");
        }
        this.copyLinkMaxDownloads = copyLinkMaxDownloads;
    }

    private static Period positive(String name, Period value) {
        return SettingChecks.positive("illflow.lending." + name, value, "P28D");
    }
}
