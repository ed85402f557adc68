package org.illflow.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The mail tasks of inter-library loan (ready for pickup, reminder, overdue, renewal, recall, …); the task's
 * input parameter {@code notice} names the kind. Asynchronous with a retry cycle in the model.
 */
@Component("loanNotifyPatron")
class NotifyPatronDelegate implements JavaDelegate {

    private final LoanNotices notices;

    NotifyPatronDelegate(LoanNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifyPatron(LoanVariables.requestId(execution), (String) execution.getVariableLocal("notice"));
    }
}
