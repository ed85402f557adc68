package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_REQUEST_ID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Reading the few variables every delivery step needs. */
final class DeliveryVariables {

    private DeliveryVariables() {
    }

    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_REQUEST_ID)).longValue();
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Who completes a task: the signed-in Tasklist user, else the assignee. */
    static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
