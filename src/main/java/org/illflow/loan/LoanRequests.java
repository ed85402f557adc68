package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.RuntimeService;
import org.illflow.patron.Patron;
import org.illflow.request.PatronCheck;
import org.illflow.request.PatronRequests;
import org.illflow.request.RequestCancellation;
import org.illflow.request.RequestSubmission;
import org.illflow.request.StartForm;
import org.illflow.request.TimelineEntry;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.system.ApiRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inter-library loan requests as patrons and staff handle them: submit, list, look at, cancel, renew, and the
 * lender's recall. A patron reaches only their own requests; anyone else's number answers "not found".
 */
@Service
@Transactional
public class LoanRequests extends PatronRequests<LoanRequest, LoanTimelineEvent> {

    /** Inter-library loan request numbers: ILL-2026-000045. */
    static final String PREFIX = "ILL";

    private final LoanRequestRepository requests;
    private final PatronCheck patrons;
    private final RequestSubmission submission;
    private final RuntimeService runtimeService;
    private final InterlibraryLoan loan;
    private final SupplierCatalog suppliers;
    private final Validator validator;
    private final Clock clock;

    LoanRequests(LoanRequestRepository requests, LoanTimelineEventRepository timeline, PatronCheck patrons,
            RequestSubmission submission, RequestCancellation cancellation, RuntimeService runtimeService,
            InterlibraryLoan loan, SupplierCatalog suppliers, Validator validator, Clock clock) {
        super(requests, timeline, cancellation, MESSAGE_CANCEL, VAR_CANCELLED_BY, "loan.cancel.tooLate");
        this.requests = requests;
        this.patrons = patrons;
        this.submission = submission;
        this.runtimeService = runtimeService;
        this.loan = loan;
        this.suppliers = suppliers;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * A patron's own request from the portal or the API. Only active patrons may ask. The number is taken in a
     * short transaction of its own, then the request and its process up to the save point in one more.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoanRequest submit(BookRequestForm form, String patronUserId) {
        Patron patron = patrons.active(patronUserId).orElseThrow(() -> new ApiRefusal(403, "loan.patron.notActive",
                "Only active patrons may send requests."));
        return submission.submit(PREFIX, (number, at) -> create(form, patron, patron.getCardNumber(), number, at),
                LoanRequest::attachProcess, KEY, LoanRequests::startVariables);
    }

    static Map<String, Object> startVariables(LoanRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, request.getId());
        variables.put(VAR_REQUEST_NUMBER, request.getRequestNumber());
        variables.put(VAR_PATRON, request.getPatronCardNumber());
        variables.put(VAR_REQUEST_TITLE, request.getTitle());
        // shown on the Request-from-lender form: set here so portal, API and Tasklist requests all carry them
        variables.put(VAR_AUTHORS, request.getAuthors());
        variables.put(VAR_ISBN, request.getIsbn());
        variables.put(VAR_LOAN_OUTCOME, OUTCOME_CLOSED);
        request.neededByInto(variables);
        return variables;
    }

    /**
     * Staff entering a book request that came by phone or e-mail, from Tasklist's start form. Invalid fields
     * (an ISBN with a wrong check digit, say) or an unknown patron fail the start with a message Tasklist shows;
     * nothing is stored.
     */
    public LoanRequest enterForPatron(Map<String, Object> variables, String staffUserId) {
        StartForm answers = new StartForm(variables);
        Patron patron = patrons.forStaffEntry(answers.text(VAR_PATRON));
        BookRequestForm form = new BookRequestForm();
        form.setTitle(answers.text(VAR_TITLE));
        form.setIsbn(answers.text(VAR_ISBN));
        form.setPublisher(answers.text(VAR_PUBLISHER));
        form.setEdition(answers.text(VAR_EDITION));
        form.readSharedAnswers(answers);
        StartForm.validated(validator, form);
        RequestSubmission.Numbered numbered = submission.numberForStaffEntry(PREFIX);
        return create(form, patron, staffUserId, numbered.number(), numbered.at());
    }

    private LoanRequest create(BookRequestForm form, Patron patron, String by, String number, Instant now) {
        LoanRequest fresh = new LoanRequest(number, patron.getCardNumber(),
                patron.getPatronType().name(), patron.getCollege(), form.toCitation(), form.getNote(),
                form.getSource(), now, by == null ? TimelineEntry.SYSTEM : by);
        fresh.neededBy(form.getNeededBy());
        LoanRequest request = requests.saveAndFlush(fresh);
        loan.record(request, by, "SUBMITTED", by != null && !by.equals(patron.getCardNumber())
                ? "entered by staff" : null, null, null);
        return request;
    }

