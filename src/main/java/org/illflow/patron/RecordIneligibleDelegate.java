package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordIneligible: the registration is rejected because the patron type is not eligible. */
@Component("recordIneligible")
class RecordIneligibleDelegate implements JavaDelegate {

    private final PatronRegistration registration;

    RecordIneligibleDelegate(PatronRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registration.rejectAsIneligible(((Number) execution.getVariable(VAR_PATRON_ID)).longValue());
    }
}
