package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_LIMITS_OUTCOME;
import static org.illflow.loan.InterlibraryLoanProcess.VAR_LIMITS_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.request.LimitVerdict;
import org.springframework.stereotype.Component;

/** Task_CheckLimits: the patron's budget for the year, before any lender is asked. */
@Component("loanCheckLimits")
class CheckLimitsDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    CheckLimitsDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LimitVerdict verdict = loan.checkLimits(LoanVariables.requestId(execution));
        execution.setVariable(VAR_LIMITS_OUTCOME, verdict.outcome());
        execution.setVariable(VAR_LIMITS_REASON, verdict.reason());
    }
}
