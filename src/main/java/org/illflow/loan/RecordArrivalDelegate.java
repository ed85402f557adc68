package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.math.BigDecimal;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/** Task_RecordArrival: SATISFIED, the borrowing fee, and the pickup deadline the Lend task's timer reads. */
@Component("loanRecordArrival")
class RecordArrivalDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;
    private final DueDateCalculator dates;

    RecordArrivalDelegate(InterlibraryLoan loan, DueDateCalculator dates) {
        this.loan = loan;
        this.dates = dates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LoanRequest request = loan.recordArrival(LoanVariables.requestId(execution),
                ProcessVariables.staffBehind(execution));
        execution.setVariable(VAR_PICKUP_DEADLINE, Date.from(request.getPickupDeadline()));
        execution.setVariable(VAR_LAST_PICKUP_DAY, dates.lastPickupDay(request.getArrivedAt()).toString());
        // what the Return task offers as shipping: the lender's agreed amount, 0 when the fee includes it
        BigDecimal shipping = loan.lender(request).getShippingCost();
        execution.setVariable(VAR_SHIPPING_COST, shipping == null ? 0.0 : shipping.doubleValue());
    }
}
