package org.illflow.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RejectRequest (the patron's account is not active) and Task_RecordLimitRefused (over the budget, the
 * reason the check gave): the request is REJECTED.
 */
@Component("loanRejectRequest")
class RejectRequestDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RejectRequestDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.reject(LoanVariables.requestId(execution), org.illflow.system.ProcessVariables.string(execution,
                InterlibraryLoanProcess.VAR_LIMITS_REASON));
    }
}
