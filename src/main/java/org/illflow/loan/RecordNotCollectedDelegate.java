package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordNotCollected: the pickup deadline passed; the request closes and the book goes back. */
@Component("loanRecordNotCollected")
class RecordNotCollectedDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordNotCollectedDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.recordNotCollected(LoanVariables.requestId(execution));
        execution.setVariable(VAR_LOAN_OUTCOME, OUTCOME_NOT_COLLECTED);
    }
}
