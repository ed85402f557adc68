package org.illflow.patron;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * illflow.registration.*: who may register and who reviews. Also read by the registration model
 * (candidate groups, reminder timer) as the bean {@code registrationSettings}.
 */
@Component("registrationSettings")
@ConfigurationProperties("illflow.registration")
public class RegistrationSettings {

    private Set<PatronType> eligibleTypes = EnumSet.of(PatronType.FACULTY, PatronType.STAFF,
            PatronType.PHD_STUDENT, PatronType.MASTER_STUDENT);
    private List<String> reviewerGroups = List.of("dd-staff", "ill-staff");
    /** Working days (the library's calendar) a registration may wait for review before the reviewers are reminded. */
    private int reminderAfterWorkingDays = 2;
    private Duration activationCodeValidFor = Duration.ofDays(14);
    private java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");

    public boolean isEligible(PatronType type) {
        return eligibleTypes.contains(type);
    }

    /** Comma-separated, as a BPMN candidateGroups expression wants it. */
    public String getReviewerGroupList() {
        return String.join(",", reviewerGroups);
    }

    /**
     * When the reviewers of a registration sent now are reminded: {@link #getReminderAfterWorkingDays()} working
     * days of the library's calendar later (a registration sent on Friday is not "late" on Sunday, nor over 国庆).
     * "Now" is the engine's clock, as for every timer; read by the review task's boundary timer.
     */
    public java.util.Date reminderAt() {
        return java.util.Date.from(org.illflow.supplier.WorkingDays.after(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), reminderAfterWorkingDays,
                zone));
    }

    public Set<PatronType> getEligibleTypes() {
        return eligibleTypes;
    }

    public void setEligibleTypes(Set<PatronType> eligibleTypes) {
        this.eligibleTypes = eligibleTypes.isEmpty() ? EnumSet.noneOf(PatronType.class) : EnumSet.copyOf(eligibleTypes);
    }

    public List<String> getReviewerGroups() {
        return reviewerGroups;
    }

    public void setReviewerGroups(List<String> reviewerGroups) {
        this.reviewerGroups = List.copyOf(reviewerGroups);
    }

    public int getReminderAfterWorkingDays() {
        return reminderAfterWorkingDays;
    }

    public void setReminderAfterWorkingDays(int reminderAfterWorkingDays) {
        if (reminderAfterWorkingDays < 1) {
            throw new IllegalArgumentException("illflow.registration.reminder-after-working-days must be at least 1");
        }
        this.reminderAfterWorkingDays = reminderAfterWorkingDays;
    }

    public java.time.ZoneId getZone() {
        return zone;
    }

    /** The library's time zone, in which working days are counted. */
    @org.springframework.beans.factory.annotation.Value("${illflow.time-zone:Asia/Shanghai}")
    public void setZone(java.time.ZoneId zone) {
        this.zone = zone;
    }

    public Duration getActivationCodeValidFor() {
        return activationCodeValidFor;
    }

    public void setActivationCodeValidFor(Duration activationCodeValidFor) {
        this.activationCodeValidFor = activationCodeValidFor;
    }
}
