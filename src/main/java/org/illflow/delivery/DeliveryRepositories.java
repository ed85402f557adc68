package org.illflow.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentDeliveryRequestRepository extends JpaRepository<DocumentDeliveryRequest, Long> {

    Optional<DocumentDeliveryRequest> findByRequestNumber(String requestNumber);

    List<DocumentDeliveryRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber);

    boolean existsByPendingDocumentIdAndIdNot(Long pendingDocumentId, Long id);
}

interface TimelineEventRepository extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
