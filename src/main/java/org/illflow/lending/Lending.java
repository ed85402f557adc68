package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.illflow.catalog.Holding;
import org.illflow.catalog.HoldingsLookup;
import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.DeliveryInfo;
import org.illflow.iso18626.Iso18626.MessageInfo;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.RetryInfo;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.StatusInfo;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;
import org.illflow.iso18626.Iso18626Outbox;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Transactions;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.request.LocalHolding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the lending model's steps do: check the library's own holdings, record staff's decisions, and send the
 * partner each ISO 18626 message through the outbox, in the transaction of the step that sends it (the message
 * and the step commit together, or neither). The ISO 18626 status last sent is kept on the lending request and
 * on its ISO 18626 transaction.
 */
@Service
@Transactional
public class Lending {

    /** Who the timeline names for what illflow does by itself, and for what the partner's messages did. */
    static final String SYSTEM = "SYSTEM";
    static final String PARTNER = "PARTNER";

    /** The ISO 18626 reasons staff may give for Unfilled (open codes; NotHeld is the holdings check's). */
    public static final Set<String> UNFILLED_REASONS = Set.of("NotHeld", "NotOnShelf", "OnLoan", "NonCirculating",
            "Damaged", "PolicyProblem", "Other");
    /** The reasons for RetryPossible (open codes). */
    public static final Set<String> RETRY_REASONS = Set.of("CostExceedsMaxCost", "OnLoan", "LoanCondition",
            "NotFoundAsCited", "Other");

    private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    /** How the book travels; the partner's staff read the details in the note. */
    private static final String SENT_BY_MAIL = "Mail";

    private final LendingRequests requests;
    private final HoldingsLookup holdings;
    private final Iso18626Outbox outbox;
    private final Iso18626Peers peers;
    private final Iso18626Transactions transactions;
    private final LendingSettings settings;
    private final CopyLinks copyLinks;
    private final Clock clock;

