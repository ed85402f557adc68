package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_REQUEST_ID;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The request a delivery step works on. Form answers and actors: {@link org.illflow.system.ProcessVariables}. */
final class DeliveryVariables {

    private DeliveryVariables() {
    }

    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_REQUEST_ID)).longValue();
    }
}
