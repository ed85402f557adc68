package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_LendToPatron: the book is handed over only after staff checked the patron's ID card at
 * the circulation desk.
 */
@Component("loanLendDecision")
class LendDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_ID_CHECKED))) {
            throw new IllegalArgumentException("Check the patron's ID card first. / 请先核对读者证件。");
        }
        task.setVariable(VAR_LOAN_OUTCOME, OUTCOME_LENT);
    }
}
