package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordLenderUnfilled: the lender could not lend the book; the next one is asked. */
@Component("loanRecordLenderUnfilled")
class RecordLenderUnfilledDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordLenderUnfilledDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.recordLenderUnfilled(LoanVariables.requestId(execution), ProcessVariables.string(execution, VAR_LENDER_CODE),
                ProcessVariables.string(execution, VAR_UNFILLED_REASON), ProcessVariables.staffBehind(execution));
    }
}
