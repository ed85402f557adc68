package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordRecall: the lender wants the book back earlier; the new due date, which the timers then follow. */
@Component("loanRecordRecall")
class RecordRecallDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;
    private final DueDateCalculator dates;

    RecordRecallDelegate(InterlibraryLoan loan, DueDateCalculator dates) {
        this.loan = loan;
        this.dates = dates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanRequest request = loan.recordRecall(LoanVariables.requestId(execution),
                LoanVariables.date(execution, VAR_RECALL_DUE_DATE), ProcessVariables.string(execution, VAR_RECALL_REASON),
                ProcessVariables.string(execution, VAR_RECALLED_BY));
        LoanVariables.scheduleDueDate(execution, request, dates, loan.lender(request).getRenewalsAllowed());
    }
}
