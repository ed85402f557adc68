package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_REMAINING_SUPPLIERS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RankSuppliers: eligible (decision table) and active suppliers, cheapest first, then fastest. */
@Component("rankSuppliers")
class RankSuppliersDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RankSuppliersDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_REMAINING_SUPPLIERS, delivery.rankSuppliers(DeliveryVariables.requestId(execution)));
    }
}
