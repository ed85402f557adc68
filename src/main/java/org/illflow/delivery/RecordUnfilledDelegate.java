package org.illflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordUnfilled: no supplier was eligible, or every one failed: UNFILLED. */
@Component("recordUnfilled")
class RecordUnfilledDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RecordUnfilledDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.recordUnfilled(DeliveryVariables.requestId(execution));
    }
}
