package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.ERROR_PATRON_NOT_ACTIVE;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_VerifyPatron: a patron whose account is not active gets nothing borrowed (BPMN error). */
@Component("loanVerifyPatron")
class VerifyPatronDelegate implements JavaDelegate {

    private final InterlibraryLoan loan;

    VerifyPatronDelegate(InterlibraryLoan loan) {
        this.loan = loan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!loan.patronIsActive(LoanVariables.requestId(execution))) {
            throw new BpmnError(ERROR_PATRON_NOT_ACTIVE, "the patron's account is not active");
        }
    }
}
