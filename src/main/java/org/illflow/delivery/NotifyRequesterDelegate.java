package org.illflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The mail tasks of document delivery (delivered, held locally, unfilled, rejected); the task's input
 * parameter {@code notice} names the kind. Asynchronous with a retry cycle in the model.
 */
@Component("notifyRequester")
class NotifyRequesterDelegate implements JavaDelegate {

    private final DeliveryNotices notices;

    NotifyRequesterDelegate(DeliveryNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.notifyRequester(DeliveryVariables.requestId(execution), (String) execution.getVariableLocal("notice"));
    }
}