    Lending(LendingRequests requests, HoldingsLookup holdings, Iso18626Outbox outbox, Iso18626Peers peers,
            Iso18626Transactions transactions, LendingSettings settings, CopyLinks copyLinks, Clock clock) {
        this.copyLinks = copyLinks;
        this.requests = requests;
        this.holdings = holdings;
        this.outbox = outbox;
        this.peers = peers;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    public LendingRequest request(long lendingId) {
        return requests.byId(lendingId).orElseThrow(() -> new NoSuchElementException("no lending request " + lendingId));
    }

    public Optional<LendingRequest> byNumber(String lendingNumber) {
        return lendingNumber == null ? Optional.empty() : requests.byNumber(lendingNumber.strip());
    }

    public java.util.List<LendingRequest.Event> timeline(long lendingId) {
        return requests.events(lendingId);
    }

    void record(long lendingId, String actor, String kind, String detail) {
        requests.event(lendingId, actor, kind, detail);
    }

    // ------------------------------------------------------------------ holdings

    /**
     * The library's own copy of what the partner asks for: a print copy for a loan (an e-journal cannot be lent),
     * any holding for a copy. Records what was found on the timeline.
     */
    public Optional<Holding> checkHoldings(long lendingId) {
        LendingRequest r = request(lendingId);
        boolean loanOnly = Iso18626.ServiceType.Loan.name().equals(r.serviceType());
        Optional<Holding> found = holdings.find(citation(r))
                .filter(h -> !loanOnly || h.kind() == Holding.Kind.PRINT);
        if (found.isPresent()) {
            String where = LocalHolding.describe(found.get());
            requests.holding(lendingId, where);
            record(lendingId, SYSTEM, "HELD", where);
        } else {
            record(lendingId, SYSTEM, "NOT_HELD", null);
        }
        return found;
    }

    static Citation citation(LendingRequest r) {
        boolean part = r.articleTitle() != null && !r.articleTitle().isBlank();
        return Citation.builder().genre(part ? CitationGenre.ARTICLE : CitationGenre.BOOK)
                .title(part ? r.articleTitle() : r.title()).journal(part ? r.title() : null).authors(r.author())
                .isbn(r.isbn()).issn(r.issn()).volume(r.volume()).issue(r.issue()).pages(r.pages())
                .year(year(r.publicationDate())).publisher(r.publisher()).build();
    }

    private static Integer year(String publicationDate) {
        if (publicationDate == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(1[5-9]|20)\\d\\d").matcher(publicationDate);
        return m.find() ? Integer.valueOf(m.group()) : null;
    }

    // ------------------------------------------------------------------ staff decisions

    /** The due date a loan shipped today gets under the library's lending terms. */
    public LocalDate proposedDueDate() {
        return today().plus(settings.getLoanPeriod());
    }

    /** A renewal's proposed due date: the current one plus the renewal period. */
    public LocalDate proposedRenewalDate(LocalDate current) {
        return current.plus(settings.getRenewalPeriod());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void recordDecision(long lendingId, String staff, String decision, String detail) {
        if (LOAN.equals(decision) || COPY.equals(decision)) {
            requests.suppliedAs(lendingId, decision);
        }
        record(lendingId, staff, "DECIDED_" + decision.toUpperCase(java.util.Locale.ROOT), detail);
    }

    void recordShipped(long lendingId, String staff, LocalDate dueDate, String shippingNote) {
        requests.shipped(lendingId, dueDate);
        record(lendingId, staff, "SHIPPED", "due " + dueDate + (blank(shippingNote) ? "" : " · " + shippingNote));
    }

    void recordReceived(long lendingId) {
        requests.received(lendingId);
    }

    void recordCheckedIn(long lendingId, String staff) {
        record(lendingId, staff, "CHECKED_IN", null);
    }

    // ------------------------------------------------------------------ messages to the partner

    /** The messages the model's send tasks send ({@code message} input parameter of ${lendingSend}). */
    public enum Outgoing {
        WillSupply, Unfilled, RetryPossible, Loaned, CopyCompleted, Overdue, Recalled, RenewGranted, RenewRefused,
        CancelAccepted, CancelRefused, LoanCompleted
    }

    /** Sends one message for the step that runs now and records what it changed; variables for the model. */
    public void send(Outgoing kind, VariableScope scope) {
        long lendingId = ((Number) scope.getVariable(VAR_LENDING_ID)).longValue();
        LendingRequest r = request(lendingId);
        String note = text(scope, VAR_NOTE);
        switch (kind) {
            case WillSupply -> {
                enqueue(r, new MessageInfo(ReasonForMessage.RequestResponse, YesNo.Y, note, null, null),
                        Status.WillSupply, null, null, null);
                scope.setVariable(VAR_SUPPLY_PROMISED, true);
                if (LOAN.equals(scope.getVariable(VAR_SUPPLY_AS))) {
                    scope.setVariable(VAR_SHIP_DUE_DATE, proposedDueDate().toString());
                }
            }
            case Unfilled -> {
                String reason = text(scope, VAR_UNFILLED_REASON);
                enqueue(r, new MessageInfo(ReasonForMessage.RequestResponse, YesNo.N, note, reason, null),
                        Status.Unfilled, null, null, null);
                requests.closed(lendingId, "UNFILLED", reason);
                scope.setVariable(VAR_LENDING_OUTCOME, UNFILLED);
            }
            case RetryPossible -> {
                BigDecimal cost = cost(scope.getVariable(VAR_RETRY_COST));
                RetryInfo retry = cost == null ? null : new RetryInfo(new Costs("CNY", cost), null, null);
                enqueue(r, new MessageInfo(ReasonForMessage.RequestResponse, YesNo.N, note, null,
                        text(scope, VAR_RETRY_REASON)), Status.RetryPossible, null, retry, null);
                requests.closed(lendingId, "RETRY_POSSIBLE", null);
                scope.setVariable(VAR_LENDING_OUTCOME, RETRY);
            }
            case Loaned -> {
                LocalDate due = request(lendingId).dueDate();
                String shipping = text(scope, VAR_SHIPPING_NOTE);
                enqueue(r, new MessageInfo(ReasonForMessage.StatusChange, null, shipping, null, null), Status.Loaned,
                        due, null, new DeliveryInfo(now(), null, null, SENT_BY_MAIL, null, null));
                scheduleDueDate(scope, due);
                scope.setVariable(VAR_LENDING_OUTCOME, OUTCOME_LOANED);
            }
            case CopyCompleted -> {
                // the link is made here and goes only into the message: never into a process variable or a log line
                long documentId = ((Number) scope.getVariable(VAR_DOCUMENT_ID)).longValue();
                requests.copySent(lendingId, documentId);
                String url = copyLinks.issue(r, documentId);
                enqueue(r, new MessageInfo(ReasonForMessage.StatusChange, null, note, null, null),
                        Status.CopyCompleted, null, null, new DeliveryInfo(now(), null, url, "URL", "PDF", null));
                requests.closed(lendingId, "COPY_COMPLETED", null);
                scope.setVariable(VAR_LENDING_OUTCOME, OUTCOME_COPIED);
            }
            case Overdue -> enqueue(r, new MessageInfo(ReasonForMessage.StatusChange, null,
                    "逾期 overdue since " + r.dueDate(), null, null), Status.Overdue, r.dueDate(), null, null);
            case Recalled -> {
                enqueue(r, new MessageInfo(ReasonForMessage.StatusChange, null, text(scope, VAR_RECALL_NOTE), null, null),
                        Status.Recalled, r.dueDate(), null, null);
            }
            case RenewGranted -> {
                LocalDate due = LocalDate.parse(text(scope, VAR_NEW_DUE_DATE));
                requests.renewed(lendingId, due);
                enqueue(r, new MessageInfo(ReasonForMessage.RenewResponse, YesNo.Y, note, null, null), Status.Loaned,
                        due, null, null);
                scheduleDueDate(scope, due);
                scope.setVariable(VAR_RENEWAL_PENDING, false);
            }
            case RenewRefused -> {
                enqueue(r, new MessageInfo(ReasonForMessage.RenewResponse, YesNo.N, note, null, null),
                        Status.valueOf(r.status()), r.dueDate(), null, null);
                scope.setVariable(VAR_RENEWAL_PENDING, false);
            }
            case CancelAccepted -> {
                enqueue(r, new MessageInfo(ReasonForMessage.CancelResponse, YesNo.Y, text(scope, VAR_CANCEL_NOTE), null,
                        null), Status.Cancelled, null, null, null);
                requests.closed(lendingId, "CANCELLED", null);
                scope.setVariable(VAR_CANCEL_PENDING, false);
            }
            case CancelRefused -> {
                enqueue(r, new MessageInfo(ReasonForMessage.CancelResponse, YesNo.N, text(scope, VAR_CANCEL_NOTE), null,
                        null), Status.valueOf(r.status()), null, null, null);
                scope.setVariable(VAR_CANCEL_PENDING, false);
            }
            case LoanCompleted -> {
                enqueue(r, new MessageInfo(ReasonForMessage.StatusChange, null, null, null, null), Status.LoanCompleted,
                        null, null, null);
                requests.closed(lendingId, "LOAN_COMPLETED", null);
            }
            default -> throw new IllegalStateException("no such message " + kind);
        }
        record(lendingId, SYSTEM, "SENT_" + kind.name(), null);
    }

    /** The partner asked for the request's status: answered with the status last sent. */
    void answerStatusRequest(LendingRequest r) {
        enqueue(r, new MessageInfo(ReasonForMessage.StatusRequestResponse, null, null, null, null),
                Status.valueOf(r.status()), r.dueDate(), null, null);
    }

    private void enqueue(LendingRequest r, MessageInfo info, Status status, LocalDate dueDate, RetryInfo retry,
            DeliveryInfo delivery) {
        Iso18626Peer peer = peers.byId(r.peerId()).orElseThrow();
        Instant now = now();
        SupplyingAgencyMessage message = new SupplyingAgencyMessage(
                outbox.header(peer, Role.LENDING, r.partnerRequestId(), r.lendingNumber()), info,
                new StatusInfo(status, null, dueDate == null ? null : endOf(dueDate), now), retry, delivery);
        outbox.enqueue(peer, message, r.transactionId());
        requests.status(r.id(), status.name());
        transactions.recordStatus(r.transactionId(), status.name());
    }

    /** The due date and the start of the overdue notices (as the due date ends), which the on-loan timer reads. */
    private void scheduleDueDate(VariableScope scope, LocalDate due) {
        scope.setVariable(VAR_DUE_DATE, due.toString());
        scope.setVariable(VAR_OVERDUE_FROM, endOf(due).atZone(zone()).format(CYCLE_START));
        scope.setVariable(VAR_RENEWALS, request(((Number) scope.getVariable(VAR_LENDING_ID)).longValue()).renewals());
    }

    Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static BigDecimal cost(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal cost = new BigDecimal(value.toString().strip());
            return cost.signum() < 0 || cost.scale() > 2 || cost.compareTo(new BigDecimal("100000")) >= 0 ? null : cost;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The variables a lending process starts with. */
    static Map<String, Object> startVariables(LendingRequest r, String partnerName) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put(VAR_LENDING_ID, r.id());
        v.put(VAR_REQUEST_NUMBER, r.lendingNumber());
        v.put(VAR_REQUEST_TITLE, r.displayTitle());
        v.put(VAR_PARTNER_NAME, partnerName);
        v.put(VAR_PARTNER_REQUEST_ID, r.partnerRequestId());
        v.put(VAR_SERVICE_TYPE, r.serviceType());
        v.put(VAR_ITEM_DETAILS, itemDetails(r));
        v.put(VAR_MAX_COST, r.maxCost() == null ? "—" : r.maxCost().toPlainString() + " " + r.maxCostCurrency());
        v.put(VAR_SUPPLY_PROMISED, false);
        v.put(VAR_CANCEL_PENDING, false);
        v.put(VAR_RENEWAL_PENDING, false);
        if (r.needBefore() != null) {
            v.put(VAR_NEEDED_BY, r.needBefore().toString());
        }
        return v;
    }

    /** Everything the partner said about the item, one line each, for the staff forms. */
    static String itemDetails(LendingRequest r) {
        StringBuilder s = new StringBuilder();
        line(s, "题名 Title", r.title());
        line(s, "篇名/章节 Article or chapter", r.articleTitle());
        line(s, "著者 Author", r.author());
        line(s, "ISBN", r.isbn());
        line(s, "ISSN", r.issn());
        line(s, "出版者 Publisher", r.publisher());
        line(s, "出版日期 Date", r.publicationDate());
        line(s, "卷 Volume", r.volume());
        line(s, "期 Issue", r.issue());
        line(s, "页 Pages", r.pages());
        line(s, "需要日期 Needed before", r.needBefore() == null ? null : r.needBefore().toString());
        line(s, "对方附言 Partner's note", r.partnerNote());
        return s.toString().strip();
    }

    private static void line(StringBuilder s, String label, String value) {
        if (value != null && !value.isBlank()) {
            s.append(label).append(": ").append(value.strip()).append('\n');
        }
    }
}
