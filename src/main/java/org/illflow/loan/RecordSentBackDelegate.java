package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordSentBack: the book is on its way back to the lender; the shipping cost is recorded. */
@Component("loanRecordSentBack")
class RecordSentBackDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordSentBackDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number shipping = (Number) execution.getVariable(VAR_SHIPPING_COST);
        loan.recordSentBack(LoanVariables.requestId(execution),
                BigDecimal.valueOf(shipping.doubleValue()).setScale(2, RoundingMode.HALF_UP),
                ProcessVariables.string(execution, VAR_TRACKING_NUMBER), ProcessVariables.staffBehind(execution));
    }
}
