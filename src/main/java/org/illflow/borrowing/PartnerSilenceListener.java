package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.EVENT_RENEW_ANSWER_OVERDUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.illflow.loan.InterlibraryLoan;
import org.illflow.loan.LoanSettings;
import org.springframework.stereotype.Component;

/**
 * When a partner library has not answered in time (Event_RenewAnswerOverdue after a Renew,
 * Event_LoanCompletedOverdue after ShippedReturn): a timeline line says so, so staff see on the request why the
 * case is now theirs. Without these timers a partner that never answers would leave the request waiting forever.
 */
@Component("borrowingPartnerSilent")
class PartnerSilenceListener implements ExecutionListener {

    private final InterlibraryLoan loan;
    private final LoanSettings settings;

    PartnerSilenceListener(InterlibraryLoan loan, LoanSettings settings) {
        this.loan = loan;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        boolean renewal = EVENT_RENEW_ANSWER_OVERDUE.equals(execution.getCurrentActivityId());
        String lender = LoanSteps.lenderCode(execution);
        String detail = renewal
                ? "no RenewResponse from " + lender + " within " + settings.getPartnerRenewAnswerWaitIso()
                        + "; staff ask for the renewal"
                : "no LoanCompleted from " + lender + " within " + settings.getPartnerReturnConfirmationWaitIso()
                        + " of ShippedReturn; staff check with the partner";
        loan.recordPartnerEvent(LoanSteps.requestId(execution), null,
                renewal ? "PARTNER_NO_RENEW_ANSWER" : "PARTNER_NO_RETURN_CONFIRMED", detail, lender);
    }
}
