package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the end of DocumentDeliveryProcess, whichever end event it reached: the record is final from now on, so
 * nothing offers or accepts a cancel the instance can no longer take.
 */
@Component("recordClosed")
class RecordClosedListener implements ExecutionListener {

    private final DocumentDelivery delivery;

    RecordClosedListener(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(VAR_REQUEST_ID) != null) {
            delivery.recordClosed(DeliveryVariables.requestId(execution));
        }
    }
}
