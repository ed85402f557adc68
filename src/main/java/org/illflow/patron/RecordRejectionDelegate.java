package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;
import static org.illflow.patron.PatronRegistrationProcess.VAR_REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordRejection: the registration is REJECTED with the reviewer's reason. */
@Component("recordRejection")
class RecordRejectionDelegate implements JavaDelegate {

    private final PatronRegistration registration;

    RecordRejectionDelegate(PatronRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registration.reject(((Number) execution.getVariable(VAR_PATRON_ID)).longValue(),
                (String) execution.getVariable(VAR_REJECTION_REASON), (String) execution.getVariable("reviewedBy"));
    }
}
