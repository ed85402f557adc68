package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_CheckInReturnedBook: staff confirm the book is back and checked. */
@Component("lendingCheckInDecision")
class CheckInDecisionListener implements TaskListener {

    private final Lending lending;

    CheckInDecisionListener(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_BOOK_CHECKED))) {
            throw new IllegalArgumentException("Confirm the book is back and checked. / 请确认图书已归还并检查完好。");
        }
        lending.recordCheckedIn(((Number) task.getVariable(VAR_LENDING_ID)).longValue(), ProcessVariables.actor(task));
    }
}
