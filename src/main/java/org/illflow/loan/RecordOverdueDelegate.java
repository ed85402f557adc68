package org.illflow.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordOverdue: the due date has passed (this runs as it ends, then weekly): OVERDUE. */
@Component("loanRecordOverdue")
class RecordOverdueDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordOverdueDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.recordOverdue(LoanVariables.requestId(execution));
    }
}
