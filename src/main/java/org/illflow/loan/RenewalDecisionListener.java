package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing Task_AskLenderForRenewal: granted with the lender's new due date (after the current one), or
 * refused. Otherwise the task stays open.
 */
@Component("loanRenewalDecision")
class RenewalDecisionListener implements TaskListener {

    private final InterlibraryLoan loan;

    RenewalDecisionListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(VAR_RENEWAL_OUTCOME);
        if (GRANTED.equals(outcome)) {
            LocalDate newDueDate = LoanVariables.date(task, VAR_NEW_DUE_DATE);
            LocalDate current = loan.request(LoanVariables.requestId(task)).getDueDate();
            if (newDueDate == null || !newDueDate.isAfter(current)) {
                throw new IllegalArgumentException("Give the new due date, after " + current
                        + ". / 请填写新的应还日期（须晚于 " + current + "）。");
            }
            task.setVariable(VAR_NEW_DUE_DATE, newDueDate.toString());
        } else if (!REFUSED.equals(outcome)) {
            throw new IllegalArgumentException("Choose granted or refused. / 请选择“同意续借”或“拒绝续借”。");
        }
    }
}
