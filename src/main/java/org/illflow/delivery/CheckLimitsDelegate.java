package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_LIMITS_OUTCOME;
import static org.illflow.delivery.DocumentDeliveryProcess.VAR_LIMITS_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckLimits: the journal's copyright count and the patron's budget, before anything is ordered. */
@Component("checkLimits")
class CheckLimitsDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    CheckLimitsDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        org.illflow.request.LimitVerdict verdict = delivery.checkLimits(DeliveryVariables.requestId(execution));
        execution.setVariable(VAR_LIMITS_OUTCOME, verdict.outcome());
        execution.setVariable(VAR_LIMITS_REASON, verdict.reason());
    }
}
