package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_PullAndShip: the book is on its way with its due date (proposed from the lending terms, after
 * today and within a year) and the shipping note. Not while the partner's cancellation waits for an answer.
 */
@Component("lendingShipDecision")
class ShipDecisionListener implements TaskListener {

    private final Lending lending;

    ShipDecisionListener(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void notify(DelegateTask task) {
        CancelDecisionListener.requireNoCancelPending(task);
        LocalDate due = ProcessVariables.date(task.getVariable(VAR_SHIP_DUE_DATE));
        LocalDate today = lending.today();
        if (due == null || !due.isAfter(today) || due.isAfter(today.plusYears(1))) {
            throw new IllegalArgumentException("Give the due date: after today and within a year. / "
                    + "请填写应还日期（今天之后、一年之内）。");
        }
        String note = ProcessVariables.string(task, VAR_SHIPPING_NOTE);
        if (note != null && note.length() > 1000) {
            throw new IllegalArgumentException("The shipping note is at most 1000 characters. / 寄送说明最多 1000 字。");
        }
        task.setVariable(VAR_SHIP_DUE_DATE, due.toString());
        lending.recordShipped(((Number) task.getVariable(VAR_LENDING_ID)).longValue(), ProcessVariables.actor(task),
                due, note);
    }
}
