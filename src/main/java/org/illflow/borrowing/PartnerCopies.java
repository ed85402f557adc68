package org.illflow.borrowing;

import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.archive.UnacceptableFileException;
import org.illflow.citation.PageRange;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DocumentDelivery;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.PublicationInfo;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Transactions.Transaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article copies from ISO 18626 partner libraries (document delivery, service type Copy): the request the process
 * sends, what the partner's messages do, and fetching a copy delivered by URL into the archive. As for loans, a
 * message moves the process only where it waits for it; otherwise it is refused and nothing changes.
 * RetryPossible is taken as Unfilled with the partner's conditions on the timeline (the next supplier is asked;
 * staff may order again by hand): a copy's conditions are nearly always a price, and the ranking already put the
 * cheaper suppliers first.
 */
@Service
@Transactional
public class PartnerCopies {

    /** A 1.2 message has no URL element: the partner writes the link into the note. */
    private static final Pattern URL_IN_NOTE = Pattern.compile("https?://\\S+");

    private final DocumentDelivery delivery;
    private final DeliveryRequests deliveries;
    private final PartnerLibraries partners;
    private final PartnerExchange exchange;
    private final CopyFetcher fetcher;
    private final DocumentArchive archive;
    private final Clock clock;

    PartnerCopies(DocumentDelivery delivery, DeliveryRequests deliveries, PartnerLibraries partners,
            PartnerExchange exchange, CopyFetcher fetcher, DocumentArchive archive, Clock clock) {
        this.delivery = delivery;
        this.deliveries = deliveries;
        this.partners = partners;
        this.exchange = exchange;
        this.fetcher = fetcher;
        this.archive = archive;
        this.clock = clock;
    }

    /** Sends the copy request to the partner supplier; returns its id at the partner. The request is ORDERED. */
    public String sendRequest(long requestId, String supplierCode) {
        DocumentDeliveryRequest request = delivery.requestOf(requestId);
        Iso18626Peer peer = exchange.activePartner(supplierCode);
        String id = exchange.nextRequestId(peer, request.getRequestNumber());
        List<ItemId> ids = new ArrayList<>();
        if (request.getIssn() != null) {
            ids.add(new ItemId("ISSN", request.getIssn()));
        }
        if (request.getDoi() != null) {
            ids.add(new ItemId("DOI", request.getDoi()));
        }
        Integer pages = PageRange.parse(request.getPages()).map(PageRange::pageCount).orElse(null);
        BigDecimal maximum = pages == null ? null : delivery.costOf(supplierCode, pages);
        Request message = new Request(exchange.header(peer, id),
                new BibliographicInfo(null, request.getJournal(), null, null, null, request.getTitle(),
                        request.getAuthors(), request.getVolume(), request.getIssue(), request.getPages(), ids),
                new PublicationInfo(null, "Article", request.getYear() == null ? null : request.getYear().toString(),
                        null),
                new ServiceInfo(RequestType.New, ServiceType.Copy, PartnerLoans.needBefore(request.getNeededBy(),
                        clock), null),
                maximum == null ? null : new BillingInfo(null, new Costs("CNY", maximum)));
        exchange.send(peer, id, message, ServiceType.Copy.name(), request.getTitle());
        delivery.recordOrderOutcome(requestId, supplierCode, true, null);
        delivery.recordPartnerEvent(requestId, null, "PARTNER_ASKED", "ISO 18626 → request " + id + " (Copy"
                + (maximum == null ? "" : ", max " + maximum.toPlainString() + " CNY") + ") to " + peer.agencyId(),
                supplierCode);
        return id;
    }

    /** Sends the partner a requestingAgencyMessage (Cancel) about the copy request. */
    public void tell(long requestId, String supplierCode, String partnerRequestId, Action action) {
        exchange.tell(supplierCode, partnerRequestId, action, null);
        delivery.recordPartnerEvent(requestId, null, PartnerEvents.sent(action), "ISO 18626 → requestingAgencyMessage "
                + action + " about " + partnerRequestId, supplierCode);
    }

