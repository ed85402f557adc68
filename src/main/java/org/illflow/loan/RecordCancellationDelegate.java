package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordCancellation: cancelled before check-out; where the book is decides what staff still do. */
@Component("loanRecordCancellation")
class RecordCancellationDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordCancellationDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_BOOK_WHERE, loan.recordCancellation(LoanVariables.requestId(execution),
                ProcessVariables.string(execution, VAR_CANCELLED_BY)));
    }
}
