package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_NEW_DUE_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordRenewal: the lender granted it; the new due date, and the dates the on-loan timers read. */
@Component("loanRecordRenewal")
class RecordRenewalDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;
    private final DueDateCalculator dates;

    RecordRenewalDelegate(InterlibraryLoan loan, DueDateCalculator dates) {
        this.loan = loan;
        this.dates = dates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanRequest request = loan.recordRenewal(LoanVariables.requestId(execution),
                LoanVariables.date(execution, VAR_NEW_DUE_DATE), ProcessVariables.staffBehind(execution));
        LoanVariables.scheduleDueDate(execution, request, dates, loan.lender(request).getRenewalsAllowed());
    }
}
