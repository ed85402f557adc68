package org.illflow.loan;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;


import org.camunda.bpm.engine.RuntimeService;
import org.illflow.patron.Patron;
import org.illflow.request.PatronRequests;
import org.illflow.request.RequestKernel;
import org.illflow.request.StartForm;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.system.ApiRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inter-library loan requests as patrons and staff handle them: submit, list, look at, cancel, renew, and the
 * lender's recall. A patron reaches only their own requests; anyone else's number answers "not found".
 */
@Service
@Transactional
public class LoanRequests extends PatronRequests<LoanRequest, LoanTimelineEvent, BookRequestForm> {

    /** Inter-library loan request numbers: ILL-2026-000045. */
    static final String PREFIX = "ILL";

    private final RuntimeService runtimeService;
    private final InterlibraryLoan loan;
    private final SupplierCatalog suppliers;
    private final Clock clock;

    LoanRequests(LoanRequestRepository requests, LoanTimelineEventRepository timeline, RequestKernel kernel,
            RuntimeService runtimeService, InterlibraryLoan loan, SupplierCatalog suppliers, Clock clock) {
        super(requests, timeline, kernel, new Lifecycle(PREFIX, KEY, MESSAGE_CANCEL, VAR_CANCELLED_BY,
                "loan.cancel.tooLate", "loan.patron.notActive"));
        this.runtimeService = runtimeService;
        this.loan = loan;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    @Override
    protected LoanRequest newRecord(BookRequestForm form, Patron patron, String number, Instant at,
            String submittedBy) {
        return new LoanRequest(number, patron.getCardNumber(), patron.getPatronType().name(), patron.getCollege(),
                form.toCitation(), form.getNote(), form.getSource(), at, submittedBy);
    }

    @Override
    protected void recordSubmitted(LoanRequest request, String by, String detail) {
        loan.record(request, by, "SUBMITTED", detail, null, null);
    }

    @Override
    protected Map<String, Object> startVariables(LoanRequest request) {
        return variablesOf(request);
    }

    /** What the loan process starts with (also when staff enter the request in Tasklist's start form). */
    static Map<String, Object> variablesOf(LoanRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, request.getId());
        variables.put(VAR_REQUEST_NUMBER, request.getRequestNumber());
        variables.put(VAR_PATRON, request.getPatronCardNumber());
        variables.put(VAR_REQUEST_TITLE, request.getTitle());
        // shown on the Request-from-lender form: set here so portal, API and Tasklist requests all carry them
        variables.put(VAR_AUTHORS, request.getAuthors());
        variables.put(VAR_ISBN, request.getIsbn());
        variables.put(VAR_LOAN_OUTCOME, OUTCOME_CLOSED);
        return variables;
    }

    @Override
    protected BookRequestForm formFrom(StartForm answers) {
        BookRequestForm form = new BookRequestForm();
        form.setTitle(answers.text(VAR_TITLE));
        form.setIsbn(answers.text(VAR_ISBN));
        form.setPublisher(answers.text(VAR_PUBLISHER));
        form.setEdition(answers.text(VAR_EDITION));
        return form;
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
