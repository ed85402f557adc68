package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626Lending;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Transactions.Transaction;
import org.springframework.stereotype.Component;

/**
 * The partner's side of a lending request, as the ISO 18626 endpoint receives it (in the transaction that logs the
 * message). A request is recorded and its lending process started, with the lending number as business key. A
 * requesting-agency message is checked against the request's state and then correlated with the process by
 * business key; one that does not fit (a Received before the book was shipped, a Renew after it came back, a
 * second Cancel while the first waits for staff, anything but a status request once the request has ended) is
 * refused with {@code UnsupportedActionType} and changes nothing. StatusRequest is answered at once with the
 * status last sent; Notification is kept on the timeline.
 */
@Component("lendingPartnerMessages") // named: borrowing has a PartnerMessages of its own
class PartnerMessages implements Iso18626Lending {

    /** The statuses in which the book is with the partner. */
    private static final Set<Status> ON_LOAN = EnumSet.of(Status.Loaned, Status.Overdue, Status.Recalled);
    /** The statuses before anything is shipped. */
    private static final Set<Status> BEFORE_SHIPPING = EnumSet.of(Status.RequestReceived, Status.WillSupply);

    private final LendingRequests requests;
    private final Lending lending;
    private final RuntimeService runtime;
    private final ZoneId zone;

    PartnerMessages(LendingRequests requests, Lending lending, RuntimeService runtime, java.time.Clock clock) {
        this.requests = requests;
        this.lending = lending;
        this.runtime = runtime;
        this.zone = clock.getZone();
    }

    @Override
    public void requested(Transaction transaction, Iso18626Peer peer, Request request) {
        BibliographicInfo bib = request.bibliographicInfo();
        String serviceType = request.serviceInfo() == null ? "CopyOrLoan" : request.serviceInfo().serviceType().name();
        // a title of a component (article, chapter) with its container's title; a book has the title only
        LocalDate needBefore = request.serviceInfo() == null || request.serviceInfo().needBeforeDate() == null ? null
                : request.serviceInfo().needBeforeDate().atZone(zone).toLocalDate();
        var billing = request.billingInfo() == null ? null : request.billingInfo().maximumCosts();
        var publication = request.publicationInfo();
        long id = requests.insert(new LendingRequests.NewRequest(transaction.supplyingAgencyRequestId(),
                transaction.id(), peer.getId(), transaction.requestingAgencyRequestId(), serviceType, bib.title(),
                bib.author() != null ? bib.author() : bib.authorOfComponent(), bib.titleOfComponent(),
                identifier(bib, "ISBN"), identifier(bib, "ISSN"), publication == null ? null : publication.publisher(),
                publication == null ? null : publication.publicationDate(), bib.volume(), bib.issue(),
                bib.pagesRequested(), needBefore, billing == null ? null : billing.monetaryValue(),
                billing == null ? null : billing.currencyCode(),
                request.serviceInfo() == null ? null : request.serviceInfo().note()), Status.RequestReceived.name());
        LendingRequest created = lending.request(id);
        lending.record(id, Lending.PARTNER, "REQUESTED", peer.getCode() + " · " + serviceType + " · "
                + transaction.requestingAgencyRequestId());
        runtime.startProcessInstanceByKey(KEY, created.lendingNumber(), Lending.startVariables(created, peer.getName()));
    }

    private static String identifier(BibliographicInfo bib, String code) {
        return bib.itemIds().stream().filter(i -> code.equalsIgnoreCase(i.code())).map(ItemId::identifier)
                .findFirst().orElse(null);
    }

    @Override
    public void action(Transaction transaction, Iso18626Peer peer, RequestingAgencyMessage message) {
        LendingRequest r = requests.byTransaction(transaction.id()).orElseThrow(() -> new Refused(
                ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId " + transaction.requestingAgencyRequestId()
                        + ": no lending request of this library"));
        Status status = Status.valueOf(r.status());
        Action action = message.action();
        String note = message.note();
        switch (action) {
            case StatusRequest -> {
                lending.answerStatusRequest(r);
                lending.record(r.id(), Lending.PARTNER, "STATUS_REQUEST", null);
                return;
            }
            case Notification -> {
                lending.record(r.id(), Lending.PARTNER, "NOTIFICATION", note);
                return;
            }
            default -> {
                // every other action acts on a running request
            }
        }
        if (!r.open()) {
            throw misfit(r, action, "the request has ended (" + r.outcome() + ")");
        }
        switch (action) {
            case Cancel -> {
                if (!BEFORE_SHIPPING.contains(status) || r.shippedAt() != null) {
                    throw misfit(r, action, "the item has been sent already");
                }
                if (Boolean.TRUE.equals(variable(r, VAR_CANCEL_PENDING))) {
                    throw misfit(r, action, "an earlier Cancel waits for the library's answer");
                }
                lending.record(r.id(), Lending.PARTNER, "CANCEL_REQUESTED", note);
                correlate(r, action, MESSAGE_CANCEL, Map.of(VAR_CANCEL_PENDING, true, VAR_CANCEL_NOTE, note == null ? ""
                        : note));
            }
            case Received -> {
                if (!ON_LOAN.contains(status) || r.receivedAt() != null || r.returnedAt() != null) {
                    throw misfit(r, action, r.receivedAt() != null ? "its receipt is recorded already"
                            : "the book is not on loan to you");
                }
                lending.record(r.id(), Lending.PARTNER, "RECEIVED", note);
                correlate(r, action, MESSAGE_RECEIVED, Map.of());
            }
            case Renew -> {
                if (status != Status.Loaned && status != Status.Overdue || r.returnedAt() != null) {
                    throw misfit(r, action, status == Status.Recalled ? "the book has been recalled"
                            : "the book is not on loan to you");
                }
                if (Boolean.TRUE.equals(variable(r, VAR_RENEWAL_PENDING))) {
                    throw misfit(r, action, "an earlier Renew waits for the library's answer");
                }
                lending.record(r.id(), Lending.PARTNER, "RENEW_REQUESTED", note);
                correlate(r, action, MESSAGE_RENEW, Map.of(VAR_RENEWAL_PENDING, true, VAR_NEW_DUE_DATE,
                        lending.proposedRenewalDate(r.dueDate()).toString()));
            }
            case ShippedReturn -> {
                if (!ON_LOAN.contains(status) || r.returnedAt() != null) {
                    throw misfit(r, action, "the book is not on loan to you");
                }
                requests.returned(r.id());
                lending.record(r.id(), Lending.PARTNER, "SHIPPED_RETURN", note);
                // a renewal still waiting for staff is moot now: the book is on its way back
                correlate(r, action, MESSAGE_SHIPPED_RETURN, Map.of(VAR_RENEWAL_PENDING, false));
            }
            default -> throw new Refused(ErrorType.UnsupportedActionType, "action " + action
                    + " is not supported by this library");
        }
    }

    private Object variable(LendingRequest r, String name) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.lendingNumber())
                .processDefinitionKey(KEY).list().stream().findFirst()
                .map(p -> runtime.getVariable(p.getId(), name)).orElse(null);
    }

    private void correlate(LendingRequest r, Action action, String messageName, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(r.lendingNumber())
                    .setVariables(variables).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw misfit(r, action, "the request is not waiting for it");
        }
    }

    private static Refused misfit(LendingRequest r, Action action, String why) {
        return new Refused(ErrorType.UnsupportedActionType, "action " + action + " does not fit request "
                + r.lendingNumber() + " (status " + r.status() + "): " + why);
    }
}
