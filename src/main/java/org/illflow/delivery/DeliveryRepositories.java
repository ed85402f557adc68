package org.illflow.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentDeliveryRequestRepository extends JpaRepository<DocumentDeliveryRequest, Long> {

    Optional<DocumentDeliveryRequest> findByRequestNumber(String requestNumber);

    List<DocumentDeliveryRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber);

    /** The newest of a patron's requests, as many as the page asks (index ix_dd_patron). */
    List<DocumentDeliveryRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber,
            org.springframework.data.domain.Limit limit);

    long countByPatronCardNumber(String patronCardNumber);
}

interface TimelineEventRepository extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
