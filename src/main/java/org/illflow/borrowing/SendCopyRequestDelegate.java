package org.illflow.borrowing;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.delivery.DocumentDelivery;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_SendCopyRequest: the copy request to the partner supplier, and the turnaround target its timer reads. */
@Component("borrowingSendCopyRequest")
class SendCopyRequestDelegate implements JavaDelegate {

    private final PartnerCopies copies;
    private final DocumentDelivery delivery;

    SendCopyRequestDelegate(PartnerCopies copies, DocumentDelivery delivery) {
        this.copies = copies;
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String supplier = ProcessVariables.string(execution, VAR_SUPPLIER_CODE);
        String id = copies.sendRequest(((Number) execution.getVariable(VAR_REQUEST_ID)).longValue(), supplier);
        execution.setVariable(VAR_PARTNER_REQUEST_ID, id);
        execution.setVariable(VAR_PARTNER_REQUEST_OPEN, true);
        execution.setVariable(VAR_SUPPLIER_DUE_AT, Date.from(delivery.supplierDueAt(supplier)));
    }
}
