package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_SUPPLIER_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordSupplierTimeout: the turnaround target passed without a copy; the next supplier is tried. */
@Component("recordSupplierTimeout")
class RecordSupplierTimeoutDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RecordSupplierTimeoutDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.recordSupplierTimeout(DeliveryVariables.requestId(execution),
                ProcessVariables.string(execution, VAR_SUPPLIER_CODE));
    }
}
