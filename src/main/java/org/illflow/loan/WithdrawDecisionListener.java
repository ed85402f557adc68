package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_WithdrawFromLender: staff confirm the lender was told the request is withdrawn.
 */
@Component("loanWithdrawDecision")
class WithdrawDecisionListener implements TaskListener {

    private final InterlibraryLoan loan;

    WithdrawDecisionListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_LENDER_TOLD))) {
            throw new IllegalArgumentException("Confirm the lender was told. / 请确认已通知出借馆。");
        }
        loan.recordWithdrawal(LoanVariables.requestId(task), ProcessVariables.actor(task));
    }
}
