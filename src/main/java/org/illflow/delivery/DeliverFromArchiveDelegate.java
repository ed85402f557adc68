package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_ARCHIVED_DOCUMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DeliverFromArchive: the archived copy answers the request at once; the reuse is recorded. */
@Component("deliverFromArchive")
class DeliverFromArchiveDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    DeliverFromArchiveDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverFromArchive(DeliveryVariables.requestId(execution),
                ((Number) execution.getVariable(VAR_ARCHIVED_DOCUMENT)).longValue());
    }
}
