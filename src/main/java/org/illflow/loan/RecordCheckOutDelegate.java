package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_LENDER_DUE_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordCheckOut: ON_LOAN with its due date, and the dates the on-loan timers read. */
@Component("loanRecordCheckOut")
class RecordCheckOutDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;
    private final DueDateCalculator dates;

    RecordCheckOutDelegate(InterlibraryLoan loan, DueDateCalculator dates) {
        this.loan = loan;
        this.dates = dates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a partner lender's own due date (from its Loaned message) bounds the patron's
        LoanRequest request = loan.recordCheckOut(LoanVariables.requestId(execution),
                ProcessVariables.staffBehind(execution), LoanVariables.date(execution, VAR_LENDER_DUE_DATE));
        LoanVariables.scheduleDueDate(execution, request, dates, loan.lender(request).getRenewalsAllowed());
    }
}
