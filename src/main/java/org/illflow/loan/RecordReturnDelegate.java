package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordReturn: RETURNED, with the days overdue and the fee the patron pays. */
@Component("loanRecordReturn")
class RecordReturnDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordReturnDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanRequest request = loan.recordReturn(LoanVariables.requestId(execution),
                ProcessVariables.staffBehind(execution));
        execution.setVariable(VAR_OVERDUE_DAYS, request.getOverdueDays());
        execution.setVariable(VAR_OVERDUE_FEE, request.getOverdueFee().toPlainString());
    }
}
