package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_OVER_LIMIT_APPROVED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_ApproveOverLimit: the admin approves the loan request over the budget, or refuses it. */
@Component("loanOverLimitDecision")
class OverLimitDecisionListener implements TaskListener {

    private final InterlibraryLoan loan;

    OverLimitDecisionListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        Boolean approved = ProcessVariables.bool(task, VAR_OVER_LIMIT_APPROVED);
        if (approved == null) {
            throw new IllegalArgumentException("Approve or refuse the request. / 请选择批准或不批准。");
        }
        task.setVariable(VAR_OVER_LIMIT_APPROVED, approved); // the gateway reads a boolean
        loan.recordOverLimitDecision(LoanVariables.requestId(task), approved, ProcessVariables.actor(task));
    }
}
