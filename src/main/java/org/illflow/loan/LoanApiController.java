package org.illflow.loan;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.illflow.security.SignedIn;
import org.illflow.system.ApiRefusal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patron's JSON API for inter-library loan: submit, list, read with the timeline, cancel (until check-out),
 * renew. A patron sees only their own requests (another number is 404); inter-library loan staff may read any
 * and record a lender's recall. Errors are problem+json. State-changing calls need the CSRF token (header
 * X-CSRF-TOKEN), like every form of the portal.
 */
@RestController
@RequestMapping("/api/loan-requests")
class LoanApiController {

    private final LoanRequests requests;

    LoanApiController(LoanRequests requests) {
        this.requests = requests;
    }

    record RequestSummary(String requestNumber, LoanStatus status, String title, String authors, String isbn,
            LocalDate dueDate, Instant submittedAt, Instant updatedAt) {

        static RequestSummary of(LoanRequest r) {
            return new RequestSummary(r.getRequestNumber(), r.getStatus(), r.getTitle(), r.getAuthors(), r.getIsbn(),
                    r.getDueDate(), r.getSubmittedAt(), r.getUpdatedAt());
        }
    }

    record TimelineEntry(Instant at, String event, String actor, String detail, String lender, BigDecimal amount) {
    }

    record RequestDetail(String requestNumber, LoanStatus status, String statusReason, String title, String authors,
            String isbn, String publisher, Integer year, String edition, String holdingInfo, String lender,
            Instant pickupDeadline, Instant checkedOutAt, LocalDate dueDate, int renewalsUsed, int renewalsAllowed,
            boolean renewalPending, boolean renewable, boolean cancellable, Instant returnedAt, Integer overdueDays,
            BigDecimal overdueFee, BigDecimal borrowingFee, BigDecimal shippingCost, Instant submittedAt,
            List<TimelineEntry> timeline) {
    }

    record RecallForm(LocalDate dueDate, String reason) {
    }

    @PostMapping
    ResponseEntity<RequestDetail> submit(@Valid @RequestBody BookRequestForm form, Principal principal) {
        LoanRequest request = requests.submit(form, principal.getName());
        return ResponseEntity.created(URI.create("/api/loan-requests/" + request.getRequestNumber()))
                .body(detailOf(request, false));
    }

    @GetMapping
    List<RequestSummary> mine(Principal principal) {
        return requests.mine(principal.getName()).stream().map(RequestSummary::of).toList();
    }

    @GetMapping("/{requestNumber}")
    RequestDetail detail(@PathVariable String requestNumber, Authentication who) {
        boolean staff = SignedIn.isLoanStaff(who);
        return detailOf(requests.visibleTo(requestNumber, who.getName(), staff), staff);
    }

    @PostMapping("/{requestNumber}/cancel")
    RequestDetail cancel(@PathVariable String requestNumber, Authentication who) {
        requests.cancel(requestNumber, who.getName(), SignedIn.isLoanStaff(who));
        return detail(requestNumber, who);
    }

    /** The patron asks for a renewal; staff then ask the lender and the patron is told the answer by mail. */
    @PostMapping("/{requestNumber}/renew")
    RequestDetail renew(@PathVariable String requestNumber, Authentication who) {
        requests.renew(requestNumber, who.getName(), SignedIn.isLoanStaff(who));
        return detail(requestNumber, who);
    }

    /** Inter-library loan staff record that the lender recalled the book, with the new, earlier due date. */
    @PostMapping("/{requestNumber}/recall")
    RequestDetail recall(@PathVariable String requestNumber, @RequestBody RecallForm form, Authentication who) {
        if (!SignedIn.isLoanStaff(who)) {
            throw new ApiRefusal(403, "loan.recall.staffOnly", "Only inter-library loan staff record a recall.");
        }
        requests.recall(requestNumber, who.getName(), form.dueDate(), form.reason());
        return detail(requestNumber, who);
    }

    private RequestDetail detailOf(LoanRequest r, boolean staff) {
        List<TimelineEntry> timeline = requests.timelineOf(r).stream()
                .map(e -> new TimelineEntry(e.getOccurredAt(), e.getEvent(), staff ? e.getActor() : null,
                        e.getDetail(), e.getLenderCode(), staff || "RETURNED".equals(e.getEvent()) ? e.getAmount()
                                : null))
                .toList();
        return new RequestDetail(r.getRequestNumber(), r.getStatus(), r.getStatusReason(), r.getTitle(),
                r.getAuthors(), r.getIsbn(), r.getPublisher(), r.getYear(), r.getEdition(), r.getHoldingInfo(),
                r.getLenderCode(), r.getPickupDeadline(), r.getCheckedOutAt(), r.getDueDate(), r.getRenewalsUsed(),
                requests.renewalsAllowed(r), r.isRenewalPending(), requests.renewalRefusal(r).isEmpty(),
                r.isCancellable(), r.getReturnedAt(), r.getOverdueDays(), r.getOverdueFee(),
                staff ? r.getBorrowingFee() : null, staff ? r.getShippingCost() : null, r.getSubmittedAt(), timeline);
    }
}
