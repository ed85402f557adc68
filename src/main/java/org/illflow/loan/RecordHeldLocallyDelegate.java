package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_HOLDING_INFO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordHeldLocally: HELD_LOCALLY, with the call number and location the patron is told. */
@Component("loanRecordHeldLocally")
class RecordHeldLocallyDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    RecordHeldLocallyDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = LoanVariables.requestId(execution);
        // shown to staff on the Confirm task
        loan.heldLocally(requestId).ifPresent(holding -> execution.setVariable(VAR_HOLDING_INFO,
                loan.recordHeldLocally(requestId, holding)));
    }
}
