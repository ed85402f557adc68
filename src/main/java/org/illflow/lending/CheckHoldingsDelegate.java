package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.catalog.Holding;
import org.illflow.request.LocalHolding;
import org.springframework.stereotype.Component;

/** Task_CheckHoldings: does this library hold what the partner asks for? Not held: Unfilled with NotHeld. */
@Component("lendingCheckHoldings")
class CheckHoldingsDelegate implements JavaDelegate {

    static final String NOT_HELD = "NotHeld";
    static final String NOT_HELD_NOTE = "本馆未收藏 Not held by this library";

    private final Lending lending;

    CheckHoldingsDelegate(Lending lending) {
        this.lending = lending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Holding> holding = lending.checkHoldings(((Number) execution.getVariable(VAR_LENDING_ID)).longValue());
        execution.setVariable(VAR_HELD, holding.isPresent());
        execution.setVariable(VAR_HOLDING_INFO, holding.map(LocalHolding::describe).orElse("—"));
        if (holding.isEmpty()) {
            execution.setVariable(VAR_UNFILLED_REASON, NOT_HELD);
            execution.setVariable(VAR_NOTE, NOT_HELD_NOTE);
        }
    }
}
