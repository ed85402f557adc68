package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_REMAINING_LENDERS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RankLenders: eligible (decision table) and active lenders, cheapest fee plus shipping first. */
@Component("loanRankLenders")
class RankLendersDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RankLendersDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_REMAINING_LENDERS, loan.rankLenders(LoanVariables.requestId(execution)));
    }
}
