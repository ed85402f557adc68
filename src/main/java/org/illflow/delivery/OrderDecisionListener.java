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
        String supplier = ProcessVariables.string(task, VAR_SUPPLIER_CODE);
        delivery.recordOrderOutcome(DeliveryVariables.requestId(task), supplier, ORDERED.equals(outcome),
                ProcessVariables.actor(task));
        if (ORDERED.equals(outcome)) {
            // the supplier's turnaround clock starts now that it has been asked, not when the task was offered
            task.setVariable(VAR_SUPPLIER_DUE_AT, Date.from(delivery.supplierDueAt(supplier)));
        }
    }
}
