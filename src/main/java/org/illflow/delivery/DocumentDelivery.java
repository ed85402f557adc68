package org.illflow.delivery;

import static org.illflow.delivery.DocumentDeliveryProcess.MESSAGE_SAME_ARTICLE_SETTLED;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.catalog.Holding;
import org.illflow.catalog.HoldingsLookup;
import org.illflow.citation.Citation;
import org.illflow.copyright.CopiedArticle;
import org.illflow.copyright.CopyrightControl;
import org.illflow.copyright.CopyrightStanding;
import org.illflow.request.LimitVerdict;
import org.illflow.request.PatronLimits;
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
 * The steps of the document delivery process, each changing the request and writing its timeline in the
 * engine's transaction. Delegates call one method each; the logic lives here, testable without the engine.
 */
@Service
@Transactional
public class DocumentDelivery {

    static final String SYSTEM = TimelineEntry.SYSTEM;

    private final DocumentDeliveryRequestRepository requests;
    private final TimelineEventRepository timeline;
    private final PatronCheck patrons;
    private final DocumentArchive archive;
    private final HoldingsLookup holdings;
    private final SupplierRanking ranking;
    private final SupplierCatalog suppliers;
    private final SameArticleRequests sameArticle;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final CopyrightControl copyright;
    private final PatronLimits limits;

    DocumentDelivery(DocumentDeliveryRequestRepository requests, TimelineEventRepository timeline,
            PatronCheck patrons, DocumentArchive archive, HoldingsLookup holdings, SupplierRanking ranking,
            SupplierCatalog suppliers, SameArticleRequests sameArticle, RuntimeService runtimeService, Clock clock,
            CopyrightControl copyright, PatronLimits limits) {
        this.copyright = copyright;
        this.limits = limits;
        this.sameArticle = sameArticle;
        this.runtimeService = runtimeService;
        this.requests = requests;
        this.timeline = timeline;
        this.patrons = patrons;
        this.archive = archive;
        this.holdings = holdings;
        this.ranking = ranking;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    DocumentDeliveryRequest request(long requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new IllegalArgumentException("no document delivery request " + requestId));
    }

    void record(DocumentDeliveryRequest request, String actor, String event, String detail, String supplier,
            BigDecimal cost) {
        timeline.save(new TimelineEvent(request.getId(), clock.instant(), actor, event, detail, supplier, cost));
    }

    /** Only active patrons may use the service; a suspended or pending account is refused. */
    @Transactional(readOnly = true)
    public boolean patronIsActive(long requestId) {
        return patrons.isActive(request(requestId).getPatronCardNumber());
    }

    /** REJECTED: the patron's account is not active, or (with {@code reason}) the request is over a limit. */
    public void reject(long requestId, String reason) {
        DocumentDeliveryRequest request = request(requestId);
        String why = reason == null ? "patron account not active" : reason;
        request.moveTo(DeliveryStatus.REJECTED, why, clock.instant());
        record(request, SYSTEM, "REJECTED", why, null, null);
        releaseWaiting(request);
    }

    /** The article as copyright control counts it. */
    static CopiedArticle articleOf(DocumentDeliveryRequest request) {
        return new CopiedArticle(request.getId(), request.getRequestNumber(), request.getIssn(), request.getEissn(),
                request.getJournal(), request.getYear(), request.getSubmittedAt());
    }

    /** Where the request stands under the copyright rule (the Order form shows it; from the threshold, confirm). */
    @Transactional(readOnly = true)
    public CopyrightStanding copyrightStanding(long requestId) {
        return copyright.standing(articleOf(request(requestId)));
    }

    /**
     * Task_CheckLimits, before anything is ordered: the patron's budget and the journal's copyright count. A limit
     * whose setting refuses wins over one that asks an admin; the reasons of both are given.
     */
    public LimitVerdict checkLimits(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        LimitVerdict verdict = limits.budgetVerdict(request.getPatronCardNumber());
        CopyrightStanding standing = copyright.standing(articleOf(request));
        if (standing.isOverLimit()) {
            verdict = verdict.and("版权限额 / copyright limit: " + standing.describe(), standing.whenOver());
        }
        if (verdict.reason() != null) {
            record(request, SYSTEM, "OVER_LIMIT", verdict.reason(), null, null);
        }
        return verdict;
    }

    public void recordOverLimitDecision(long requestId, boolean approved, String admin) {
        record(request(requestId), admin, approved ? "OVER_LIMIT_APPROVED" : "OVER_LIMIT_REFUSED", null, null, null);
    }

    @Transactional(readOnly = true)
    public Optional<ArchivedDocument> copyInArchive(long requestId) {
        return archive.findDuplicate(request(requestId).citation());
    }

