package org.illflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordCancellation: the patron (or staff for them) cancelled before the copy arrived. */
@Component("recordCancellation")
class RecordCancellationDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RecordCancellationDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.recordCancellation(DeliveryVariables.requestId(execution),
                ProcessVariables.string(execution, "cancelledBy"));
    }
}
