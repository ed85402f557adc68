package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRequest. From the portal or API the request is already recorded; from Tasklist's start form
 * (a request that came by phone or e-mail) it is recorded here, in the start form's transaction, so invalid
 * input leaves nothing behind and Tasklist shows why.
 */
@Component("recordRequest")
class RecordRequestDelegate implements JavaDelegate {

    private final DeliveryRequests requests;

    RecordRequestDelegate(DeliveryRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(VAR_REQUEST_ID) != null) {
            return;
        }
        DocumentDeliveryRequest request = requests.enterForPatron(execution.getVariables(),
                ProcessVariables.staffBehind(execution));
        request.attachProcess(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(request.getRequestNumber());
        execution.setVariable(VAR_REQUEST_ID, request.getId());
        execution.setVariable(VAR_REQUEST_NUMBER, request.getRequestNumber());
        execution.setVariable(VAR_REQUEST_TITLE, request.getTitle());
    }
}
