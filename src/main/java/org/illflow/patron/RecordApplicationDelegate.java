package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task_RecordApplication. From the Register page the patron is already recorded; from Tasklist's start form
 * the applicant comes in the start variables and is recorded here, in the start form's transaction, so an
 * invalid or taken card number leaves nothing behind.
 */
@Component("recordApplication")
class RecordApplicationDelegate implements JavaDelegate {

    private final PatronRegistration registration;

    RecordApplicationDelegate(PatronRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object patronId = execution.getVariable(VAR_PATRON_ID);
        if (patronId != null) {
            return;
        }
        Patron patron = registration.recordFromStartForm(execution.getVariables(),
                ProcessVariables.staffBehind(execution));
        registration.attachProcess(patron.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(patron.getCardNumber());
        execution.setVariables(PatronRegistration.variablesOf(patron));
    }
}
