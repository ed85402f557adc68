package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_RequestFromLender: requested or skip, recorded on the timeline. A request starts the
 * lender's turnaround target, which the Receive task's timer reads.
 */
@Component("loanRequestDecision")
class RequestDecisionListener implements TaskListener {

    private final InterlibraryLoan loan;

    RequestDecisionListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(VAR_REQUEST_OUTCOME);
        if (!REQUESTED.equals(outcome) && !SKIP.equals(outcome)) {
            throw new IllegalArgumentException("Choose requested or skip. / 请选择“已发出申请”或“跳过”。");
        }
        String lender = ProcessVariables.string(task, VAR_LENDER_CODE);
        loan.recordRequestOutcome(LoanVariables.requestId(task), lender, REQUESTED.equals(outcome),
                ProcessVariables.actor(task));
        if (REQUESTED.equals(outcome)) {
            task.setVariable(VAR_LENDER_DUE_AT, Date.from(loan.lenderDueAt(lender)));
        }
    }
}
