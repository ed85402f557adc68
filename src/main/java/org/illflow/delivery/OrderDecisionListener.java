package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_OrderFromSupplier: ordered or skip, recorded on the request's timeline. */
@Component("orderDecision")
class OrderDecisionListener implements TaskListener {

    private final DocumentDelivery delivery;

    OrderDecisionListener(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(VAR_ORDER_OUTCOME);
        if (!ORDERED.equals(outcome) && !SKIP.equals(outcome)) {
            throw new IllegalArgumentException("Choose ordered or skip. / 请选择“已下单”或“跳过”。");
        }
        long requestId = DeliveryVariables.requestId(task);
        if (ORDERED.equals(outcome) && !Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_COPYRIGHT_CONFIRMED))) {
            var standing = delivery.copyrightStanding(requestId);
            if (standing.needsConfirmation()) {
                throw new IllegalArgumentException("Confirm the journal's copyright count before ordering: "
                        + standing.describe() + " / 本刊本年度复制份数已达提醒阈值，请勾选确认后再下单。");
            }
        }
        String supplier = ProcessVariables.string(task, VAR_SUPPLIER_CODE);
        delivery.recordOrderOutcome(requestId, supplier, ORDERED.equals(outcome),
                ProcessVariables.actor(task));
        if (ORDERED.equals(outcome)) {
            // the supplier's turnaround clock starts now that it has been asked, not when the task was offered
            task.setVariable(VAR_SUPPLIER_DUE_AT, Date.from(delivery.supplierDueAt(supplier)));
        }
    }
}
