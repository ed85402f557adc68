package org.illflow.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;


import org.illflow.patron.Patron;
import org.illflow.system.ApiRefusal;
import org.illflow.system.StaffRefusals;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What both request services do the same way, article or book: a patron submits their form (only active patrons;
 * the number in a short transaction of its own, then the record, its first timeline line and its process up to
 * the save point in one more); staff enter a request that came by phone from Tasklist's start form (the same
 * validation, nothing stored when it fails); a patron's own requests (all, the newest page, how many); one request
 * for whoever may see it (its patron, or staff; anyone else is told "not found", never "forbidden", so numbers
 * cannot be probed); its timeline; and the patron's cancel. Each service says how its record is made, what its
 * process starts with and which start-form answers are its own ({@link Lifecycle} names the rest).
 *
 * @param <R> the service's request record
 * @param <E> its timeline line
 * @param <F> its request form
 */
@Transactional
public abstract class PatronRequests<R extends RequestBasics, E extends TimelineEntry, F extends RequestForm> {

    /** Variable of both start forms: the card number of the patron staff enter the request for. */
    public static final String PATRON = "patronCardNumber";

    /**
     * The service's names: its request number prefix, process, cancel message and the variable naming who
     * cancelled, and the message keys of "too late to cancel" and "only active patrons may ask".
     */
    public record Lifecycle(String prefix, String processKey, String cancelMessage, String cancelledByVariable,
            String tooLateKey, String notActiveKey) {
    }

    private final RequestRepository<R> requests;
    private final TimelineRepository<E> timeline;
    private final PatronCheck patrons;
    private final RequestSubmission submission;
    private final RequestCancellation cancellation;
    private final StaffRefusals refusals;
    private final Lifecycle lifecycle;

    protected PatronRequests(RequestRepository<R> requests, TimelineRepository<E> timeline, RequestKernel kernel,
            Lifecycle lifecycle) {
        this.requests = requests;
        this.timeline = timeline;
        this.patrons = kernel.patrons();
        this.submission = kernel.submission();
        this.cancellation = kernel.cancellation();
        this.refusals = kernel.refusals();
        this.lifecycle = lifecycle;
    }

    /** The new record for this form and patron (not yet saved). */
    protected abstract R newRecord(F form, Patron patron, String number, Instant at, String submittedBy);

    /** Writes the record's first timeline line, SUBMITTED, with who sent it and an optional detail. */
    protected abstract void recordSubmitted(R request, String by, String detail);

    /** The variables the service's process starts with. */
    protected abstract Map<String, Object> startVariables(R request);

    /** The service's own fields of a start form (the shared ones are read by {@link RequestForm}). */
    protected abstract F formFrom(StartForm answers);

    /** A patron's own request from the portal or the API. Only active patrons may ask (else 403). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public R submit(F form, String patronUserId) {
        Patron patron = patrons.active(patronUserId).orElseThrow(() -> new ApiRefusal(403,
                lifecycle.notActiveKey(), "Only active patrons may send requests."));
        return submission.submit(lifecycle.prefix(), patron,
                (number, at) -> create(form, patron, patron.getCardNumber(), number, at), RequestBasics::attachProcess,
                lifecycle.processKey(), this::startVariablesWithNeededBy);
    }

    /** The service's start variables and, when the patron gave one, the needed-by date (Tasklist cards, priority). */
    private Map<String, Object> startVariablesWithNeededBy(R request) {
        Map<String, Object> variables = new java.util.HashMap<>(startVariables(request));
        request.neededByInto(variables);
        return variables;
    }

    /**
     * Staff entering a request that came by phone or e-mail, from Tasklist's start form (inside the engine's
     * transaction). Invalid fields or an unknown patron fail the start with a message Tasklist shows; nothing is
     * stored.
     */
    public R enterForPatron(Map<String, Object> variables, String staffUserId) {
        StartForm answers = new StartForm(variables);
        Patron patron = patrons.forStaffEntry(answers.text(PATRON));
        F form = formFrom(answers);
        form.readSharedAnswers(answers);
        // the service's own labels first (portal.ill.isbn: a book's ISBN), then the portal's
        refusals.requireValid(form, "portal." + lifecycle.prefix().toLowerCase(java.util.Locale.ROOT) + ".", "portal.");
        RequestSubmission.Numbered numbered = submission.numberForStaffEntry(lifecycle.prefix(), patron);
        return create(form, patron, staffUserId, numbered.number(), numbered.at());
    }

    private R create(F form, Patron patron, String by, String number, Instant now) {
        R fresh = newRecord(form, patron, number, now, by == null ? TimelineEntry.SYSTEM : by);
        fresh.neededBy(form.getNeededBy());
        R request = requests.saveAndFlush(fresh);
        recordSubmitted(request, by, by != null && !by.equals(patron.getCardNumber()) ? "entered by staff" : null);
        return request;
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
        cancellation.cancel(() -> visibleTo(requestNumber, userId, staff), lifecycle.cancelMessage(),
                lifecycle.cancelledByVariable(), userId, lifecycle.tooLateKey());
    }
}
