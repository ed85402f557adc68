package org.illflow.loan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LoanRequestRepository extends JpaRepository<LoanRequest, Long> {

    Optional<LoanRequest> findByRequestNumber(String requestNumber);

    List<LoanRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber);
}

interface LoanTimelineEventRepository extends JpaRepository<LoanTimelineEvent, Long> {

    List<LoanTimelineEvent> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
