package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindReviewers: the review has waited too long; the reviewing groups get a reminder. */
@Component("remindReviewers")
class RemindReviewersDelegate implements JavaDelegate {

    private final RegistrationNotices notices;

    RemindReviewersDelegate(RegistrationNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.remindReviewers(((Number) execution.getVariable(VAR_PATRON_ID)).longValue());
    }
}
