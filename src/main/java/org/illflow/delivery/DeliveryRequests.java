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
import org.illflow.request.PatronRequests;
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
public class DeliveryRequests extends PatronRequests<DocumentDeliveryRequest, TimelineEvent> {

    /** Document delivery request numbers: DD-2026-000123. */
    static final String PREFIX = "DD";

    private final DocumentDeliveryRequestRepository requests;
    private final PatronCheck patrons;
    private final RequestSubmission submission;
    private final DocumentArchive archive;
    private final DownloadLinks links;
    private final DocumentDelivery delivery;
    private final Validator validator;

    DeliveryRequests(DocumentDeliveryRequestRepository requests, TimelineEventRepository timeline,
            PatronCheck patrons, RequestSubmission submission, RequestCancellation cancellation,
            DocumentArchive archive, DownloadLinks links, DocumentDelivery delivery, Validator validator) {
        super(requests, timeline, cancellation, MESSAGE_CANCEL, "cancelledBy", "dd.cancel.tooLate");
        this.requests = requests;
        this.patrons = patrons;
        this.submission = submission;
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
        request.neededByInto(variables);
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
        form.setJournal(answers.text(VAR_JOURNAL));
        form.setIssn(answers.text(VAR_ISSN));
        form.setDoi(answers.text(VAR_DOI));
        form.setVolume(answers.text(VAR_VOLUME));
        form.setIssue(answers.text(VAR_ISSUE));
        form.setPages(answers.text(VAR_PAGES));
        form.readSharedAnswers(answers);
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
