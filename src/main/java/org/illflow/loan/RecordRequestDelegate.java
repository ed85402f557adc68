package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.VAR_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRequest. From the portal or API the request is already recorded; from Tasklist's start form (a
 * book request that came by phone or e-mail) it is recorded here, in the start form's transaction, so invalid
 * input (an ISBN with a wrong check digit) leaves nothing behind and Tasklist shows why.
 */
@Component("loanRecordRequest")
class RecordRequestDelegate implements JavaDelegate {

    private final LoanRequests requests;

    RecordRequestDelegate(LoanRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(VAR_REQUEST_ID) != null) {
            return;
        }
        LoanRequest request = requests.enterForPatron(execution.getVariables(), ProcessVariables.staffBehind(execution));
        request.attachProcess(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(request.getRequestNumber());
        execution.setVariables(LoanRequests.variablesOf(request));
    }
}
