package org.illflow.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordUnfilled: no lender was eligible, or every one failed: UNFILLED. */
@Component("loanRecordUnfilled")
class RecordUnfilledDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordUnfilledDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.recordUnfilled(LoanVariables.requestId(execution));
    }
}
