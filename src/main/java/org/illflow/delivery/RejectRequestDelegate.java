package org.illflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RejectRequest: the request is REJECTED because the patron's account is not active. */
@Component("rejectRequest")
class RejectRequestDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RejectRequestDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.reject(DeliveryVariables.requestId(execution));
    }
}
