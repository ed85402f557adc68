package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordSupplierUnfilled: the supplier could not deliver; the next one is tried. */
@Component("recordSupplierUnfilled")
class RecordSupplierUnfilledDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RecordSupplierUnfilledDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.recordSupplierUnfilled(DeliveryVariables.requestId(execution),
                ProcessVariables.string(execution, VAR_SUPPLIER_CODE),
                ProcessVariables.string(execution, VAR_UNFILLED_REASON), ProcessVariables.staffBehind(execution));
    }
}
