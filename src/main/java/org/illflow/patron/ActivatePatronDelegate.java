package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ActivatePatron: the account becomes ACTIVE and joins the patrons group. */
@Component("activatePatron")
class ActivatePatronDelegate implements JavaDelegate {

    private final PatronRegistration registration;

    ActivatePatronDelegate(PatronRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registration.approve(((Number) execution.getVariable(VAR_PATRON_ID)).longValue(),
                (String) execution.getVariable("reviewedBy"));
    }
}