    /** The archive already has this document: the patron gets it at once, at no cost. */
    public void deliverFromArchive(long requestId, long documentId) {
        DocumentDeliveryRequest request = request(requestId);
        archive.recordReuse(documentId, request.getRequestNumber());
        copyright.recordCopy(articleOf(request), true);
        request.delivered(DeliveryStatus.FROM_ARCHIVE, documentId, null, BigDecimal.ZERO, clock.instant());
        record(request, SYSTEM, "FROM_ARCHIVE", "archived copy #" + documentId, null, BigDecimal.ZERO);
    }

    @Transactional(readOnly = true)
    public Optional<Holding> heldLocally(long requestId) {
        return holdings.find(request(requestId).citation());
    }

    public void recordHeldLocally(long requestId, Holding holding) {
        DocumentDeliveryRequest request = request(requestId);
        String where = LocalHolding.describe(holding);
        request.heldLocally(where, clock.instant());
        record(request, SYSTEM, "HELD_LOCALLY", where, null, null);
    }

    public void recordHoldingDecision(long requestId, boolean accessible, String staff) {
        DocumentDeliveryRequest request = request(requestId);
        if (!accessible) {
            request.moveTo(DeliveryStatus.SUBMITTED, null, clock.instant());
        }
        record(request, staff, accessible ? "HOLDING_CONFIRMED" : "HOLDING_NOT_ACCESSIBLE", null, null, null);
    }

    /** What the check before ordering found: a copy now in the archive, or the open request to wait for. */
    record BeforeOrdering(Long archivedDocumentId, String onOrderBy) {
    }

    /**
     * Just before ordering, under the article's lock: a copy of the same article confirmed meanwhile answers the
     * request from the archive; an open request for it that is being ordered is waited for (it is never bought
     * twice at once); otherwise this request is the one being ordered, and later ones wait for it.
     */
    public BeforeOrdering checkBeforeOrdering(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        sameArticle.lock(request);
        request.waitFor(null);
        Optional<ArchivedDocument> archived = archive.findDuplicate(request.citation());
        if (archived.isPresent()) {
            return new BeforeOrdering(archived.get().id(), null);
        }
        Optional<DocumentDeliveryRequest> first = sameArticle.beingOrdered(request);
        if (first.isPresent()) {
            request.waitFor(first.get().getId());
            record(request, SYSTEM, "WAITING_SAME_ARTICLE", first.get().getRequestNumber(), null, null);
            return new BeforeOrdering(null, first.get().getRequestNumber());
        }
        request.startOrdering(clock.instant());
        return new BeforeOrdering(null, null);
    }

    /**
     * A request being ordered has ended (delivered, unfilled or cancelled): the requests waiting for it check again,
     * each in a job of its own — delivered from the archive if the copy was confirmed, else the first orders it.
     */
    private void releaseWaiting(DocumentDeliveryRequest request) {
        if (request.getOrderingSince() == null) {
            return;
        }
        sameArticle.lock(request);
        requests.flush();
        for (DocumentDeliveryRequest waiting : sameArticle.waitingFor(request)) {
            runtimeService.createMessageCorrelation(MESSAGE_SAME_ARTICLE_SETTLED)
                    .processInstanceBusinessKey(waiting.getRequestNumber()).correlateAllWithResult();
        }
    }

    /** Other open requests for the same article, for the Order form: "DD-2026-000005 (waiting for this one)". */
    @Transactional(readOnly = true)
    public List<DocumentDeliveryRequest> openForSameArticle(long requestId) {
        return sameArticle.openFor(request(requestId));
    }

    /** Eligible, active suppliers, cheapest first, as a comma-separated list of codes (empty when none). */
    public String rankSuppliers(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        var ranked = ranking.rank(SupplierService.COPY, request.getSubjectArea(),
                request.getLanguage(), pageCount(request.citation()));
        String codes = SupplierQueue.ranked(ranked).toString();
        record(request, SYSTEM, ranked.isEmpty() ? "NO_SUPPLIER" : "SUPPLIERS_RANKED",
                ranked.isEmpty() ? null : codes, null, null);
        return codes;
    }

    private static Integer pageCount(Citation citation) {
        return org.illflow.citation.PageRange.parse(citation.pages()).map(r -> r.pageCount()).orElse(null);
    }

    /** The supplier to try now, taken off the front of the remaining list. */
    record NextSupplier(String code, String name, String remaining) {
    }

    public Optional<NextSupplier> takeNextSupplier(long requestId, String remaining) {
        SupplierQueue queue = SupplierQueue.of(remaining);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        String code = queue.next().orElseThrow();
        Supplier supplier = suppliers.byCode(code)
                .orElseThrow(() -> new IllegalStateException("supplier " + code + " disappeared"));
        record(request(requestId), SYSTEM, "SUPPLIER_TRY", supplier.getNameEn(), supplier.getCode(), null);
        return Optional.of(new NextSupplier(supplier.getCode(), supplier.name(Locale.SIMPLIFIED_CHINESE),
                queue.rest().toString()));
    }

