package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.DownloadLinks;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.system.RequestNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document delivery requests as patrons and staff handle them: submit, list, look at, cancel, receive the
 * copy. A patron reaches only their own requests; anyone else's number answers "not found".
 */
@Service
@Transactional
public class DeliveryRequests {

    /** Document delivery request numbers: DD-2026-000123. */
    static final String PREFIX = "DD";

    private final DocumentDeliveryRequestRepository requests;
    private final TimelineEventRepository timeline;
    private final PatronDirectory patrons;
    private final RequestNumbers numbers;
    private final RuntimeService runtimeService;
    private final DocumentArchive archive;
    private final DownloadLinks links;
    private final DocumentDelivery delivery;
    private final Validator validator;
    private final Clock clock;
    private final TransactionTemplate inTransaction;

    DeliveryRequests(DocumentDeliveryRequestRepository requests, TimelineEventRepository timeline,
            PatronDirectory patrons, RequestNumbers numbers, RuntimeService runtimeService, DocumentArchive archive,
            DownloadLinks links, DocumentDelivery delivery, Validator validator, Clock clock,
            PlatformTransactionManager transactions) {
        this.requests = requests;
        this.timeline = timeline;
        this.patrons = patrons;
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.archive = archive;
        this.links = links;
        this.delivery = delivery;
        this.validator = validator;
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * A patron's own request from the portal or the API. Only active patrons may ask. The request number is
     * taken in its own short transaction before this one begins (see RequestNumbers).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DocumentDeliveryRequest submit(ArticleRequestForm form, String patronUserId) {
        Patron patron = patrons.byCardNumber(patronUserId).filter(Patron::isActive)
                .orElseThrow(() -> new RequestRefusedException(403, "dd.patron.notActive",
                        "Only active patrons may send requests."));
        Instant now = clock.instant();
        String number = numbers.next(PREFIX, now);
        return inTransaction.execute(status -> start(form, patron, number, now));
    }

    private DocumentDeliveryRequest start(ArticleRequestForm form, Patron patron, String number, Instant now) {
        DocumentDeliveryRequest request = create(form, patron, patron.getCardNumber(), number, now);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, request.getId());
        variables.put(VAR_REQUEST_NUMBER, request.getRequestNumber());
        variables.put(VAR_PATRON, patron.getCardNumber());
        variables.put("requestTitle", request.getTitle());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, request.getRequestNumber(),
                variables);
        request.attachProcess(instance.getId());
        return request;
    }

    /**
     * Staff entering a request that came by phone or e-mail, from Tasklist's start form. Invalid fields or an
     * unknown patron fail the start with a message Tasklist shows; nothing is stored.
     */
    public DocumentDeliveryRequest enterForPatron(Map<String, Object> variables, String staffUserId) {
        String card = string(variables.get(VAR_PATRON));
        Patron patron = patrons.byCardNumber(card).orElseThrow(() -> new IllegalArgumentException(
                "No patron with card number " + card + ". / 没有此工号/学号的读者。"));
        ArticleRequestForm form = new ArticleRequestForm();
        form.setGenre(string(variables.get("genre")));
        form.setTitle(string(variables.get("title")));
        form.setAuthors(string(variables.get("authors")));
        form.setJournal(string(variables.get("journal")));
        form.setIssn(string(variables.get("issn")));
        form.setDoi(string(variables.get("doi")));
        form.setVolume(string(variables.get("volume")));
        form.setIssue(string(variables.get("issue")));
        form.setPages(string(variables.get("pages")));
        Object year = variables.get("year");
        form.setYear(year instanceof Number n ? Integer.valueOf(n.intValue())
                : year == null || year.toString().isBlank() ? null : Integer.valueOf(year.toString().strip()));
        form.setLanguage(string(variables.get("language")));
        form.setSubjectArea(string(variables.get("subjectArea")));
        form.setNote(string(variables.get("note")));
        Set<ConstraintViolation<ArticleRequestForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<ArticleRequestForm> first = violations.iterator().next();
            throw new IllegalArgumentException("Invalid " + first.getPropertyPath() + ": " + first.getMessage());
        }
        Instant now = clock.instant();
        return create(form, patron, staffUserId, numbers.next(PREFIX, now), now);
    }

    private DocumentDeliveryRequest create(ArticleRequestForm form, Patron patron, String by, String number,
            Instant now) {
        DocumentDeliveryRequest request = requests.saveAndFlush(new DocumentDeliveryRequest(number,
                patron.getCardNumber(), patron.getPatronType().name(), patron.getCollege(), form.toCitation(),
                form.getNote(), now, by == null ? DocumentDelivery.SYSTEM : by));
        delivery.record(request, by, "SUBMITTED", by != null && !by.equals(patron.getCardNumber())
                ? "entered by staff" : null, null, null);
        return request;
    }

    @Transactional(readOnly = true)
    public List<DocumentDeliveryRequest> mine(String patronUserId) {
        return requests.findByPatronCardNumberOrderBySubmittedAtDescIdDesc(patronUserId);
    }

    /** A patron's newest requests, at most {@code limit} (My requests shows a page of them). */
    @Transactional(readOnly = true)
    public List<DocumentDeliveryRequest> newestOf(String patronUserId, int limit) {
        return requests.findByPatronCardNumberOrderBySubmittedAtDescIdDesc(patronUserId,
                org.springframework.data.domain.Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public long countOf(String patronUserId) {
        return requests.countByPatronCardNumber(patronUserId);
    }

    /** The request if the user may see it: its patron, or staff. */
    @Transactional(readOnly = true)
    public DocumentDeliveryRequest visibleTo(String requestNumber, String userId, boolean staff) {
        return requests.findByRequestNumber(requestNumber)
                .filter(r -> staff || r.getPatronCardNumber().equals(userId))
                .orElseThrow(() -> new RequestNotFoundException(requestNumber));
    }

    @Transactional(readOnly = true)
    public List<TimelineEvent> timelineOf(DocumentDeliveryRequest request) {
        return timeline.findByRequestIdOrderByOccurredAtAscIdAsc(request.getId());
    }

    /**
     * The patron changes their mind: allowed until the copy has arrived and while the lifecycle runs. Too late
     * (delivered, ended, or another cancel got there first) is refused with 409 and never reaches the engine as
     * an error. No transaction of its own: the engine's correlation is the transaction, so a lost race rolls
     * back only that (and a race with a job of the same request is tried again).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void cancel(String requestNumber, String userId, boolean staff) {
        for (int attempt = 1; ; attempt++) {
            DocumentDeliveryRequest request = visibleTo(requestNumber, userId, staff);
            if (!request.getStatus().cancellable()) {
                throw new RequestRefusedException(409, "dd.cancel.tooLate",
                        "The request is " + request.getStatus() + " and can no longer be cancelled.");
            }
            if (request.getClosedAt() != null) {
                throw new RequestRefusedException(409, "request.cancel.closed",
                        "This request has ended and can no longer be cancelled.");
            }
            try {
                runtimeService.createMessageCorrelation(MESSAGE_CANCEL).processInstanceBusinessKey(requestNumber)
                        .setVariable("cancelledBy", userId).correlateWithResult();
                return;
            } catch (MismatchingMessageCorrelationException ended) {
                throw new RequestRefusedException(409, "request.cancel.closed",
                        "This request has ended and can no longer be cancelled.");
            } catch (OptimisticLockingException raced) {
                if (attempt == 3) {
                    throw new RequestRefusedException(409, "request.cancel.closed",
                            "This request changed while it was being cancelled; it can no longer be cancelled.");
                }
            }
        }
    }

    /** A fresh download link for a delivered request, for its patron or staff. */
    public String downloadToken(String requestNumber, String userId, boolean staff) {
        DocumentDeliveryRequest request = visibleTo(requestNumber, userId, staff);
        if (request.getDocumentId() == null) {
            throw new RequestRefusedException(409, "dd.download.notYet", "Nothing has been delivered yet.");
        }
        return links.issue(request.getDocumentId(), requestNumber, request.getPatronCardNumber());
    }

    /**
     * Staff attach the supplier's PDF on the Receive task: it goes into the archive at once (checked to be a
     * PDF within the size limit) and never into a process variable. Returns the archived document.
     */
    public ArchivedDocument receiveCopy(String requestNumber, String supplierCode, byte[] pdf, String staff) {
        DocumentDeliveryRequest request = visibleTo(requestNumber, staff, true);
        if (request.getStatus() != DeliveryStatus.ORDERED || !supplierCode.equals(request.getSupplierCode())) {
            throw new RequestRefusedException(409, "dd.copy.notOrdered",
                    "The request is not waiting for a copy from " + supplierCode + ".");
        }
        ArchivedDocument document = archive.store(pdf, ArchiveEntry.of(request.citation(), supplierCode,
                BigDecimal.ZERO, requestNumber));
        delivery.record(request, staff, "COPY_UPLOADED", "document #" + document.id() + ", "
                + document.pageCount() + " pages", supplierCode, null);
        return document;
    }

    /** Was this document attached to this request (so the Receive task may complete with it)? */
    @Transactional(readOnly = true)
    public boolean copyWasUploaded(long requestId, long documentId) {
        return timeline.findByRequestIdOrderByOccurredAtAscIdAsc(requestId).stream()
                .anyMatch(e -> "COPY_UPLOADED".equals(e.getEvent()) && e.getDetail() != null
                        && e.getDetail().startsWith("document #" + documentId + ","));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
