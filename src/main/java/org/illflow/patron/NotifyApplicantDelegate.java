package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.VAR_PATRON_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The registration's mail tasks (welcome, rejected, not eligible); the task's input parameter {@code notice}
 * names the kind. Asynchronous with a retry cycle in the model, so an SMTP outage becomes retries and then
 * an incident, never a lost notice.
 */
@Component("notifyApplicant")
class NotifyApplicantDelegate implements JavaDelegate {

    private final RegistrationNotices notices;

    NotifyApplicantDelegate(RegistrationNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifyApplicant(((Number) execution.getVariable(VAR_PATRON_ID)).longValue(),
                (String) execution.getVariableLocal("notice"));
    }
}
