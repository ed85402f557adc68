package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.KEY;
import static org.illflow.delivery.DocumentDeliveryProcess.TASK_ORDER;
import static org.illflow.delivery.DocumentDeliveryProcess.VAR_SUPPLIER_CODE;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who holds the open <i>Order</i> task of a request. A supplier's password is shown only to the staff member
 * who has claimed that task for that supplier: not to every document delivery staff member, not for a finished
 * request, not for another supplier or a lender.
 */
@Component
class OrderTasks {

    private final TaskService taskService;

    OrderTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    /** The id of the open Order task of this request for this supplier assigned to this user, if there is one. */
    Optional<String> heldBy(String requestNumber, String supplierCode, String userId) {
        if (supplierCode == null || userId == null) {
            return Optional.empty();
        }
        return taskService.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(requestNumber)
                .taskDefinitionKey(TASK_ORDER).taskAssignee(userId).active().list().stream()
                .filter(task -> supplierCode.equalsIgnoreCase(supplierOf(task)))
                .map(Task::getId).findFirst();
    }

    private String supplierOf(Task task) {
        Object code = taskService.getVariable(task.getId(), VAR_SUPPLIER_CODE);
        return code instanceof String s ? s : null;
    }
}
