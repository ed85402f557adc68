package org.illflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordHeldLocally: the request is HELD_LOCALLY, with where (link, or call number and location). */
@Component("recordHeldLocally")
class RecordHeldLocallyDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RecordHeldLocallyDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = DeliveryVariables.requestId(execution);
        delivery.heldLocally(requestId).ifPresent(holding -> {
            delivery.recordHeldLocally(requestId, holding);
            // shown to staff on the Confirm task
            execution.setVariable(DocumentDeliveryProcess.VAR_HOLDING_INFO, delivery.request(requestId).getHoldingInfo());
        });
    }
}
