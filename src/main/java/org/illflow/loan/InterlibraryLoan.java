package org.illflow.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.illflow.catalog.Holding;
import org.illflow.catalog.HoldingsLookup;
import org.illflow.request.LocalHolding;
import org.illflow.request.PatronCheck;
import org.illflow.request.SupplierQueue;
import org.illflow.request.TimelineEntry;
import org.illflow.supplier.Supplier;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.supplier.SupplierRanking;
import org.illflow.supplier.SupplierService;
import org.illflow.supplier.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the inter-library loan process, each changing the request and writing its timeline in the
 * engine's transaction. Delegates and task listeners call one method each; the logic lives here, testable
 * without the engine.
 */
@Service
@Transactional
public class InterlibraryLoan {

    static final String SYSTEM = TimelineEntry.SYSTEM;

    private final LoanRequestRepository requests;
    private final LoanTimelineEventRepository timeline;
    private final PatronCheck patrons;
    private final HoldingsLookup holdings;
    private final SupplierRanking ranking;
    private final SupplierCatalog suppliers;
    private final DueDateCalculator dates;
    private final Clock clock;
    private final org.illflow.request.PatronLimits limits;

    InterlibraryLoan(LoanRequestRepository requests, LoanTimelineEventRepository timeline, PatronCheck patrons,
            HoldingsLookup holdings, SupplierRanking ranking, SupplierCatalog suppliers, DueDateCalculator dates,
            Clock clock, org.illflow.request.PatronLimits limits) {
        this.limits = limits;
        this.requests = requests;
        this.timeline = timeline;
        this.patrons = patrons;
        this.holdings = holdings;
        this.ranking = ranking;
        this.suppliers = suppliers;
        this.dates = dates;
        this.clock = clock;
    }

