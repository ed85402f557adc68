package org.illflow.borrowing;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.illflow.iso18626.BorrowingMessages.NotAccepted;
import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Message;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626Outbox;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Transactions;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.iso18626.Iso18626Transactions.Transaction;
import org.springframework.stereotype.Component;

/**
 * What borrowing books and borrowing copies share: sending to a partner (a request under a fresh request id, a
 * requestingAgencyMessage about one) and moving a process by a partner's message only where it waits for it.
 */
@Component
class PartnerExchange {

    private final PartnerLibraries partners;
    private final Iso18626Outbox outbox;
    private final Iso18626Transactions transactions;
    private final RuntimeService runtime;

    PartnerExchange(PartnerLibraries partners, Iso18626Outbox outbox, Iso18626Transactions transactions,
            RuntimeService runtime) {
        this.partners = partners;
        this.outbox = outbox;
        this.transactions = transactions;
        this.runtime = runtime;
    }

    /** The active partner of a supplier or lender that a request is about to be sent to. */
    Iso18626Peer activePartner(String supplierCode) {
        return partners.activePartner(supplierCode).orElseThrow(() -> new IllegalStateException(
                supplierCode + " is no longer an active ISO 18626 partner"));
    }

    /** The id a new request to this partner gets: the number, or number-R2 … when it has seen the number. */
    String nextRequestId(Iso18626Peer peer, String requestNumber) {
        return PartnerRequestIds.next(requestNumber,
                candidate -> transactions.find(Role.BORROWING, peer.getId(), candidate).isPresent());
    }

    Iso18626.Header header(Iso18626Peer peer, String requestId) {
        return outbox.header(peer, Role.BORROWING, requestId, null);
    }

    /** Records the borrowing request and puts the request message into the outbox, in the caller's transaction. */
    void send(Iso18626Peer peer, String requestId, Message request, String serviceType, String title) {
        long transaction = transactions.create(Role.BORROWING, peer.getId(), requestId, null, serviceType, title, null);
        outbox.enqueue(peer, request, transaction);
    }

    /** Sends a requestingAgencyMessage about a request sent earlier (to the partner even if deactivated since). */
    void tell(String supplierCode, String partnerRequestId, Action action, String note) {
        Iso18626Peer peer = partners.partner(supplierCode).orElseThrow(() -> new IllegalStateException(
                supplierCode + " has no ISO 18626 partner registration any more"));
        Transaction transaction = transactions.find(Role.BORROWING, peer.getId(), partnerRequestId).orElseThrow(
                () -> new IllegalStateException("no request " + partnerRequestId + " was sent to " + peer.getCode()));
        outbox.enqueue(peer, new RequestingAgencyMessage(outbox.header(peer, Role.BORROWING, partnerRequestId,
                transaction.supplyingAgencyRequestId()), action, note), transaction.id());
        transactions.recordAction(transaction.id(), action.name());
    }

    /**
     * The running process of a request, when the message is about what it waits on now: the partner is the
     * supplier or lender it took last ({@code partnerVariable}) and the request id is the one it sent last.
     */
    Waiting waiting(String processKey, String requestNumber, String partnerVariable, String requestIdVariable,
            String supplierCode, Transaction transaction) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(requestNumber).singleResult();
        boolean current = instance != null && supplierCode != null
                && supplierCode.equals(runtime.getVariable(instance.getId(), partnerVariable))
                && transaction.requestingAgencyRequestId().equals(runtime.getVariable(instance.getId(),
                        requestIdVariable));
        return new Waiting(instance == null ? null : instance.getId(), current, requestNumber);
    }

    /** A request's process as a partner's message finds it. */
    record Waiting(String instanceId, boolean current, String requestNumber) {
    }

    /** Whether the process waits for this message now (its message event is subscribed). */
    boolean waitsFor(Waiting waiting, String messageName) {
        return waiting.instanceId() != null && runtime.createEventSubscriptionQuery()
                .processInstanceId(waiting.instanceId()).eventType("message").eventName(messageName).count() > 0;
    }

    /**
     * Records the message ({@code record}) and moves the process on, when it waits for this message about this
     * very request; otherwise the message is refused and nothing changes.
     */
    void move(Waiting waiting, String messageName, Map<String, Object> variables, SupplyingAgencyMessage m,
            String status, Runnable record) {
        if (!waiting.current()) {
            throw notFit(m, waiting.requestNumber(), waiting.instanceId() == null ? "the request is closed"
                    : "the request has moved on to another partner or request");
        }
        if (!waitsFor(waiting, messageName)) {
            throw notFit(m, waiting.requestNumber(), "the request is not waiting for it now (status " + status + ")");
        }
        record.run();
        correlate(waiting, messageName, variables);
    }

    void correlate(Waiting waiting, String messageName, Map<String, Object> variables) {
        runtime.createMessageCorrelation(messageName).processInstanceId(waiting.instanceId()).setVariables(variables)
                .correlateWithResult();
    }

    static NotAccepted notFit(SupplyingAgencyMessage m, String requestNumber, String why) {
        return new NotAccepted(ErrorType.UnrecognisedDataValue, "status " + m.statusInfo().status() + " ("
                + m.messageInfo().reasonForMessage() + ") does not fit request " + requestNumber + ": " + why);
    }
}
