package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_RENEWAL_REFUSAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordRenewalRefused: the lender said no; the due date stands. */
@Component("loanRecordRenewalRefused")
class RecordRenewalRefusedDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordRenewalRefusedDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        loan.recordRenewalRefused(LoanVariables.requestId(execution),
                ProcessVariables.string(execution, VAR_RENEWAL_REFUSAL_REASON), ProcessVariables.staffBehind(execution));
    }
}
