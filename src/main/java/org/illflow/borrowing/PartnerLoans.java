package org.illflow.borrowing;

import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.PublicationInfo;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Transactions.Transaction;
import org.illflow.loan.DueDateCalculator;
import org.illflow.loan.InterlibraryLoan;
import org.illflow.loan.LoanRequest;
import org.illflow.supplier.Supplier;
import org.illflow.supplier.SupplierCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Borrowing a book from an ISO 18626 partner library (requester role): the messages the loan process sends, and
 * what the partner's messages do to it. A message goes out through the outbox in the step's own transaction, so
 * the step and its message commit together. A partner's message moves the process only where it waits for it
 * (its message event is subscribed); otherwise it is refused as not fitting the request and nothing changes.
 */
@Service
@Transactional
public class PartnerLoans {

    private final InterlibraryLoan loan;
    private final PartnerLibraries partners;
    private final PartnerExchange exchange;
    private final SupplierCatalog suppliers;
    private final DueDateCalculator dates;
    private final Clock clock;

    PartnerLoans(InterlibraryLoan loan, PartnerLibraries partners, PartnerExchange exchange,
            SupplierCatalog suppliers, DueDateCalculator dates, Clock clock) {
        this.loan = loan;
        this.partners = partners;
        this.exchange = exchange;
        this.suppliers = suppliers;
        this.dates = dates;
        this.clock = clock;
    }

    /** The request sent: its id at the partner and when the lender's turnaround target runs out. */
    public record Sent(String partnerRequestId, Instant lenderDueAt) {
    }

    /**
     * Sends the loan request to the partner lender: New, or — with the id of the request the partner answered
     * RetryPossible to — a Retry that accepts its conditions. The request is REQUESTED from now on.
     */
    public Sent sendRequest(long requestId, String lenderCode, String retryOf) {
        LoanRequest request = loan.request(requestId);
        Iso18626Peer peer = exchange.activePartner(lenderCode);
        Supplier lender = suppliers.byCode(lenderCode).orElseThrow(() -> new IllegalStateException(
                "lender " + lenderCode + " disappeared"));
        String id = exchange.nextRequestId(peer, request.getRequestNumber());
        boolean retry = retryOf != null;
        Request message = new Request(exchange.header(peer, id),
                new BibliographicInfo(null, request.getTitle(), request.getAuthors(), null, request.getEdition(), null,
                        null, null, null, null, request.getIsbn() == null ? List.of() : List.of(new ItemId("ISBN",
                                request.getIsbn()))),
                new PublicationInfo(request.getPublisher(), "Book",
                        request.getYear() == null ? null : request.getYear().toString(), null),
                new ServiceInfo(retry ? RequestType.Retry : RequestType.New, ServiceType.Loan,
                        needBefore(request.getNeededBy(), clock), retry ? "Retry of " + retryOf
                                + ": your conditions are accepted / 接受贵馆的条件，再次申请" : null),
                new BillingInfo(null, new Costs("CNY", lender.loanCost())));
        exchange.send(peer, id, message, ServiceType.Loan.name(), request.getTitle());
        loan.recordRequestOutcome(requestId, lenderCode, true, null);
        loan.recordPartnerEvent(requestId, null, "PARTNER_ASKED", "ISO 18626 → request " + id + " (Loan"
                + (retry ? ", Retry" : "") + ", max " + lender.loanCost().toPlainString() + " CNY) to "
                + peer.agencyId(), lenderCode);
        return new Sent(id, loan.lenderDueAt(lenderCode));
    }

