package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the end of InterlibraryLoanProcess, whichever end event it reached: the record is final from now on, so
 * nothing offers or accepts a cancel the instance can no longer take.
 */
@Component("loanRecordClosed")
class RecordClosedListener implements ExecutionListener {

    private final InterlibraryLoan loan;

    RecordClosedListener(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(VAR_REQUEST_ID) != null) {
            loan.recordClosed(LoanVariables.requestId(execution));
        }
    }
}
