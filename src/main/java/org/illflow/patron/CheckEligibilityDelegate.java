package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_ELIGIBLE;
import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckEligibility: may this patron type use the service (setting illflow.registration.eligible-types)? */
@Component("checkEligibility")
class CheckEligibilityDelegate implements JavaDelegate {

    private final PatronRegistration registration;

    CheckEligibilityDelegate(PatronRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long patronId = ((Number) execution.getVariable(VAR_PATRON_ID)).longValue();
        execution.setVariable(VAR_ELIGIBLE, registration.isEligible(patronId));
    }
}
