package org.illflow.delivery;

import java.util.Collection;
import java.util.List;

import org.illflow.request.RequestRepository;
import org.illflow.request.TimelineRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentDeliveryRequestRepository extends RequestRepository<DocumentDeliveryRequest> {

    boolean existsByPendingDocumentIdAndIdNot(Long pendingDocumentId, Long id);

    /** Other requests in one of these statuses that share a match key (the full rule is applied by the caller). */
    @Query("select r from DocumentDeliveryRequest r where r.id <> :id and r.status in :statuses"
            + " and (r.doiMatch = :doiMatch or r.titleMatch = :titleMatch) order by r.id")
    List<DocumentDeliveryRequest> findOthersWithKeys(@Param("id") Long id,
            @Param("statuses") Collection<DeliveryStatus> statuses, @Param("doiMatch") String doiMatch,
            @Param("titleMatch") String titleMatch);

    List<DocumentDeliveryRequest> findByWaitingForAndStatusInOrderByIdAsc(Long waitingFor,
            Collection<DeliveryStatus> statuses);
}

interface TimelineEventRepository extends TimelineRepository<TimelineEvent> {
}
