package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ReturnToLender: the shipping the library paid (0 or more) is needed.
 */
@Component("loanReturnDecision")
class ReturnDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object shipping = task.getVariable(VAR_SHIPPING_COST);
        double amount;
        try {
            amount = shipping instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(shipping));
        } catch (NumberFormatException e) {
            amount = -1;
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("Give the shipping cost (0 or more). / 请填写运费（0 或以上）。");
        }
        task.setVariable(VAR_SHIPPING_COST, amount);
    }
}
