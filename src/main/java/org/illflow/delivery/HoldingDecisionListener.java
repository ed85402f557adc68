package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_HOLDING_ACCESSIBLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ConfirmLocalHolding: staff say whether the library's copy is really accessible to the
 * patron (a lost book, a lapsed licence: order it anyway). Without an answer the task stays open.
 */
@Component("holdingDecision")
class HoldingDecisionListener implements TaskListener {

    private final DocumentDelivery delivery;

    HoldingDecisionListener(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void notify(DelegateTask task) {
        Boolean accessible = ProcessVariables.bool(task, VAR_HOLDING_ACCESSIBLE);
        if (accessible == null) {
            throw new IllegalArgumentException("Say whether the library's copy is accessible. / 请确认本馆馆藏是否可用。");
        }
        task.setVariable(VAR_HOLDING_ACCESSIBLE, accessible); // the gateway reads a boolean
        delivery.recordHoldingDecision(DeliveryVariables.requestId(task), accessible, ProcessVariables.actor(task));
    }
}
