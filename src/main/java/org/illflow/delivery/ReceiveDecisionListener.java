package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ReceiveCopy: "delivered" needs the PDF waiting on this request (the latest upload through
 * the form); "unfilled" needs the supplier's reason. Otherwise the task stays open.
 */
@Component("receiveDecision")
class ReceiveDecisionListener implements TaskListener {

    private final DeliveryRequests requests;

    ReceiveDecisionListener(DeliveryRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(VAR_RECEIVE_OUTCOME);
        if (DELIVERED.equals(outcome)) {
            Object documentId = task.getVariable(VAR_DOCUMENT_ID);
            if (!(documentId instanceof Number id)
                    || !requests.isPendingCopy(DeliveryVariables.requestId(task), id.longValue())) {
                throw new IllegalArgumentException("Attach the PDF first. / 请先上传 PDF 全文。");
            }
        } else if (UNFILLED.equals(outcome)) {
            String reason = ProcessVariables.string(task, VAR_UNFILLED_REASON);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Give the supplier's reason. / 请填写供应商无法提供的原因。");
            }
        } else {
            throw new IllegalArgumentException("Choose delivered or unfilled. / 请选择“已收到”或“无法提供”。");
        }
    }
}