    public LoanRequest request(long requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new IllegalArgumentException("no loan request " + requestId));
    }

    void record(LoanRequest request, String actor, String event, String detail, String lender, BigDecimal amount) {
        timeline.save(new LoanTimelineEvent(request.getId(), clock.instant(), actor, event, detail, lender, amount));
    }

    /** The lender of a request (the one asked last, which is the one that lent the book). */
    Supplier lender(LoanRequest request) {
        return suppliers.byCode(request.getLenderCode())
                .orElseThrow(() -> new IllegalStateException("lender " + request.getLenderCode() + " disappeared"));
    }

    /** Only active patrons may borrow; a suspended or pending account is refused. */
    @Transactional(readOnly = true)
    public boolean patronIsActive(long requestId) {
        return patrons.isActive(request(requestId).getPatronCardNumber());
    }

    /** REJECTED: the patron's account is not active, or (with {@code reason}) the request is over the budget. */
    public void reject(long requestId, String reason) {
        LoanRequest request = request(requestId);
        String why = reason == null ? "patron account not active" : reason;
        request.moveTo(LoanStatus.REJECTED, why, clock.instant());
        record(request, SYSTEM, "REJECTED", why, null, null);
    }

    /** Task_CheckLimits, before any lender is asked: the patron's budget for the year. */
    public org.illflow.request.LimitVerdict checkLimits(long requestId) {
        LoanRequest request = request(requestId);
        org.illflow.request.LimitVerdict verdict = limits.budgetVerdict(request.getPatronCardNumber());
        if (verdict.reason() != null) {
            record(request, SYSTEM, "OVER_LIMIT", verdict.reason(), null, null);
        }
        return verdict;
    }

    public void recordOverLimitDecision(long requestId, boolean approved, String admin) {
        record(request(requestId), admin, approved ? "OVER_LIMIT_APPROVED" : "OVER_LIMIT_REFUSED", null, null, null);
    }

    @Transactional(readOnly = true)
    public Optional<Holding> heldLocally(long requestId) {
        return holdings.find(request(requestId).citation());
    }

    /** Held in print: the patron is told the call number and location. Returns what the patron is told. */
    public String recordHeldLocally(long requestId, Holding holding) {
        LoanRequest request = request(requestId);
        String where = LocalHolding.describe(holding);
        request.heldLocally(where, clock.instant());
        record(request, SYSTEM, "HELD_LOCALLY", where, null, null);
        return where;
    }

    /** Staff confirm the library's copy can be used, or decide to borrow the book anyway (lost, in repair). */
    public void recordHoldingDecision(long requestId, boolean available, String staff) {
        LoanRequest request = request(requestId);
        if (!available) {
            request.moveTo(LoanStatus.SUBMITTED, null, clock.instant());
        }
        record(request, staff, available ? "HOLDING_CONFIRMED" : "HOLDING_NOT_AVAILABLE", null, null, null);
    }

    /** Eligible, active lenders, cheapest (fee + shipping) first, as a comma-separated list of codes. */
    public String rankLenders(long requestId) {
        LoanRequest request = request(requestId);
        var ranked = ranking.rank(SupplierService.LOAN, request.getSubjectArea(), request.getLanguage(), null);
        String codes = SupplierQueue.ranked(ranked).toString();
        record(request, SYSTEM, ranked.isEmpty() ? "NO_LENDER" : "LENDERS_RANKED", ranked.isEmpty() ? null : codes,
                null, null);
        return codes;
    }

    /** The lender to ask now, taken off the front of the remaining list, with its terms for the staff form. */
    record NextLender(String code, String name, String terms, String workLink, String remaining) {
    }

    public Optional<NextLender> takeNextLender(long requestId, String remaining) {
        SupplierQueue queue = SupplierQueue.of(remaining);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        String code = queue.next().orElseThrow();
        Supplier lender = suppliers.byCode(code)
                .orElseThrow(() -> new IllegalStateException("lender " + code + " disappeared"));
        LoanRequest request = request(requestId);
        if (request.getStatus() == LoanStatus.REQUESTED) {
            request.moveTo(LoanStatus.SUBMITTED, null, clock.instant());
        }
        record(request, SYSTEM, "LENDER_TRY", lender.getNameEn(), lender.getCode(), null);
        return Optional.of(new NextLender(lender.getCode(), lender.name(Locale.SIMPLIFIED_CHINESE), terms(lender),
                lender.getWorkLink(), queue.rest().toString()));
    }

    private static String terms(Supplier lender) {
        return String.format(Locale.ROOT, "借期 %s 天 / loan period %s days; 借书费 / fee %s; 运费 / shipping %s; "
                        + "可续借 / renewals %d",
                lender.getLoanPeriodDays() == null ? "?" : lender.getLoanPeriodDays(),
                lender.getLoanPeriodDays() == null ? "?" : lender.getLoanPeriodDays(),
                lender.getBorrowingFee() == null ? "0.00" : lender.getBorrowingFee().toPlainString(),
                lender.getShippingCost() == null ? "included" : lender.getShippingCost().toPlainString(),
                lender.getRenewalsAllowed());
    }

    /** Staff asked the lender (or skipped it). The lender's turnaround target starts now. */
    public void recordRequestOutcome(long requestId, String lenderCode, boolean requested, String staff) {
        LoanRequest request = request(requestId);
        if (requested) {
            request.requestedFrom(lenderCode, clock.instant());
            record(request, staff, "REQUESTED", null, lenderCode, null);
        } else {
            record(request, staff, "SKIPPED", null, lenderCode, null);
        }
    }

    /** When the lender's turnaround target (working days from now) runs out. */
    public Instant lenderDueAt(String lenderCode) {
        int days = suppliers.byCode(lenderCode).map(Supplier::getTurnaroundDays).orElse(5);
        return WorkingDays.after(clock.instant(), days, clock.getZone());
    }

    public void recordLenderUnfilled(long requestId, String lenderCode, String reason, String staff) {
        record(request(requestId), staff, "LENDER_UNFILLED", reason, lenderCode, null);
    }

    public void recordLenderTimeout(long requestId, String lenderCode) {
        record(request(requestId), SYSTEM, "LENDER_TIMEOUT", null, lenderCode, null);
    }

    public void recordUnfilled(long requestId) {
        LoanRequest request = request(requestId);
        request.moveTo(LoanStatus.UNFILLED, "no lender could lend the book", clock.instant());
        record(request, SYSTEM, "UNFILLED", null, null, null);
    }

    /** The book is here: SATISFIED (已满足). The library owes the lender's borrowing fee; pickup starts. */
    public LoanRequest recordArrival(long requestId, String staff) {
        LoanRequest request = request(requestId);
        Supplier lender = lender(request);
        BigDecimal fee = lender.getBorrowingFee() == null ? BigDecimal.ZERO : lender.getBorrowingFee();
        Instant now = clock.instant();
        request.arrived(fee, dates.pickupDeadline(now), now);
        record(request, staff, "SATISFIED", "collect by " + dates.lastPickupDay(now), lender.getCode(), fee);
        return request;
    }

    /** Nobody came for the book by the pickup deadline: the request is closed and the book goes back. */
    public void recordNotCollected(long requestId) {
        LoanRequest request = request(requestId);
        request.moveTo(LoanStatus.CANCELLED, "not collected by the pickup deadline", clock.instant());
        record(request, SYSTEM, "NOT_COLLECTED", null, request.getLenderCode(), null);
    }

    /**
     * The patron (or staff for them) cancelled before check-out. Returns where the book is, which decides what
     * staff still do: send it back (library), withdraw the request (lender) or nothing (none).
     */
    public String recordCancellation(long requestId, String by) {
        LoanRequest request = request(requestId);
        LoanStatus before = request.getStatus();
        request.moveTo(LoanStatus.CANCELLED, null, clock.instant());
        record(request, by, "CANCELLED", null, request.getLenderCode(), null);
        return switch (before) {
            case SATISFIED -> InterlibraryLoanProcess.BOOK_AT_LIBRARY;
            case REQUESTED -> InterlibraryLoanProcess.BOOK_WITH_LENDER;
            default -> InterlibraryLoanProcess.BOOK_NOWHERE;
        };
    }

    public void recordWithdrawal(long requestId, String staff) {
        LoanRequest request = request(requestId);
        record(request, staff, "WITHDRAWN", null, request.getLenderCode(), null);
    }

    /** Lent at the circulation desk: due date = today + the lender's loan period − the return-shipping buffer. */
    public LoanRequest recordCheckOut(long requestId, String staff) {
        return recordCheckOut(requestId, staff, null);
    }

    /**
     * Lent at the circulation desk. With the lender's own due date (an ISO 18626 partner's Loaned message says
     * it), the patron's due date is that day less the return-shipping buffer; else today + the lender's loan
     * period less the buffer.
     */
    public LoanRequest recordCheckOut(long requestId, String staff, LocalDate lenderDueDate) {
        LoanRequest request = request(requestId);
        Supplier lender = lender(request);
        if (lenderDueDate != null) {
            Instant now = clock.instant();
            int period = (int) java.time.temporal.ChronoUnit.DAYS.between(dates.day(now), lenderDueDate);
            LocalDate due = dates.dueDate(now, period);
            request.checkedOut(due, now);
            record(request, staff, "CHECKED_OUT", "due " + due + " (lender's due date " + lenderDueDate + ")",
                    lender.getCode(), null);
            return request;
        }
        if (lender.getLoanPeriodDays() == null) {
            throw new IllegalStateException("Lender " + lender.getCode() + " has no loan period; an admin sets it on "
                    + "/admin/suppliers. / 出借馆未设置借期，请管理员在供应商页面补充。");
        }
        Instant now = clock.instant();
        LocalDate due = dates.dueDate(now, lender.getLoanPeriodDays());
        request.checkedOut(due, now);
        record(request, staff, "CHECKED_OUT", "due " + due, lender.getCode(), null);
        return request;
    }

    /** An overdue notice is due (on the due date's end, then weekly): the request is OVERDUE. */
    public LoanRequest recordOverdue(long requestId) {
        LoanRequest request = request(requestId);
        request.overdueNoticeDue(clock.instant());
        int days = dates.overdueDays(request.getDueDate(), clock.instant());
        record(request, SYSTEM, "OVERDUE", "notice " + request.getOverdueNotices() + ", " + days + " days", null,
                null);
        return request;
    }

    /** The renewal a patron may ask for: the current due date plus the lender's loan period. */
    @Transactional(readOnly = true)
    public LocalDate proposedRenewalDueDate(LoanRequest request) {
        Integer period = lender(request).getLoanPeriodDays();
        return dates.renewedDueDate(request.getDueDate(), period == null ? 0 : period);
    }

    public LoanRequest recordRenewal(long requestId, LocalDate newDueDate, String staff) {
        LoanRequest request = request(requestId);
        LocalDate before = request.getDueDate();
        request.renewed(newDueDate, clock.instant());
        record(request, staff, "RENEWED", "due " + before + " → " + newDueDate, request.getLenderCode(), null);
        return request;
    }

    public void recordRenewalRefused(long requestId, String reason, String staff) {
        LoanRequest request = request(requestId);
        request.renewalRefused(clock.instant());
        record(request, staff, "RENEWAL_REFUSED", reason, request.getLenderCode(), null);
    }

    public LoanRequest recordRecall(long requestId, LocalDate newDueDate, String reason, String staff) {
        LoanRequest request = request(requestId);
        LocalDate before = request.getDueDate();
        boolean renewalCut = request.isRenewalPending();
        request.recalled(newDueDate, reason == null || reason.isBlank() ? "recalled by the lender" : reason,
                clock.instant());
        record(request, staff, "RECALLED", "due " + before + " → " + newDueDate
                + (reason == null || reason.isBlank() ? "" : "; " + reason)
                + (renewalCut ? "; pending renewal dropped" : ""), request.getLenderCode(), null);
        return request;
    }

    /** Checked in at the desk: days overdue and the patron's fee are recorded. */
    public LoanRequest recordReturn(long requestId, String staff) {
        LoanRequest request = request(requestId);
        Instant now = clock.instant();
        int days = dates.overdueDays(request.getDueDate(), now);
        BigDecimal fee = dates.overdueFee(days);
        request.returned(days, fee, now);
        record(request, staff, "RETURNED", days == 0 ? "on time" : days + " days overdue", request.getLenderCode(),
                days == 0 ? null : fee);
        return request;
    }

    /** Posted back to the lender; the library pays the shipping. */
    public void recordSentBack(long requestId, BigDecimal shipping, String trackingNumber, String staff) {
        LoanRequest request = request(requestId);
        request.sentBack(shipping, clock.instant());
        record(request, staff, "SENT_BACK", trackingNumber == null || trackingNumber.isBlank() ? null
                : "tracking " + trackingNumber, request.getLenderCode(), shipping);
    }

    /** The process instance has ended: the record is final. */
    public void recordClosed(long requestId) {
        request(requestId).closed(clock.instant());
    }

    /** A request by its number (the process's business key), for the ISO 18626 partner messages about it. */
    @Transactional(readOnly = true)
    public Optional<LoanRequest> byNumber(String requestNumber) {
        return requests.findByRequestNumber(requestNumber);
    }

    /** A line about an ISO 18626 message sent to or received from the partner lender (actor null: the platform). */
    public void recordPartnerEvent(long requestId, String actor, String event, String detail, String lenderCode) {
        record(request(requestId), actor, event, detail, lenderCode, null);
    }

    public void recordNotified(long requestId, String noticeKey) {
        record(request(requestId), SYSTEM, "NOTIFIED", noticeKey, null, null);
    }
}
