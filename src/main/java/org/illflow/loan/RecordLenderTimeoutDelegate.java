package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_LENDER_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordLenderTimeout: the turnaround target passed without the book; the next lender is asked. */
@Component("loanRecordLenderTimeout")
class RecordLenderTimeoutDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordLenderTimeoutDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.recordLenderTimeout(LoanVariables.requestId(execution), ProcessVariables.string(execution, VAR_LENDER_CODE));
    }
}