    /** How many renewals the request's lender allows (0 before a lender is known). */
    @Transactional(readOnly = true)
    public int renewalsAllowed(LoanRequest request) {
        return suppliers.byCode(request.getLenderCode()).map(s -> s.getRenewalsAllowed()).orElse(0);
    }

    /** Why the patron may not ask for a renewal now; empty when they may. */
    @Transactional(readOnly = true)
    public Optional<ApiRefusal> renewalRefusal(LoanRequest request) {
        LoanStatus status = request.getStatus();
        if (status == LoanStatus.RETURNED || status == LoanStatus.COMPLETED) {
            return Optional.of(new ApiRefusal(409, "loan.renew.returned",
                    "The book has been returned; there is nothing to renew."));
        }
        if (!status.onLoan()) {
            return Optional.of(new ApiRefusal(409, "loan.renew.notOnLoan",
                    "The book is not on loan to you, so it cannot be renewed."));
        }
        if (request.isRenewalPending()) {
            return Optional.of(new ApiRefusal(409, "loan.renew.pending",
                    "A renewal is already being asked for; you will be told the answer."));
        }
        int allowed = renewalsAllowed(request);
        if (request.getRenewalsUsed() >= allowed) {
            return Optional.of(new ApiRefusal(409, "loan.renew.limit", "The lending library " + request.getLenderCode()
                    + " allows " + allowed + " renewal(s) and this loan has used them.", request.getLenderCode(),
                    allowed));
        }
        if (status == LoanStatus.OVERDUE || LocalDate.now(clock).isAfter(request.getDueDate())) {
            return Optional.of(new ApiRefusal(409, "loan.renew.overdue",
                    "The due date has passed; a renewal must be asked for before it. Please return the book."));
        }
        return Optional.empty();
    }

    /**
     * The patron asks for a renewal before the due date; staff ask the lender. Refused (409, with the reason)
     * after the return, beyond the lender's limit, while another renewal is being asked, or after the due date.
     */
    public LoanRequest renew(String requestNumber, String userId, boolean staff) {
        LoanRequest request = visibleTo(requestNumber, userId, staff);
        Optional<ApiRefusal> refusal = renewalRefusal(request);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        request.renewalAsked(clock.instant());
        LocalDate proposed = loan.proposedRenewalDueDate(request);
        loan.record(request, userId, "RENEWAL_REQUESTED", "until " + proposed, request.getLenderCode(), null);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_NEW_DUE_DATE, proposed.toString());
        variables.put(VAR_RENEWAL_REQUESTED_BY, userId);
        variables.put(VAR_RENEWAL_OUTCOME, null);
        variables.put(VAR_RENEWAL_REFUSAL_REASON, null);
        runtimeService.createMessageCorrelation(MESSAGE_RENEWAL).processInstanceBusinessKey(requestNumber)
                .setVariables(variables).correlateWithResult();
        return request;
    }

    /**
     * Staff record that the lender wants its book back earlier: a new due date, after today's and before the
     * current one. The patron is told and the loan's timers follow the new date.
     */
    public LoanRequest recall(String requestNumber, String staffUserId, LocalDate newDueDate, String reason) {
        LoanRequest request = visibleTo(requestNumber, staffUserId, true);
        if (!request.getStatus().onLoan()) {
            throw new ApiRefusal(409, "loan.recall.notOnLoan", "The book is not on loan; there is nothing to recall.");
        }
        LocalDate today = LocalDate.now(clock);
        if (newDueDate == null || newDueDate.isBefore(today) || !newDueDate.isBefore(request.getDueDate())) {
            throw new ApiRefusal(400, "loan.recall.dateInvalid", "The recall's due date must be from today ("
                    + today + ") and before the current due date (" + request.getDueDate() + ").", today,
                    request.getDueDate());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_RECALL_DUE_DATE, newDueDate.toString());
        variables.put(VAR_RECALL_REASON, reason == null || reason.isBlank() ? null : reason.strip());
        variables.put(VAR_RECALLED_BY, staffUserId);
        runtimeService.createMessageCorrelation(MESSAGE_RECALL).processInstanceBusinessKey(requestNumber)
                .setVariables(variables).correlateWithResult();
        return request;
    }
}
