package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.illflow.loan.InterlibraryLoan;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** On completing Task_DecideOnRetry: accept the partner's conditions (ask again) or decline (next lender). */
@Component("borrowingRetryDecision")
class RetryDecisionListener implements TaskListener {

    private final InterlibraryLoan loan;

    RetryDecisionListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(VAR_RETRY_DECISION);
        if (!RETRY.equals(decision) && !NEXT_LENDER.equals(decision)) {
            throw new IllegalArgumentException("Choose retry or nextLender. / 请选择“接受条件”或“问下一家”。");
        }
        loan.recordPartnerEvent(LoanSteps.requestId(task), ProcessVariables.actor(task),
                RETRY.equals(decision) ? "PARTNER_CONDITIONS_ACCEPTED" : "PARTNER_CONDITIONS_DECLINED",
                ProcessVariables.string(task, VAR_LENDER_RETRY_REASON), LoanSteps.lenderCode(task));
    }
}
