package org.illflow.lending;

import static org.illflow.lending.LendingProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626MessageLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the lending staff pages show and do: the list, one request with its timeline and messages, a recall. */
@Service
public class LendingDesk {

    static final int LIST_LIMIT = 300;
    private static final Set<String> RECALLABLE = Set.of(Status.Loaned.name(), Status.Overdue.name());

    private final LendingRequests requests;
    private final Lending lending;
    private final Iso18626MessageLog messages;
    private final RuntimeService runtime;

    LendingDesk(LendingRequests requests, Lending lending, Iso18626MessageLog messages, RuntimeService runtime) {
        this.requests = requests;
        this.lending = lending;
        this.messages = messages;
        this.runtime = runtime;
    }

    @Transactional(readOnly = true)
    public List<LendingRequest> list(boolean openOnly) {
        return requests.latest(openOnly, LIST_LIMIT);
    }

    /** Every ISO 18626 message in and out about this request (with this partner), oldest first. */
    @Transactional(readOnly = true)
    public List<Iso18626MessageLog.Entry> messages(LendingRequest r) {
        return messages.ofRequest(r.partnerRequestId()).stream()
                .filter(m -> m.peerId() != null && m.peerId() == r.peerId()).toList();
    }

    public static boolean recallable(LendingRequest r) {
        return r.open() && r.returnedAt() == null && RECALLABLE.contains(r.status());
    }

    /** Staff recall a book on loan: the partner is told (Recalled) and asked to send it back. */
    @Transactional
    public boolean recall(LendingRequest r, String staff, String note) {
        if (!recallable(r)) {
            return false;
        }
        try {
            runtime.createMessageCorrelation(MESSAGE_RECALL).processInstanceBusinessKey(r.lendingNumber())
                    .setVariables(Map.of(VAR_RECALL_NOTE, note == null ? "" : note.strip())).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
        lending.record(r.id(), staff, "RECALLED", note);
        return true;
    }
}
