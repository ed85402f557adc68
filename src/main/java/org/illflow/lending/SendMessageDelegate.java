package org.illflow.lending;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every "Send …" task of the lending model: sends the partner the ISO 18626 message its {@code message} input
 * parameter names ({@link Lending.Outgoing}), through the outbox, in this step's transaction.
 */
@Component("lendingSend")
class SendMessageDelegate implements JavaDelegate {

    private final Lending lending;

    SendMessageDelegate(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lending.send(Lending.Outgoing.valueOf((String) execution.getVariableLocal(LendingProcess.VAR_MESSAGE)), execution);
    }
}
