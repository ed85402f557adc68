package org.illflow.patron;

import java.time.Duration;
import java.time.Period;
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
    private Period reminderAfter = Period.ofDays(2);
    private Duration activationCodeValidFor = Duration.ofDays(14);

    public boolean isEligible(PatronType type) {
        return eligibleTypes.contains(type);
    }

    /** Comma-separated, as a BPMN candidateGroups expression wants it. */
    public String getReviewerGroupList() {
        return String.join(",", reviewerGroups);
    }

    /** ISO 8601, as a BPMN timer wants it. */
    public String getReminderAfterIso() {
        return reminderAfter.toString();
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

    public Period getReminderAfter() {
        return reminderAfter;
    }

    public void setReminderAfter(Period reminderAfter) {
        this.reminderAfter = reminderAfter;
    }

    public Duration getActivationCodeValidFor() {
        return activationCodeValidFor;
    }

    public void setActivationCodeValidFor(Duration activationCodeValidFor) {
        this.activationCodeValidFor = activationCodeValidFor;
    }
}
