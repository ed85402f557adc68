package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_CheckInReturnedBook: staff confirm they have the book back and checked it.
 */
@Component("loanCheckInDecision")
class CheckInDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(ProcessVariables.bool(task, VAR_BOOK_CHECKED))) {
            throw new IllegalArgumentException("Confirm the book is back and checked. / 请确认图书已归还并检查完好。");
        }
    }
}
