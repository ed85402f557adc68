package org.illflow.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.catalog.Holding;
import org.illflow.catalog.HoldingsLookup;
import org.illflow.citation.Citation;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.supplier.RankedSupplier;
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

    static final String SYSTEM = "illflow";

    private final DocumentDeliveryRequestRepository requests;
    private final TimelineEventRepository timeline;
    private final PatronDirectory patrons;
    private final DocumentArchive archive;
    private final HoldingsLookup holdings;
    private final SupplierRanking ranking;
    private final SupplierCatalog suppliers;
    private final Clock clock;

    DocumentDelivery(DocumentDeliveryRequestRepository requests, TimelineEventRepository timeline,
            PatronDirectory patrons, DocumentArchive archive, HoldingsLookup holdings, SupplierRanking ranking,
            SupplierCatalog suppliers, Clock clock) {
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
        timeline.save(new TimelineEvent(request.getId(), clock.instant(), actor == null ? SYSTEM : actor, event,
                detail, supplier, cost));
    }

    /** Only active patrons may use the service; a suspended or pending account is refused. */
    @Transactional(readOnly = true)
    public boolean patronIsActive(long requestId) {
        return patrons.byCardNumber(request(requestId).getPatronCardNumber()).map(Patron::isActive).orElse(false);
    }

    public void reject(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        request.moveTo(DeliveryStatus.REJECTED, "patron account not active", clock.instant());
        record(request, SYSTEM, "REJECTED", "patron account not active", null, null);
    }

    @Transactional(readOnly = true)
    public Optional<ArchivedDocument> copyInArchive(long requestId) {
        return archive.findDuplicate(request(requestId).citation());
    }

    /** The archive already has this document: the patron gets it at once, at no cost. */
    public void deliverFromArchive(long requestId, long documentId) {
        DocumentDeliveryRequest request = request(requestId);
        archive.recordReuse(documentId, request.getRequestNumber());
        request.delivered(DeliveryStatus.FROM_ARCHIVE, documentId, null, BigDecimal.ZERO, clock.instant());
        record(request, SYSTEM, "FROM_ARCHIVE", "archived copy #" + documentId, null, BigDecimal.ZERO);
    }

    @Transactional(readOnly = true)
    public Optional<Holding> heldLocally(long requestId) {
        return holdings.find(request(requestId).citation());
    }

    public void recordHeldLocally(long requestId, Holding holding) {
        DocumentDeliveryRequest request = request(requestId);
        String where = holding.kind() == Holding.Kind.E_JOURNAL ? holding.title() + " — " + holding.url()
                : holding.title() + " — " + holding.callNumber() + " — " + holding.location();
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

    /** Eligible, active suppliers, cheapest first, as a comma-separated list of codes (empty when none). */
    public String rankSuppliers(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        List<RankedSupplier> ranked = ranking.rank(SupplierService.COPY, request.getSubjectArea(),
                request.getLanguage(), pageCount(request.citation()));
        String codes = String.join(",", ranked.stream().map(RankedSupplier::code).toList());
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
        List<String> codes = remaining == null || remaining.isBlank() ? List.of()
                : Arrays.stream(remaining.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        Supplier supplier = suppliers.byCode(codes.get(0))
                .orElseThrow(() -> new IllegalStateException("supplier " + codes.get(0) + " disappeared"));
        DocumentDeliveryRequest request = request(requestId);
        record(request, SYSTEM, "SUPPLIER_TRY", supplier.getNameEn(), supplier.getCode(), null);
        return Optional.of(new NextSupplier(supplier.getCode(), supplier.name(Locale.SIMPLIFIED_CHINESE),
                String.join(",", codes.subList(1, codes.size()))));
    }

    /** When the supplier's turnaround target (working days from now) runs out. */
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
    }

    public void recordSupplierTimeout(long requestId, String supplierCode) {
        record(request(requestId), SYSTEM, "SUPPLIER_TIMEOUT", null, supplierCode, null);
    }

    /** What a copy from this supplier costs the library: per item plus per page of the delivered PDF. */
    @Transactional(readOnly = true)
    public BigDecimal costOf(String supplierCode, int pages) {
        Supplier supplier = suppliers.byCode(supplierCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown supplier " + supplierCode));
        BigDecimal perPage = supplier.getPricePerPage() == null ? BigDecimal.ZERO : supplier.getPricePerPage();
        return supplier.getPricePerItem().add(perPage.multiply(BigDecimal.valueOf(pages)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    public void recordDelivery(long requestId, long documentId, String supplierCode, String staff) {
        DocumentDeliveryRequest request = request(requestId);
        ArchivedDocument document = archive.find(documentId)
                .orElseThrow(() -> new IllegalStateException("archived document " + documentId + " missing"));
        BigDecimal cost = costOf(supplierCode, document.pageCount());
        archive.recordCost(documentId, cost);
        request.delivered(DeliveryStatus.DELIVERED, documentId, supplierCode, cost, clock.instant());
        record(request, staff, "DELIVERED", document.pageCount() + " pages", supplierCode, cost);
    }

    public void recordUnfilled(long requestId) {
        DocumentDeliveryRequest request = request(requestId);
        request.moveTo(DeliveryStatus.UNFILLED, "no supplier could deliver", clock.instant());
        record(request, SYSTEM, "UNFILLED", null, null, null);
    }

    public void recordCancellation(long requestId, String by) {
        DocumentDeliveryRequest request = request(requestId);
        request.moveTo(DeliveryStatus.CANCELLED, null, clock.instant());
        record(request, by, "CANCELLED", null, null, null);
    }

    /** The process instance has ended: the record is final. */
    public void recordClosed(long requestId) {
        request(requestId).closed(clock.instant());
    }

    public void recordNotified(long requestId, String kind) {
        record(request(requestId), SYSTEM, "NOTIFIED", kind, null, null);
    }
}
