package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_ARCHIVED_DOCUMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.illflow.archive.ArchivedDocument;
import org.springframework.stereotype.Component;

/** Task_CheckArchive: is this document already in the library's archive (by DOI, else title, year, ISSN)? */
@Component("checkArchive")
class CheckArchiveDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    CheckArchiveDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_ARCHIVED_DOCUMENT, delivery.copyInArchive(DeliveryVariables.requestId(execution))
                .map(ArchivedDocument::id).orElse(null));
    }
}
