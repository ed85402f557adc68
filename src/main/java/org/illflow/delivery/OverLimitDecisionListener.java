package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_OVER_LIMIT_APPROVED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_ApproveOverLimit: the admin approves the request over a limit, or refuses it. */
@Component("overLimitDecision")
class OverLimitDecisionListener implements TaskListener {

    private final DocumentDelivery delivery;

    OverLimitDecisionListener(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void notify(DelegateTask task) {
        Boolean approved = ProcessVariables.bool(task, VAR_OVER_LIMIT_APPROVED);
        if (approved == null) {
            throw new IllegalArgumentException("Approve or refuse the request. / 请选择批准或不批准。");
        }
        task.setVariable(VAR_OVER_LIMIT_APPROVED, approved); // the gateway reads a boolean
        delivery.recordOverLimitDecision(DeliveryVariables.requestId(task), approved, ProcessVariables.actor(task));
    }
}
