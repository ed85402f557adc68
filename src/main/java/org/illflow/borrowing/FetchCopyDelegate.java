package org.illflow.borrowing;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.system.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task_FetchCopy (a job of its own): the partner's PDF from its URL into the archive, waiting on the request as
 * staff's upload would; Task_RecordDelivery then confirms it. When it cannot be fetched the reason is on the
 * timeline and Error_CopyNotFetched hands the request to staff (Receive copy: they get the file another way).
 */
@Component("borrowingFetchCopy")
class FetchCopyDelegate implements JavaDelegate {

    private final PartnerCopies copies;

    FetchCopyDelegate(PartnerCopies copies) {
        this.copies = copies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            long documentId = copies.fetchCopy(((Number) execution.getVariable(VAR_REQUEST_ID)).longValue(),
                    ProcessVariables.string(execution, VAR_SUPPLIER_CODE), ProcessVariables.string(execution, VAR_COPY_URL));
            execution.setVariable(VAR_DOCUMENT_ID, documentId);
        } catch (CopyFetcher.NotFetched e) {
            throw new BpmnError(ERROR_COPY_NOT_FETCHED, e.getMessage());
        }
    }
}
