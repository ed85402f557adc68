package org.illflow.borrowing;

import org.illflow.iso18626.BorrowingMessages;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Transactions;
import org.illflow.iso18626.Iso18626Transactions.Transaction;
import org.springframework.stereotype.Service;

/**
 * A partner's supplyingAgencyMessage about a request this library sent it, handed on by the ISO 18626 receiver in
 * the transaction that logs the message: to the loan (ILL-…) or the document delivery (DD-…) request it is about.
 */
@Service("borrowingPartnerMessages") // named: lending has a PartnerMessages of its own
class PartnerMessages implements BorrowingMessages {

    private final PartnerLoans loans;
    private final PartnerCopies copies;
    private final Iso18626Transactions transactions;

    PartnerMessages(PartnerLoans loans, PartnerCopies copies, Iso18626Transactions transactions) {
        this.loans = loans;
        this.copies = copies;
        this.transactions = transactions;
    }

    @Override
    public void received(Transaction borrowing, Iso18626Peer peer, SupplyingAgencyMessage message) {
        String id = borrowing.requestingAgencyRequestId();
        String number = PartnerRequestIds.requestNumber(id).orElseThrow(() -> new NotAccepted(
                ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId " + id + " is not a request of this library"));
        String partnersId = message.header().supplyingAgencyRequestId();
        if (partnersId != null && borrowing.supplyingAgencyRequestId() == null) {
            transactions.recordSupplyingAgencyRequestId(borrowing.id(), partnersId);
        }
        if ("DD".equals(PartnerRequestIds.service(id).orElseThrow())) {
            copies.received(borrowing, peer, message, number);
        } else {
            loans.received(borrowing, peer, message, number);
        }
    }
}
