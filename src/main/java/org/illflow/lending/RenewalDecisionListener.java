package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_DecideRenewal: granted with the new due date (after the current one, within a year), or
 * refused. Otherwise the task stays open.
 */
@Component("lendingRenewalDecision")
class RenewalDecisionListener implements TaskListener {

    private final Lending lending;

    RenewalDecisionListener(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = ProcessVariables.string(task, VAR_RENEWAL_OUTCOME);
        long lendingId = ((Number) task.getVariable(VAR_LENDING_ID)).longValue();
        if (GRANTED.equals(outcome)) {
            LocalDate current = lending.request(lendingId).dueDate();
            LocalDate newDue = ProcessVariables.date(task.getVariable(VAR_NEW_DUE_DATE));
            if (newDue == null || !newDue.isAfter(current) || newDue.isAfter(lending.today().plusYears(1))) {
                throw new IllegalArgumentException("Give the new due date, after " + current
                        + " and within a year. / 请填写新的应还日期（须晚于 " + current + "）。");
            }
            task.setVariable(VAR_NEW_DUE_DATE, newDue.toString());
        } else if (!REFUSED.equals(outcome)) {
            throw new IllegalArgumentException("Choose granted or refused. / 请选择“同意续借”或“拒绝续借”。");
        }
        lending.record(lendingId, ProcessVariables.actor(task), "RENEWAL_" + outcome.toUpperCase(java.util.Locale.ROOT),
                GRANTED.equals(outcome) ? ProcessVariables.string(task, VAR_NEW_DUE_DATE) : null);
    }
}
