package org.illflow.lending;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordReceived: the partner has the book; the loan goes on until it ships it back. */
@Component("lendingRecordReceived")
class RecordReceivedDelegate implements JavaDelegate {

    private final Lending lending;

    RecordReceivedDelegate(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lending.recordReceived(((Number) execution.getVariable(LendingProcess.VAR_LENDING_ID)).longValue());
    }
}
