package org.illflow.loan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LoanRequestRepository extends JpaRepository<LoanRequest, Long> {

    Optional<LoanRequest> findByRequestNumber(String requestNumber);

    List<LoanRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber);

    /** The newest of a patron's requests, as many as the page asks (index ix_loan_patron). */
    List<LoanRequest> findByPatronCardNumberOrderBySubmittedAtDescIdDesc(String patronCardNumber,
            org.springframework.data.domain.Limit limit);

    long countByPatronCardNumber(String patronCardNumber);
}

interface LoanTimelineEventRepository extends JpaRepository<LoanTimelineEvent, Long> {

    List<LoanTimelineEvent> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
