package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_HELD_LOCALLY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckHoldings: does the library hold the book (print holdings by ISBN, else by title)? */
@Component("loanCheckHoldings")
class CheckHoldingsDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    CheckHoldingsDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_HELD_LOCALLY, loan.heldLocally(LoanVariables.requestId(execution)).isPresent());
    }
}
