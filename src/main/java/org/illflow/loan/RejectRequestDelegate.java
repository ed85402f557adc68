package org.illflow.loan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RejectRequest: the request is closed because the patron's account is not active. */
@Component("loanRejectRequest")
class RejectRequestDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RejectRequestDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.reject(LoanVariables.requestId(execution));
    }
}
