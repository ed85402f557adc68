package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.supplier.PartnerSuppliers;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task_TakeNextSupplier: the next supplier in price order, with the deadline of its turnaround target for
 * the Receive task's timer; or none left.
 */
@Component("takeNextSupplier")
class TakeNextSupplierDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;
    private final PartnerSuppliers partners;

    TakeNextSupplierDelegate(DocumentDelivery delivery, PartnerSuppliers partners) {
        this.delivery = delivery;
        this.partners = partners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<DocumentDelivery.NextSupplier> next = delivery.takeNextSupplier(DeliveryVariables.requestId(execution),
                ProcessVariables.string(execution, VAR_REMAINING_SUPPLIERS));
        execution.setVariable(VAR_SUPPLIER_LEFT, next.isPresent());
        next.ifPresent(supplier -> {
            execution.setVariable(VAR_SUPPLIER_CODE, supplier.code());
            execution.setVariable(VAR_SUPPLIER_NAME, supplier.name());
            // an ISO 18626 partner is asked by message instead of the staff's order task
            execution.setVariable(VAR_SUPPLIER_IS_PEER, partners.isPartner(supplier.code()));
            execution.setVariable(VAR_REMAINING_SUPPLIERS, supplier.remaining());
            // each try starts without the previous try's answers; Tasklist's forms create them anew
            execution.removeVariables(List.of(VAR_ORDER_OUTCOME, VAR_RECEIVE_OUTCOME, VAR_DOCUMENT_ID,
                    VAR_UNFILLED_REASON));
        });
    }
}
