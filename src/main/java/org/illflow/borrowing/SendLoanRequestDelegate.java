package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendLenderRequest: the request to the partner lender (a Retry when staff accepted its conditions), and the
 * turnaround target the waiting timer reads.
 */
@Component("borrowingSendLoanRequest")
class SendLoanRequestDelegate implements JavaDelegate {

    private final PartnerLoans loans;

    SendLoanRequestDelegate(PartnerLoans loans) {
        this.loans = loans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean retry = RETRY.equals(execution.getVariable(VAR_RETRY_DECISION));
        PartnerLoans.Sent sent = loans.sendRequest(LoanSteps.requestId(execution), LoanSteps.lenderCode(execution),
                retry ? LoanSteps.partnerRequestId(execution) : null);
        execution.setVariable(VAR_PARTNER_REQUEST_ID, sent.partnerRequestId());
        execution.setVariable(VAR_LENDER_DUE_AT, Date.from(sent.lenderDueAt()));
        execution.setVariable(VAR_RETRY_DECISION, null);
    }
}