    /**
     * The end of the patron's needed-by day in the library's time zone: the partner should deliver before it.
     * Null when the patron gave none.
     */
    static Instant needBefore(LocalDate neededBy, Clock clock) {
        return neededBy == null ? null : neededBy.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** Sends the partner a requestingAgencyMessage (Received, ShippedReturn, Cancel, Renew) about the request. */
    public void tell(long requestId, String lenderCode, String partnerRequestId, Action action) {
        exchange.tell(lenderCode, partnerRequestId, action, null);
        loan.recordPartnerEvent(requestId, null, PartnerEvents.sent(action), "ISO 18626 → requestingAgencyMessage "
                + action + " about " + partnerRequestId, lenderCode);
    }

    /** What a partner's supplyingAgencyMessage about a loan request does; see the class comment. */
    void received(Transaction transaction, Iso18626Peer peer, SupplyingAgencyMessage m, String requestNumber) {
        LoanRequest request = loan.byNumber(requestNumber).orElseThrow(() -> PartnerExchange.notFit(m, requestNumber,
                "there is no such request"));
        String lenderCode = partners.supplierCode(peer);
        PartnerExchange.Waiting waiting = exchange.waiting(KEY, requestNumber, VAR_LENDER_CODE, VAR_PARTNER_REQUEST_ID,
                lenderCode, transaction);
        Status status = m.statusInfo().status();
        ReasonForMessage reason = m.messageInfo().reasonForMessage();
        Runnable record = () -> loan.recordPartnerEvent(request.getId(), null, PartnerEvents.received(m),
                PartnerEvents.detail(m, clock.getZone()), lenderCode);
        if (PartnerEvents.informsOnly(m) || PartnerEvents.answersOurCancel(m, transaction)) {
            record.run();
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        String state = request.getStatus().name();
        if (reason == ReasonForMessage.RenewResponse) {
            exchange.move(waiting, MESSAGE_LENDER_RENEW_ANSWER, renewAnswer(request, m), m, state, record);
            return;
        }
        switch (status) {
            case ExpectToSupply, WillSupply -> exchange.move(waiting, MESSAGE_LENDER_WILL_SUPPLY, variables, m, state,
                    record);
            case Loaned -> {
                variables.put(VAR_LENDER_DUE_DATE, m.statusInfo().dueDate() == null ? null
                        : PartnerEvents.day(m.statusInfo().dueDate(), clock.getZone()).toString());
                exchange.move(waiting, MESSAGE_LENDER_LOANED, variables, m, state, record);
            }
            case Unfilled, Cancelled -> { // a cancellation by the partner on its own is an Unfilled
                variables.put(VAR_UNFILLED_REASON, PartnerEvents.unfilledReason(m));
                exchange.move(waiting, MESSAGE_LENDER_UNFILLED, variables, m, state, record);
            }
            case RetryPossible -> {
                variables.put(VAR_LENDER_RETRY_REASON, PartnerEvents.retryConditions(m, clock.getZone()));
                variables.put(VAR_RETRY_DECISION, null);
                exchange.move(waiting, MESSAGE_LENDER_RETRY_POSSIBLE, variables, m, state, record);
            }
            case Overdue, Recalled -> {
                record.run();
                recall(waiting, request, m, peer);
            }
            case LoanCompleted, CompletedWithoutReturn -> exchange.move(waiting, MESSAGE_LENDER_LOAN_COMPLETED,
                    variables, m, state, record);
            default -> throw PartnerExchange.notFit(m, requestNumber, "a book loan does not take this status");
        }
    }

    /**
     * Overdue or Recalled: while the patron has the book, the existing recall path with an earlier due date (the
     * partner's new due date less the return post, or today for Overdue); otherwise only recorded for staff.
     */
    private void recall(PartnerExchange.Waiting waiting, LoanRequest request, SupplyingAgencyMessage m,
            Iso18626Peer peer) {
        if (!waiting.current() || !exchange.waitsFor(waiting, MESSAGE_RECALL) || request.getDueDate() == null) {
            return; // not on loan (on its way, waiting for pickup, back already): staff read it on the timeline
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = m.statusInfo().status() == Status.Recalled && m.statusInfo().dueDate() != null
                ? patronDueDate(m.statusInfo().dueDate()) : today;
        if (due.isBefore(today)) {
            due = today;
        }
        if (!due.isBefore(request.getDueDate())) {
            return; // the patron's due date is already as early
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_RECALL_DUE_DATE, due.toString());
        variables.put(VAR_RECALL_REASON, m.statusInfo().status() == Status.Overdue
                ? "合作馆称已逾期 / overdue at the lending library" : "合作馆召回 / recalled by the lending library");
        variables.put(VAR_RECALLED_BY, peer.getCode());
        exchange.correlate(waiting, MESSAGE_RECALL, variables);
    }

    private Map<String, Object> renewAnswer(LoanRequest request, SupplyingAgencyMessage m) {
        Map<String, Object> variables = new HashMap<>();
        boolean granted = m.messageInfo().answerYesNo() == YesNo.Y;
        if (granted && m.statusInfo().dueDate() != null) {
            LocalDate due = patronDueDate(m.statusInfo().dueDate());
            if (request.getDueDate() != null && !due.isAfter(request.getDueDate())) {
                throw PartnerExchange.notFit(m, request.getRequestNumber(),
                        "the renewal's due date is not after the current one");
            }
            variables.put(VAR_NEW_DUE_DATE, due.toString());
        }
        variables.put(VAR_RENEWAL_OUTCOME, granted ? GRANTED : REFUSED);
        variables.put(VAR_RENEWAL_REFUSAL_REASON, granted ? null : m.messageInfo().note() != null
                ? PartnerEvents.cut(m.messageInfo().note()) : "合作馆不同意续借 / the lending library refused");
        return variables;
    }

    /** The patron's due date for a partner's due date: that day less the return post, as at check-out. */
    private LocalDate patronDueDate(Instant lenderDue) {
        Instant now = clock.instant();
        int period = (int) ChronoUnit.DAYS.between(dates.day(now), PartnerEvents.day(lenderDue, clock.getZone()));
        return dates.dueDate(now, period);
    }
}
