package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordDelivery: DELIVERED, with the archived copy and what it cost the library. */
@Component("recordDelivery")
class RecordDeliveryDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RecordDeliveryDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.recordDelivery(DeliveryVariables.requestId(execution),
                ((Number) execution.getVariable(VAR_DOCUMENT_ID)).longValue(),
                ProcessVariables.string(execution, VAR_SUPPLIER_CODE), ProcessVariables.staffBehind(execution));
    }
}
