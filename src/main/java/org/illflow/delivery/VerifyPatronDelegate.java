package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.ERROR_PATRON_NOT_ACTIVE;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_VerifyPatron: a patron whose account is not active gets nothing ordered (BPMN error). */
@Component("verifyPatron")
class VerifyPatronDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    VerifyPatronDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!delivery.patronIsActive(DeliveryVariables.requestId(execution))) {
            throw new BpmnError(ERROR_PATRON_NOT_ACTIVE, "the patron's account is not active");
        }
    }
}
