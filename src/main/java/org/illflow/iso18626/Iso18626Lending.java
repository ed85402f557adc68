package org.illflow.iso18626;

import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626Transactions.Transaction;

/**
 * What the lending role (package {@code org.illflow.lending}) does with a partner's messages, called by
 * {@link Iso18626Receiver} inside the transaction that logs the message: whatever it does commits with the
 * message's log row and confirmation, or not at all. An interface here, so this package does not depend on the
 * lending package that uses it.
 */
public interface Iso18626Lending {

    /** A partner's request has just been recorded as lending request {@code lending} (our id in it). */
    void requested(Transaction lending, Iso18626Peer peer, Request request);

    /**
     * A partner's requesting-agency message about one of its lending requests. Throws {@link Refused} when the
     * message does not fit the request's state: then nothing of it is kept and the partner gets the error.
     */
    void action(Transaction lending, Iso18626Peer peer, RequestingAgencyMessage message);

    /** The message does not fit: the error type and the short English text for errorValue. */
    final class Refused extends RuntimeException {
        private final transient ErrorType type;

        public Refused(ErrorType type, String detail) {
            super(detail, null, false, false);
            this.type = type;
        }

        public ErrorType type() {
            return type;
        }
    }
}
