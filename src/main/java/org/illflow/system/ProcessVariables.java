package org.illflow.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reading what delegates and task listeners of every process need: form answers and who acted. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A form's yes/no answer: a boolean, or the text "true"/"false" some forms send; null when not given. */
    public static Boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean answer) {
            return answer;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        return null;
    }

    /** A date as forms send it: yyyy-MM-dd, or a date-time of which the date counts; null when not a date. */
    public static java.time.LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Who completes a task: the signed-in Tasklist user, else the assignee. */
    public static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    /** The staff member whose action (a start form, a completed task) runs this step, or null when none. */
    public static String staffBehind(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }
}
