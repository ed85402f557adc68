package org.illflow.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentDeliveryRequestRepository extends JpaRepository<DocumentDeliveryRequest, Long> {

    Optional<DocumentDeliveryRequest> findByRequestNumber(String requestNumber);

    List<DocumentDeliveryRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber);

    boolean existsByPendingDocumentIdAndIdNot(Long pendingDocumentId, Long id);

    /** Other requests in one of these statuses that share a match key (the full rule is applied by the caller). */
    @Query("select r from DocumentDeliveryRequest r where r.id <> :id and r.status in :statuses"
            + " and (r.doiMatch = :doiMatch or r.titleMatch = :titleMatch) order by r.id")
    List<DocumentDeliveryRequest> findOthersWithKeys(@Param("id") Long id,
            @Param("statuses") Collection<DeliveryStatus> statuses, @Param("doiMatch") String doiMatch,
            @Param("titleMatch") String titleMatch);

    List<DocumentDeliveryRequest> findByWaitingForAndStatusInOrderByIdAsc(Long waitingFor,
            Collection<DeliveryStatus> statuses);

    /** The newest of a patron's requests, as many as the page asks (index ix_dd_patron). */
    List<DocumentDeliveryRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber,
            org.springframework.data.domain.Limit limit);

    long countByPatronCardNumber(String patronCardNumber);
}

interface TimelineEventRepository extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
