package org.illflow.copyright;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.illflow.citation.Issn;
import org.illflow.citation.ValidIssn;

/** One journal's own copyright rule as the admin page edits it; blank numbers take the library's. */
public class JournalRuleForm {

    @NotBlank(message = "{copyright.error.issnRequired}")
    @ValidIssn
    private String issn;

    @ValidIssn
    private String eissn;

    @Size(max = 500, message = "{copyright.error.title}")
    private String title;

    @Min(value = 1, message = "{copyright.error.range}")
    @Max(value = 1000, message = "{copyright.error.range}")
    private Integer warnAt;

    @Min(value = 1, message = "{copyright.error.range}")
    @Max(value = 1000, message = "{copyright.error.range}")
    private Integer copyLimit;

    private boolean openAccess;

    /** The warning comes at or before the limit. */
    boolean warnsAfterLimit() {
        return warnAt != null && copyLimit != null && warnAt > copyLimit;
    }


    String normalisedIssn() {
        return Issn.parse(issn).value();
    }

    String normalisedEissn() {
        return eissn == null || eissn.isBlank() ? null : Issn.parse(eissn).value();
    }

    public String getIssn() {
        return issn;
    }

    public void setIssn(String issn) {
        this.issn = issn;
    }

    public String getEissn() {
        return eissn;
    }

    public void setEissn(String eissn) {
        this.eissn = eissn == null || eissn.isBlank() ? null : eissn.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null || title.isBlank() ? null : title.strip();
    }

    public Integer getWarnAt() {
        return warnAt;
    }

    public void setWarnAt(Integer warnAt) {
        this.warnAt = warnAt;
    }

    public Integer getCopyLimit() {
        return copyLimit;
    }

    public void setCopyLimit(Integer copyLimit) {
        this.copyLimit = copyLimit;
    }

    public boolean isOpenAccess() {
        return openAccess;
    }

    public void setOpenAccess(boolean openAccess) {
        this.openAccess = openAccess;
    }
}
