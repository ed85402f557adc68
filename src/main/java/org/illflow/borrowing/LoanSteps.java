package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.illflow.system.ProcessVariables;

/** Reading what the borrowing steps of the loan process need. */
final class LoanSteps {

    private LoanSteps() {
    }

    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_REQUEST_ID)).longValue();
    }

    static String lenderCode(VariableScope scope) {
        return ProcessVariables.string(scope, VAR_LENDER_CODE);
    }

    static String partnerRequestId(VariableScope scope) {
        return ProcessVariables.string(scope, VAR_PARTNER_REQUEST_ID);
    }
}
