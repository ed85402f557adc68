package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.VAR_ARCHIVED_DOCUMENT;
import static org.illflow.delivery.DocumentDeliveryProcess.VAR_SAME_ARTICLE_ON_ORDER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckSameArticle: just before ordering, is the article in the archive now, or being ordered for another
 * request (then this one waits for it)?
 */
@Component("checkSameArticle")
class CheckSameArticleDelegate implements JavaDelegate {

    private final DocumentDelivery delivery;

    CheckSameArticleDelegate(DocumentDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DocumentDelivery.BeforeOrdering found = delivery.checkBeforeOrdering(DeliveryVariables.requestId(execution));
        execution.setVariable(VAR_ARCHIVED_DOCUMENT, found.archivedDocumentId());
        execution.setVariable(VAR_SAME_ARTICLE_ON_ORDER, found.onOrderBy());
    }
}
