package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ReviewRegistration: the decision must be approve or reject, and a rejection needs a
 * reason (the applicant is told it). Otherwise the completion fails with a message Tasklist shows, and the
 * task stays open. Records who decided.
 */
@Component("reviewDecision")
class ReviewDecisionListener implements TaskListener {

    static final int MAX_REASON_LENGTH = 500;

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(VAR_DECISION);
        if (!DECISION_APPROVE.equals(decision) && !DECISION_REJECT.equals(decision)) {
            throw new IllegalArgumentException("Choose approve or reject. / 请选择批准或拒绝。");
        }
        if (DECISION_REJECT.equals(decision)) {
            Object reason = task.getVariable(VAR_REJECTION_REASON);
            if (reason == null || reason.toString().isBlank()) {
                throw new IllegalArgumentException("A rejection needs a reason for the applicant. / 拒绝时请填写原因。");
            }
            if (reason.toString().length() > MAX_REASON_LENGTH) {
                throw new IllegalArgumentException("The reason is longer than 500 characters. / 原因不能超过500字。");
            }
        }
        task.setVariable("reviewedBy", ProcessVariables.actor(task));
    }
}
