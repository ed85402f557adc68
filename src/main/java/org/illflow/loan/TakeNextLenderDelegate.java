package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.supplier.PartnerSuppliers;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task_TakeNextLender: the next lender in price order, with its terms for the staff form, and whether it is an
 * ISO 18626 partner (then illflow sends the request itself); or none left.
 */
@Component("loanTakeNextLender")
class TakeNextLenderDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;
    private final PartnerSuppliers partners;

    TakeNextLenderDelegate(InterlibraryLoan loan, PartnerSuppliers partners) {
        this.loan = loan;
        this.partners = partners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<InterlibraryLoan.NextLender> next = loan.takeNextLender(LoanVariables.requestId(execution),
                ProcessVariables.string(execution, VAR_REMAINING_LENDERS));
        execution.setVariable(VAR_LENDER_LEFT, next.isPresent());
        next.ifPresent(lender -> {
            execution.setVariable(VAR_LENDER_CODE, lender.code());
            // decided once per lender: the model's later gateways (cancel, renew, return) follow the same way
            execution.setVariable(VAR_LENDER_IS_PEER, partners.isPartner(lender.code()));
            execution.setVariable(VAR_LENDER_NAME, lender.name());
            execution.setVariable(VAR_LENDER_TERMS, lender.terms());
            execution.setVariable(VAR_LENDER_WORK_LINK, lender.workLink());
            execution.setVariable(VAR_REMAINING_LENDERS, lender.remaining());
            execution.setVariable(VAR_REQUEST_OUTCOME, null);
            execution.setVariable(VAR_RECEIVE_OUTCOME, null);
            execution.setVariable(VAR_UNFILLED_REASON, null);
        });
    }
}
