package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_AnswerCancel: staff accept or refuse the partner's cancellation. */
@Component("lendingCancelDecision")
class CancelDecisionListener implements TaskListener {

    private final Lending lending;

    CancelDecisionListener(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void notify(DelegateTask task) {
        Boolean accepted = ProcessVariables.bool(task, VAR_CANCEL_ACCEPTED);
        if (accepted == null) {
            throw new IllegalArgumentException("Accept or refuse the cancellation. / 请选择同意或不同意取消。");
        }
        task.setVariable(VAR_CANCEL_ACCEPTED, accepted);
        lending.record(((Number) task.getVariable(VAR_LENDING_ID)).longValue(), ProcessVariables.actor(task),
                accepted ? "CANCEL_ACCEPTED" : "CANCEL_REFUSED", ProcessVariables.string(task, VAR_CANCEL_NOTE));
    }

    /** Shipping waits while a cancellation waits for staff: answer it first. */
    static void requireNoCancelPending(DelegateTask task) {
        if (Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_CANCEL_PENDING))) {
            throw new IllegalArgumentException("The partner asked to cancel: answer that task first. / "
                    + "对方已申请取消，请先处理取消任务。");
        }
    }
}
