package org.illflow.delivery;

import java.util.List;
import java.util.Optional;

import org.illflow.archive.ArticleKeys;
import org.springframework.stereotype.Component;

/**
 * Open requests for the same article (the archive's matching rule, {@link ArticleKeys}): the one being ordered that
 * a new request waits for, the requests waiting for it, and what the Order form shows. Checks that decide between
 * ordering and waiting run under the article's lock.
 */
@Component
class SameArticleRequests {

    private final DocumentDeliveryRequestRepository requests;
    private final ArticleLocks locks;

    SameArticleRequests(DocumentDeliveryRequestRepository requests, ArticleLocks locks) {
        this.requests = requests;
        this.locks = locks;
    }

    /** Until the transaction ends, no other check or release for this article runs. */
    void lock(DocumentDeliveryRequest request) {
        locks.lock(ArticleKeys.of(request.citation()).lockKeys());
    }

    /** Other open requests for the same article, oldest first. */
    List<DocumentDeliveryRequest> openFor(DocumentDeliveryRequest request) {
        ArticleKeys keys = ArticleKeys.of(request.citation());
        if (keys.doiHash() == null && keys.titleHash() == null) {
            return List.of();
        }
        return requests.findOthersWithKeys(request.getId(), DeliveryStatus.open(), keys.doiHash(), keys.titleHash())
                .stream().filter(other -> keys.sameArticle(ArticleKeys.of(other.citation()))).toList();
    }

    /** The open request for the same article that is being ordered, if any: the one to wait for. */
    Optional<DocumentDeliveryRequest> beingOrdered(DocumentDeliveryRequest request) {
        return openFor(request).stream().filter(other -> other.getOrderingSince() != null).findFirst();
    }

    /** The open requests waiting for this one. */
    List<DocumentDeliveryRequest> waitingFor(DocumentDeliveryRequest request) {
        return requests.findByWaitingForAndStatusInOrderByIdAsc(request.getId(), DeliveryStatus.open());
    }
}
