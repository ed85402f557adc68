package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.DownloadLinks;
import org.illflow.patron.Patron;
import org.illflow.request.PatronCheck;
import org.illflow.request.RequestCancellation;
import org.illflow.request.RequestSubmission;
import org.illflow.request.StartForm;
import org.illflow.request.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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
    private final PatronCheck patrons;
    private final RequestSubmission submission;
    private final RequestCancellation cancellation;
    private final DocumentArchive archive;
    private final DownloadLinks links;
    private final DocumentDelivery delivery;
    private final Validator validator;

    DeliveryRequests(DocumentDeliveryRequestRepository requests, TimelineEventRepository timeline,
            PatronCheck patrons, RequestSubmission submission, RequestCancellation cancellation,
            DocumentArchive archive, DownloadLinks links, DocumentDelivery delivery, Validator validator) {
        this.requests = requests;
        this.timeline = timeline;
        this.patrons = patrons;
        this.submission = submission;
        this.cancellation = cancellation;
        this.archive = archive;
        this.links = links;
        this.delivery = delivery;
        this.validator = validator;
    }

    /**
     * A patron's own request from the portal or the API. Only active patrons may ask. The number is taken in a
     * short transaction of its own, then the request and its process up to the save point in one more.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DocumentDeliveryRequest submit(ArticleRequestForm form, String patronUserId) {
        Patron patron = patrons.active(patronUserId).orElseThrow(() -> new RequestRefusedException(403,
                "dd.patron.notActive", "Only active patrons may send requests."));
        return submission.submit(PREFIX, (number, at) -> create(form, patron, patron.getCardNumber(), number, at),
                DocumentDeliveryRequest::attachProcess, KEY, DeliveryRequests::startVariables);
    }

    private static Map<String, Object> startVariables(DocumentDeliveryRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, request.getId());
        variables.put(VAR_REQUEST_NUMBER, request.getRequestNumber());
        variables.put(VAR_PATRON, request.getPatronCardNumber());
        variables.put(VAR_REQUEST_TITLE, request.getTitle());
        if (request.getNeededBy() != null) {
            variables.put(VAR_NEEDED_BY, request.getNeededBy().toString());
        }
        return variables;
    }

    /**
     * Staff entering a request that came by phone or e-mail, from Tasklist's start form. Invalid fields or an
     * unknown patron fail the start with a message Tasklist shows; nothing is stored.
     */
    public DocumentDeliveryRequest enterForPatron(Map<String, Object> variables, String staffUserId) {
        StartForm answers = new StartForm(variables);
        Patron patron = patrons.forStaffEntry(answers.text(VAR_PATRON));
        ArticleRequestForm form = new ArticleRequestForm();
        form.setGenre(answers.text(VAR_GENRE));
        form.setTitle(answers.text(VAR_TITLE));
        form.setAuthors(answers.text(VAR_AUTHORS));
        form.setJournal(answers.text(VAR_JOURNAL));
        form.setIssn(answers.text(VAR_ISSN));
        form.setDoi(answers.text(VAR_DOI));
        form.setVolume(answers.text(VAR_VOLUME));
        form.setIssue(answers.text(VAR_ISSUE));
        form.setPages(answers.text(VAR_PAGES));
        form.setYear(answers.year(VAR_YEAR));
        form.setLanguage(answers.text(VAR_LANGUAGE));
        form.setSubjectArea(answers.text(VAR_SUBJECT_AREA));
        form.setNote(answers.text(VAR_NOTE));
        form.setNeededBy(answers.day(VAR_NEEDED_BY));
        StartForm.validated(validator, form);
        RequestSubmission.Numbered numbered = submission.numberForStaffEntry(PREFIX);
        return create(form, patron, staffUserId, numbered.number(), numbered.at());
    }

    private DocumentDeliveryRequest create(ArticleRequestForm form, Patron patron, String by, String number,
            Instant now) {
        DocumentDeliveryRequest fresh = new DocumentDeliveryRequest(number,
                patron.getCardNumber(), patron.getPatronType().name(), patron.getCollege(), form.toCitation(),
                form.getNote(), form.getSource(), now, by == null ? TimelineEntry.SYSTEM : by);
        fresh.neededBy(form.getNeededBy());
        DocumentDeliveryRequest request = requests.saveAndFlush(fresh);
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

    /** The patron changes their mind: allowed until the copy has arrived and while the lifecycle runs. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void cancel(String requestNumber, String userId, boolean staff) {
        cancellation.cancel(() -> visibleTo(requestNumber, userId, staff), MESSAGE_CANCEL, "cancelledBy", userId,
                "dd.cancel.tooLate");
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
     * Staff attach the supplier's PDF on the Receive task: it is kept in the archive's store (checked to be a PDF
     * within the size limit), never in a process variable, and waits on the request, unconfirmed, until staff
     * complete the task with "Copy received" — only then does it join the duplicate index. A second upload
     * replaces the first, which is discarded. Returns the kept document.
     */
    public ArchivedDocument receiveCopy(String requestNumber, String supplierCode, byte[] pdf, String staff) {
        DocumentDeliveryRequest request = visibleTo(requestNumber, staff, true);
        if (request.getStatus() != DeliveryStatus.ORDERED || !supplierCode.equals(request.getSupplierCode())) {
            throw new RequestRefusedException(409, "dd.copy.notOrdered",
                    "The request is not waiting for a copy from " + supplierCode + ".");
        }
        ArchivedDocument document = archive.receive(pdf, ArchiveEntry.of(request.citation(), supplierCode, null,
                requestNumber));
        Long replaced = request.attachPendingCopy(document.id());
        delivery.record(request, staff, "COPY_UPLOADED", "document #" + document.id() + ", "
                + document.pageCount() + " pages" + (replaced == null ? "" : ", replaces #" + replaced), supplierCode,
                null);
        if (replaced != null) {
            delivery.discardUnlessPending(replaced, request);
        }
        return document;
    }

    /** Is this the upload waiting on this request (so the Receive task may complete with it)? */
    @Transactional(readOnly = true)
    public boolean isPendingCopy(long requestId, long documentId) {
        return requests.findById(requestId).map(DocumentDeliveryRequest::getPendingDocumentId)
                .filter(pending -> pending == documentId).isPresent();
    }
}
