package org.illflow.delivery;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.illflow.security.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patron's JSON API for document delivery. A patron sees only their own requests (another number is
 * 404); staff may read any. Errors are problem+json. State-changing calls need the CSRF token (header
 * X-CSRF-TOKEN), like every form of the portal.
 */
@RestController
@RequestMapping("/api/dd-requests")
class DeliveryApiController {

    private final DeliveryRequests requests;

    DeliveryApiController(DeliveryRequests requests) {
        this.requests = requests;
    }

    record RequestSummary(String requestNumber, DeliveryStatus status, String title, String journal, Integer year,
            Instant submittedAt, Instant updatedAt) {

        static RequestSummary of(DocumentDeliveryRequest r) {
            return new RequestSummary(r.getRequestNumber(), r.getStatus(), r.getTitle(), r.getJournal(), r.getYear(),
                    r.getSubmittedAt(), r.getUpdatedAt());
        }
    }

    record TimelineEntry(Instant at, String event, String actor, String detail, String supplier, BigDecimal cost) {
    }

    record RequestDetail(String requestNumber, DeliveryStatus status, String statusReason, String genre, String title,
            String authors, String journal, String issn, String doi, String volume, String issue, String pages,
            Integer year, String holdingInfo, String supplier, boolean cancellable, String downloadUrl,
            Instant submittedAt, List<TimelineEntry> timeline) {
    }

    @PostMapping
    ResponseEntity<RequestDetail> submit(@Valid @RequestBody ArticleRequestForm form, Principal principal) {
        DocumentDeliveryRequest request = requests.submit(form, principal.getName());
        return ResponseEntity.created(URI.create("/api/dd-requests/" + request.getRequestNumber()))
                .body(detailOf(request, false));
    }

    @GetMapping
    List<RequestSummary> mine(Principal principal) {
        return requests.mine(principal.getName()).stream().map(RequestSummary::of).toList();
    }

    @GetMapping("/{requestNumber}")
    RequestDetail detail(@PathVariable String requestNumber, Authentication who) {
        return detailOf(requests.visibleTo(requestNumber, who.getName(), SignedIn.isStaff(who)), SignedIn.isStaff(who));
    }

    @PostMapping("/{requestNumber}/cancel")
    RequestDetail cancel(@PathVariable String requestNumber, Authentication who) {
        requests.cancel(requestNumber, who.getName(), SignedIn.isStaff(who));
        return detailOf(requests.visibleTo(requestNumber, who.getName(), SignedIn.isStaff(who)), SignedIn.isStaff(who));
    }

    /** Redirects to a fresh, expiring download link of the delivered PDF. */
    @GetMapping("/{requestNumber}/download")
    ResponseEntity<Void> download(@PathVariable String requestNumber, Authentication who) {
        String token = requests.downloadToken(requestNumber, who.getName(), SignedIn.isStaff(who));
        return ResponseEntity.status(303).location(URI.create("/downloads/" + token)).build();
    }

    private RequestDetail detailOf(DocumentDeliveryRequest r, boolean staff) {
        List<TimelineEntry> timeline = requests.timelineOf(r).stream()
                .map(e -> new TimelineEntry(e.getOccurredAt(), e.getEvent(), staff ? e.getActor() : null,
                        e.getDetail(), e.getSupplierCode(), staff ? e.getCost() : null))
                .toList();
        String download = r.getDocumentId() == null ? null
                : "/api/dd-requests/" + r.getRequestNumber() + "/download";
        return new RequestDetail(r.getRequestNumber(), r.getStatus(), r.getStatusReason(), r.getGenre().name(),
                r.getTitle(), r.getAuthors(), r.getJournal(), r.getIssn(), r.getDoi(), r.getVolume(), r.getIssue(),
                r.getPages(), r.getYear(), r.getHoldingInfo(), r.getSupplierCode(), r.isCancellable(),
                download, r.getSubmittedAt(), timeline);
    }
}
