package org.illflow.loan;

import org.illflow.request.RequestRepository;
import org.illflow.request.TimelineRepository;

interface LoanRequestRepository extends RequestRepository<LoanRequest> {
}

interface LoanTimelineEventRepository extends TimelineRepository<LoanTimelineEvent> {
}