    /**
     * Task_FetchCopy: the PDF from the partner's URL into the archive, waiting on the request as an upload would.
     * Returns the archived document; a copy that cannot be fetched or is not an acceptable PDF is recorded on the
     * timeline and reported as {@link CopyFetcher.NotFetched} (the process hands it to staff).
     */
    public long fetchCopy(long requestId, String supplierCode, String url) throws CopyFetcher.NotFetched {
        DocumentDeliveryRequest request = delivery.requestOf(requestId);
        try {
            byte[] pdf = fetcher.fetch(url);
            archive.acceptablePageCount(pdf); // refused here, before the archive's transactional methods see it
            ArchivedDocument document = deliveries.receiveCopy(request.getRequestNumber(), supplierCode, pdf,
                    org.illflow.request.TimelineEntry.SYSTEM);
            return document.id();
        } catch (UnacceptableFileException e) {
            throw notFetched(requestId, supplierCode, url, "not an acceptable PDF: " + e.getMessage());
        } catch (CopyFetcher.NotFetched e) {
            throw notFetched(requestId, supplierCode, url, e.getMessage());
        }
    }

    private CopyFetcher.NotFetched notFetched(long requestId, String supplierCode, String url, String why) {
        String host = url;
        try {
            host = CopyFetcher.checked(url).getHost();
        } catch (CopyFetcher.NotFetched ignored) {
            // keep the text as given
        }
        delivery.recordPartnerEvent(requestId, null, "PARTNER_COPY_NOT_FETCHED", PartnerEvents.cut("from " + host
                + ": " + why), supplierCode);
        return new CopyFetcher.NotFetched(why);
    }

    /** What a partner's supplyingAgencyMessage about a copy request does; see the class comment. */
    void received(Transaction transaction, Iso18626Peer peer, SupplyingAgencyMessage m, String requestNumber) {
        DocumentDeliveryRequest request = delivery.byNumber(requestNumber).orElseThrow(() -> PartnerExchange.notFit(m,
                requestNumber, "there is no such request"));
        String supplierCode = partners.supplierCode(peer);
        PartnerExchange.Waiting waiting = exchange.waiting(KEY, requestNumber, VAR_SUPPLIER_CODE,
                VAR_PARTNER_REQUEST_ID, supplierCode, transaction);
        Runnable record = () -> delivery.recordPartnerEvent(request.getId(), null, PartnerEvents.received(m),
                PartnerEvents.detail(m, clock.getZone()), supplierCode);
        if (PartnerEvents.informsOnly(m) || PartnerEvents.answersOurCancel(m, transaction)) {
            record.run();
            return;
        }
        Status status = m.statusInfo().status();
        String state = request.getStatus().name();
        Map<String, Object> variables = new HashMap<>();
        switch (status) {
            case ExpectToSupply, WillSupply -> exchange.move(waiting, MESSAGE_SUPPLIER_WILL_SUPPLY, variables, m,
                    state, record);
            case CopyCompleted -> {
                String url = urlOf(m);
                variables.put(VAR_COPY_URL, url);
                variables.put(VAR_PARTNER_REQUEST_OPEN, false);
                if (url == null) {
                    // sent by e-mail: staff upload it, within a fresh turnaround from now
                    variables.put(VAR_SUPPLIER_DUE_AT, Date.from(delivery.supplierDueAt(supplierCode)));
                }
                exchange.move(waiting, MESSAGE_SUPPLIER_COPY_COMPLETED, variables, m, state, record);
            }
            case Unfilled, RetryPossible, Cancelled -> {
                variables.put(VAR_UNFILLED_REASON, status == Status.RetryPossible
                        ? "conditions: " + PartnerEvents.retryConditions(m, clock.getZone())
                        : PartnerEvents.unfilledReason(m));
                variables.put(VAR_PARTNER_REQUEST_OPEN, false);
                exchange.move(waiting, MESSAGE_SUPPLIER_UNFILLED, variables, m, state, record);
            }
            default -> throw PartnerExchange.notFit(m, requestNumber, "an article copy does not take this status");
        }
    }

    /** The link of a copy delivered by URL: 2021's deliveryInfo/URL, or (1.2) the first http(s) link in the note. */
    static String urlOf(SupplyingAgencyMessage m) {
        if (m.deliveryInfo() != null && m.deliveryInfo().url() != null && !m.deliveryInfo().url().isBlank()) {
            return m.deliveryInfo().url().strip();
        }
        String note = m.messageInfo().note();
        Matcher link = URL_IN_NOTE.matcher(note == null ? "" : note);
        return link.find() ? link.group() : null;
    }
}
