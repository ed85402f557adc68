package org.illflow.request;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What both request services answer the same way, article or book: a patron's own requests (all, the newest page,
 * how many), one request for whoever may see it (its patron, or staff; anyone else is told "not found", never
 * "forbidden", so numbers cannot be probed), its timeline, and the patron's cancel. Each service adds what is its
 * own (submitting its form, its staff steps) and names its cancel message and its "too late" reason.
 */
@Transactional
public abstract class PatronRequests<R extends RequestBasics, E extends TimelineEntry> {

    private final RequestRepository<R> requests;
    private final TimelineRepository<E> timeline;
    private final RequestCancellation cancellation;
    private final String cancelMessage;
    private final String cancelledByVariable;
    private final String tooLateKey;

    protected PatronRequests(RequestRepository<R> requests, TimelineRepository<E> timeline,
            RequestCancellation cancellation, String cancelMessage, String cancelledByVariable, String tooLateKey) {
        this.requests = requests;
        this.timeline = timeline;
        this.cancellation = cancellation;
        this.cancelMessage = cancelMessage;
        this.cancelledByVariable = cancelledByVariable;
        this.tooLateKey = tooLateKey;
    }

    @Transactional(readOnly = true)
    public List<R> mine(String patronUserId) {
        return requests.findByPatronCardNumberOrderBySubmittedAtDescIdDesc(patronUserId);
    }

    /** A patron's newest requests, at most {@code limit} (My requests shows a page of them). */
    @Transactional(readOnly = true)
    public List<R> newestOf(String patronUserId, int limit) {
        return requests.findByPatronCardNumberOrderBySubmittedAtDescIdDesc(patronUserId, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public long countOf(String patronUserId) {
        return requests.countByPatronCardNumber(patronUserId);
    }

    /** The request if the user may see it: its patron, or staff; 404 for anyone else. */
    @Transactional(readOnly = true)
    public R visibleTo(String requestNumber, String userId, boolean staff) {
        return requests.findByRequestNumber(requestNumber)
                .filter(r -> staff || r.getPatronCardNumber().equals(userId))
                .orElseThrow(() -> new RequestNotFoundException(requestNumber));
    }

    @Transactional(readOnly = true)
    public List<E> timelineOf(R request) {
        return timeline.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId());
    }

    /** The patron changes their mind: allowed while the status allows it and the lifecycle runs (else 409). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void cancel(String requestNumber, String userId, boolean staff) {
        cancellation.cancel(() -> visibleTo(requestNumber, userId, staff), cancelMessage, cancelledByVariable,
                userId, tooLateKey);
    }
}
