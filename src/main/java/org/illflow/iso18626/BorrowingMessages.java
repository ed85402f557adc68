package org.illflow.iso18626;

import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626Transactions.Transaction;

/**
 * What a partner's {@code supplyingAgencyMessage} does to the request this library sent it (requester role). The
 * receiver calls it inside the transaction that logs the message, after the sender, credentials and
 * retransmission checks; the borrowing feature implements it (moving the loan or document delivery process). A
 * message that does not fit the state of the request is refused with {@link NotAccepted}: the transaction rolls
 * back, so nothing changes, and the partner gets an ERROR confirmation with its error type.
 */
public interface BorrowingMessages {

    void received(Transaction borrowing, Iso18626Peer peer, SupplyingAgencyMessage message);

    /** The message is valid but not acceptable now; {@code getMessage()} is the confirmation's errorValue. */
    final class NotAccepted extends RuntimeException {
        private final transient ErrorType errorType;

        public NotAccepted(ErrorType errorType, String errorValue) {
            super(errorValue, null, false, false);
            this.errorType = errorType;
        }

        public ErrorType errorType() {
            return errorType;
        }
    }
}
