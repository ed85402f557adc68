package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_HELD_LOCALLY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckHoldings: does the library hold it (subscribed e-journal within coverage, or print)? */
@Component("checkHoldings")
class CheckHoldingsDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    CheckHoldingsDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_HELD_LOCALLY, delivery.heldLocally(DeliveryVariables.requestId(execution))
                .isPresent());
    }
}
