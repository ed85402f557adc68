package org.illflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RejectRequest: REJECTED, the patron's account not being active, or over a limit (the reason it gives). */
@Component("rejectRequest")
class RejectRequestDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    RejectRequestDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.reject(DeliveryVariables.requestId(execution),
                org.illflow.system.ProcessVariables.string(execution, DocumentDeliveryProcess.VAR_LIMITS_REASON));
    }
}
