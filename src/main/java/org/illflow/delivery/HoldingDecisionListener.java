package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_HOLDING_ACCESSIBLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        Object accessible = task.getVariable(VAR_HOLDING_ACCESSIBLE);
        // the form may send the answer as a boolean or as the text "true"/"false"
        if (accessible instanceof String text && (text.equals("true") || text.equals("false"))) {
            accessible = Boolean.valueOf(text);
            task.setVariable(VAR_HOLDING_ACCESSIBLE, accessible);
        }
        if (!(accessible instanceof Boolean answer)) {
            throw new IllegalArgumentException("Say whether the library's copy is accessible. / 请确认本馆馆藏是否可用。");
        }
        delivery.recordHoldingDecision(DeliveryVariables.requestId(task), answer, DeliveryVariables.actor(task));
    }
}
