package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ConfirmLocalHolding: staff say whether the library's copy is really available to the
 * patron (on loan to someone else, lost, in repair: borrow it anyway). Without an answer the task stays open.
 */
@Component("loanHoldingDecision")
class HoldingDecisionListener implements TaskListener {

    private final InterlibraryLoan loan;

    HoldingDecisionListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        Boolean available = ProcessVariables.bool(task, VAR_HOLDING_ACCESSIBLE);
        if (available == null) {
            throw new IllegalArgumentException("Say whether the library's copy is available. / 请确认本馆馆藏是否可借。");
        }
        task.setVariable(VAR_HOLDING_ACCESSIBLE, available);
        loan.recordHoldingDecision(LoanVariables.requestId(task), available, ProcessVariables.actor(task));
    }
}
