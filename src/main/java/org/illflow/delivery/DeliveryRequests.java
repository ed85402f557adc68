package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;


import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.DownloadLinks;
import org.illflow.patron.Patron;
import org.illflow.request.PatronRequests;
import org.illflow.request.RequestKernel;
import org.illflow.request.StartForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document delivery requests as patrons and staff handle them: submit, list, look at, cancel, receive the
 * copy. A patron reaches only their own requests; anyone else's number answers "not found".
 */
@Service
@Transactional
public class DeliveryRequests extends PatronRequests<DocumentDeliveryRequest, TimelineEvent, ArticleRequestForm> {

    /** Document delivery request numbers: DD-2026-000123. */
    static final String PREFIX = "DD";

    private final DocumentDeliveryRequestRepository requests;
    private final DocumentArchive archive;
    private final DownloadLinks links;
    private final DocumentDelivery delivery;

    DeliveryRequests(DocumentDeliveryRequestRepository requests, TimelineEventRepository timeline,
            RequestKernel kernel, DocumentArchive archive, DownloadLinks links, DocumentDelivery delivery) {
        super(requests, timeline, kernel, new Lifecycle(PREFIX, KEY, MESSAGE_CANCEL, "cancelledBy",
                "dd.cancel.tooLate", "dd.patron.notActive"));
        this.requests = requests;
        this.archive = archive;
        this.links = links;
        this.delivery = delivery;
    }

    @Override
    protected DocumentDeliveryRequest newRecord(ArticleRequestForm form, Patron patron, String number, Instant at,
            String submittedBy) {
        return new DocumentDeliveryRequest(number, patron.getCardNumber(), patron.getPatronType().name(),
                patron.getCollege(), form.toCitation(), form.getNote(), form.getSource(), at, submittedBy);
    }

    @Override
    protected void recordSubmitted(DocumentDeliveryRequest request, String by, String detail) {
        delivery.record(request, by, "SUBMITTED", detail, null, null);
    }

    @Override
    protected Map<String, Object> startVariables(DocumentDeliveryRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, request.getId());
        variables.put(VAR_REQUEST_NUMBER, request.getRequestNumber());
        variables.put(VAR_PATRON, request.getPatronCardNumber());
        variables.put(VAR_REQUEST_TITLE, request.getTitle());
        return variables;
    }

    @Override
    protected ArticleRequestForm formFrom(StartForm answers) {
        ArticleRequestForm form = new ArticleRequestForm();
        form.setGenre(answers.text(VAR_GENRE));
        form.setTitle(answers.text(VAR_TITLE));
        form.setJournal(answers.text(VAR_JOURNAL));
        form.setIssn(answers.text(VAR_ISSN));
        form.setDoi(answers.text(VAR_DOI));
        form.setVolume(answers.text(VAR_VOLUME));
        form.setIssue(answers.text(VAR_ISSUE));
        form.setPages(answers.text(VAR_PAGES));
        return form;
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
