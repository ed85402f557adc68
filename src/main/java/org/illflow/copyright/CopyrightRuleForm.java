package org.illflow.copyright;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.illflow.request.OverLimit;

/** The library's copyright rule as the admin page edits it. */
public class CopyrightRuleForm {

    private boolean enabled;

    @NotNull(message = "{copyright.error.number}")
    @Min(value = 1, message = "{copyright.error.range}")
    @Max(value = 1000, message = "{copyright.error.range}")
    private Integer warnAt;

    @NotNull(message = "{copyright.error.number}")
    @Min(value = 1, message = "{copyright.error.range}")
    @Max(value = 1000, message = "{copyright.error.range}")
    private Integer copyLimit;

    @NotNull(message = "{copyright.error.number}")
    @Min(value = 1, message = "{copyright.error.years}")
    @Max(value = 100, message = "{copyright.error.years}")
    private Integer recentYears;

    @NotNull(message = "{copyright.error.overLimit}")
    private OverLimit overLimit;

    /** The warning comes at or before the limit. */
    boolean warnsAfterLimit() {
        return warnAt != null && copyLimit != null && warnAt > copyLimit;
    }

    static CopyrightRuleForm of(CopyrightRule rule) {
        CopyrightRuleForm form = new CopyrightRuleForm();
        form.enabled = rule.isEnabled();
        form.warnAt = rule.getWarnAt();
        form.copyLimit = rule.getCopyLimit();
        form.recentYears = rule.getRecentYears();
        form.overLimit = rule.getOverLimit();
        return form;
    }


    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
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

    public Integer getRecentYears() {
        return recentYears;
    }

    public void setRecentYears(Integer recentYears) {
        this.recentYears = recentYears;
    }

    public OverLimit getOverLimit() {
        return overLimit;
    }

    public void setOverLimit(OverLimit overLimit) {
        this.overLimit = overLimit;
    }
}
