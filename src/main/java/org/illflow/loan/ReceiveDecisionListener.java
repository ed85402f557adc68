package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ReceiveBook: "received", or "unfilled" with the lender's reason. Otherwise the task stays open.
 */
@Component("loanReceiveDecision")
class ReceiveDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(VAR_RECEIVE_OUTCOME);
        if (UNFILLED.equals(outcome)) {
            String reason = ProcessVariables.string(task, VAR_UNFILLED_REASON);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Give the lender's reason. / 请填写出借馆无法出借的原因。");
            }
        } else if (!RECEIVED.equals(outcome)) {
            throw new IllegalArgumentException("Choose received or unfilled. / 请选择“已收到”或“无法出借”。");
        }
    }
}
