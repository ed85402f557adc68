package org.illflow.borrowing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The "tell the partner" steps of both processes: in the loan process Task_SendReceived, Task_SendShippedReturn,
 * Task_SendRenew, Task_SendCancelOnTimeout and Task_SendCancelOnWithdraw; in document delivery
 * Task_SendCopyCancelOnTimeout and Task_SendCopyCancelOnWithdraw. Each names its ISO 18626 action in the input
 * parameter {@code partnerAction} (as the notice steps name their notice); the message goes out with the step.
 */
@Component("borrowingTellPartner")
class TellPartnerDelegate implements JavaDelegate {

    private final PartnerLoans loans;
    private final PartnerCopies copies;

    TellPartnerDelegate(PartnerLoans loans, PartnerCopies copies) {
        this.loans = loans;
        this.copies = copies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Action action = Action.valueOf(ProcessVariables.string(execution, InterlibraryLoanProcess.VAR_PARTNER_ACTION));
        long requestId = ((Number) execution.getVariable(InterlibraryLoanProcess.VAR_REQUEST_ID)).longValue();
        if (DocumentDeliveryProcess.KEY.equals(execution.getProcessDefinitionId().split(":")[0])) {
            copies.tell(requestId, ProcessVariables.string(execution, DocumentDeliveryProcess.VAR_SUPPLIER_CODE),
                    ProcessVariables.string(execution, DocumentDeliveryProcess.VAR_PARTNER_REQUEST_ID), action);
            execution.setVariable(DocumentDeliveryProcess.VAR_PARTNER_REQUEST_OPEN, false);
        } else {
            loans.tell(requestId, LoanSteps.lenderCode(execution), LoanSteps.partnerRequestId(execution), action);
        }
    }
}