    /**
     * When the supplier's turnaround target (working days from now) runs out. Asked when staff have ordered, so
     * an Order task waiting in Tasklist does not eat the supplier's time (as for a loan's lender).
     */
    public Instant supplierDueAt(String supplierCode) {
        int days = suppliers.byCode(supplierCode).map(Supplier::getTurnaroundDays).orElse(5);
        return WorkingDays.after(clock.instant(), days, clock.getZone());
    }

    public void recordOrderOutcome(long requestId, String supplierCode, boolean ordered, String staff) {
        DocumentDeliveryRequest request = request(requestId);
        if (ordered) {
            request.orderedFrom(supplierCode, clock.instant());
            record(request, staff, "ORDERED", null, supplierCode, null);
        } else {
            record(request, staff, "SKIPPED", null, supplierCode, null);
        }
    }

    public void recordSupplierUnfilled(long requestId, String supplierCode, String reason, String staff) {
        DocumentDeliveryRequest request = request(requestId);
        record(request, staff, "SUPPLIER_UNFILLED", reason, supplierCode, null);
        dropPendingCopy(request);
    }

    public void recordSupplierTimeout(long requestId, String supplierCode) {
        DocumentDeliveryRequest request = request(requestId);
        record(request, SYSTEM, "SUPPLIER_TIMEOUT", null, supplierCode, null);
        dropPendingCopy(request);
    }

    /** The request goes on without the copy staff attached: it never enters the archive's duplicate index. */
    private void dropPendingCopy(DocumentDeliveryRequest request) {
        Long pending = request.takePendingCopy();
        if (pending != null) {
            record(request, SYSTEM, "COPY_DISCARDED", "document #" + pending, null, null);
            discardUnlessPending(pending, request);
        }
    }

    /** Discards an unconfirmed upload unless another request waits on the same file. */
    void discardUnlessPending(long documentId, DocumentDeliveryRequest request) {
        if (!requests.existsByPendingDocumentIdAndIdNot(documentId, request.getId())) {
            archive.discard(documentId);
        }
    }

    /** What a copy from this supplier costs the library ({@link Supplier#copyCost}, the one formula). */
    @Transactional(readOnly = true)
    public BigDecimal costOf(String supplierCode, int pages) {
        return suppliers.byCode(supplierCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown supplier " + supplierCode)).copyCost(pages);
    }

    /**
     * "Copy received": the upload waiting on the request is confirmed, joins the duplicate index with what it
     * cost, and the request is DELIVERED.
     */
    public void recordDelivery(long requestId, long documentId, String supplierCode, String staff) {
        DocumentDeliveryRequest request = request(requestId);
        if (request.getPendingDocumentId() == null || request.getPendingDocumentId() != documentId) {
            throw new IllegalStateException("document " + documentId + " is not the copy waiting on "
                    + request.getRequestNumber());
        }
        ArchivedDocument pending = archive.find(documentId)
                .orElseThrow(() -> new IllegalStateException("archived document " + documentId + " missing"));
        BigDecimal cost = costOf(supplierCode, pending.pageCount());
        ArchivedDocument document = archive.confirm(documentId, ArchiveEntry.of(request.citation(), supplierCode,
                cost, request.getRequestNumber()));
        if (document.cost() == null || document.cost().compareTo(cost) != 0) {
            archive.recordCost(documentId, cost);
        }
        request.takePendingCopy();
        copyright.recordCopy(articleOf(request), false);
        request.delivered(DeliveryStatus.DELIVERED, documentId, supplierCode, cost, clock.instant());
        record(request, staff, "DELIVERED", document.pageCount() + " pages", supplierCode, cost);
        releaseWaiting(request);
    }

    public void recordUnfilled(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        request.moveTo(DeliveryStatus.UNFILLED, "no supplier could deliver", clock.instant());
        record(request, SYSTEM, "UNFILLED", null, null, null);
        releaseWaiting(request);
    }

    public void recordCancellation(long requestId, String by) {
        DocumentDeliveryRequest request = request(requestId);
        request.moveTo(DeliveryStatus.CANCELLED, null, clock.instant());
        record(request, by, "CANCELLED", null, null, null);
        dropPendingCopy(request);
        releaseWaiting(request);
    }

    /** The process instance has ended: the record is final. */
    public void recordClosed(long requestId) {
        request(requestId).closed(clock.instant());
    }

    /** A request by its number (the process's business key), for the ISO 18626 partner messages about it. */
    @Transactional(readOnly = true)
    public Optional<DocumentDeliveryRequest> byNumber(String requestNumber) {
        return requests.findByRequestNumber(requestNumber);
    }

    public DocumentDeliveryRequest requestOf(long requestId) {
        return request(requestId);
    }

    /** A line about an ISO 18626 message sent to or received from the partner supplier (actor null: the platform). */
    public void recordPartnerEvent(long requestId, String actor, String event, String detail, String supplierCode) {
        record(request(requestId), actor, event, detail, supplierCode, null);
    }

    public void recordNotified(long requestId, String kind) {
        record(request(requestId), SYSTEM, "NOTIFIED", kind, null, null);
    }
}
