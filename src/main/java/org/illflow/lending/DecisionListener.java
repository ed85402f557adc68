package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_Decide: lend the book, send a copy (each only when the partner asked for it), unfilled with
 * a reason, or retry possible with a reason and an optional cost. Anything else keeps the task open with the
 * reason.
 */
@Component("lendingDecision")
class DecisionListener implements TaskListener {

    private final Lending lending;

    DecisionListener(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = ProcessVariables.string(task, VAR_DECISION);
        String serviceType = ProcessVariables.string(task, VAR_SERVICE_TYPE);
        String detail = null;
        if (LOAN.equals(decision) || COPY.equals(decision)) {
            String refused = LOAN.equals(decision) ? ServiceType.Copy.name() : ServiceType.Loan.name();
            if (refused.equals(serviceType)) {
                throw new IllegalArgumentException("The partner asked for a " + serviceType.toLowerCase(java.util.Locale.ROOT)
                        + " only. / 对方只申请了" + (LOAN.equals(decision) ? "复制件" : "借书") + "。");
            }
            task.setVariable(VAR_SUPPLY_AS, decision);
        } else if (UNFILLED.equals(decision)) {
            detail = ProcessVariables.string(task, VAR_UNFILLED_REASON);
            if (detail == null || !Lending.UNFILLED_REASONS.contains(detail)) {
                throw new IllegalArgumentException("Choose why it cannot be supplied. / 请选择无法提供的原因。");
            }
        } else if (RETRY.equals(decision)) {
            detail = ProcessVariables.string(task, VAR_RETRY_REASON);
            if (detail == null || !Lending.RETRY_REASONS.contains(detail)) {
                throw new IllegalArgumentException("Choose the condition for a new request. / 请选择重新申请的条件。");
            }
            Object cost = task.getVariable(VAR_RETRY_COST);
            if (cost != null && !cost.toString().isBlank() && Lending.cost(cost) == null) {
                throw new IllegalArgumentException("The cost is an amount in CNY, e.g. 30.00. / 费用请填写人民币金额，如 30.00。");
            }
            detail = detail + (Lending.cost(cost) == null ? "" : " · " + Lending.cost(cost) + " CNY");
        } else {
            throw new IllegalArgumentException("Choose what to do. / 请选择处理方式。");
        }
        lending.recordDecision(((Number) task.getVariable(VAR_LENDING_ID)).longValue(), ProcessVariables.actor(task),
                decision, detail);
    }
}
