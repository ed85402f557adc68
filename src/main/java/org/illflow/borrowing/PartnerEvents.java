package org.illflow.borrowing;

import java.time.LocalDate;
import java.time.ZoneId;

import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;

/**
 * The timeline lines of ISO 18626 messages: an event code per message (≤ 30 characters, the patron's words for it
 * are the {@code event.<code>} keys of messages-borrowing) and the staff's detail text (what was sent or received,
 * the partner's reason, dates and note; never XML).
 */
final class PartnerEvents {

    private PartnerEvents() {
    }

    /** The event of a received supplyingAgencyMessage. */
    static String received(SupplyingAgencyMessage m) {
        ReasonForMessage reason = m.messageInfo().reasonForMessage();
        if (reason == ReasonForMessage.RenewResponse) {
            return m.messageInfo().answerYesNo() == YesNo.Y ? "PARTNER_RENEWAL_GRANTED" : "PARTNER_RENEWAL_REFUSED";
        }
        if (reason == ReasonForMessage.Notification || reason == ReasonForMessage.StatusRequestResponse) {
            return "PARTNER_NOTE";
        }
        return switch (m.statusInfo().status()) {
            case RequestReceived -> "PARTNER_REQUEST_RECEIVED";
            case ExpectToSupply -> "PARTNER_EXPECTS_TO_SUPPLY";
            case WillSupply -> "PARTNER_WILL_SUPPLY";
            case Loaned -> "PARTNER_LOANED";
            case Overdue -> "PARTNER_OVERDUE";
            case Recalled -> "PARTNER_RECALLED";
            case RetryPossible -> "PARTNER_RETRY_POSSIBLE";
            case Unfilled -> "PARTNER_UNFILLED";
            case HoldReturn -> "PARTNER_HOLD_RETURN";
            case ReleaseHoldReturn -> "PARTNER_RELEASE_HOLD_RETURN";
            case CopyCompleted -> "PARTNER_COPY_COMPLETED";
            case LoanCompleted -> "PARTNER_LOAN_COMPLETED";
            case CompletedWithoutReturn -> "PARTNER_COMPLETED_NO_RETURN";
            case Cancelled -> "PARTNER_CANCELLED";
        };
    }

    /** The event of a sent requestingAgencyMessage. */
    static String sent(Action action) {
        return switch (action) {
            case Received -> "PARTNER_TOLD_RECEIVED";
            case ShippedReturn -> "PARTNER_TOLD_SHIPPED_RETURN";
            case Cancel -> "PARTNER_TOLD_CANCEL";
            case Renew -> "PARTNER_ASKED_RENEWAL";
            default -> "PARTNER_TOLD_" + action.name().toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** What staff read of a received message. */
    static String detail(SupplyingAgencyMessage m, ZoneId zone) {
        StringBuilder text = new StringBuilder("ISO 18626 ← supplyingAgencyMessage ").append(m.statusInfo().status())
                .append(" (").append(m.messageInfo().reasonForMessage());
        if (m.messageInfo().answerYesNo() != null) {
            text.append(", answer ").append(m.messageInfo().answerYesNo());
        }
        text.append(')');
        if (m.statusInfo().dueDate() != null) {
            text.append("; due ").append(day(m.statusInfo().dueDate(), zone));
        }
        if (m.statusInfo().expectedDeliveryDate() != null) {
            text.append("; expected ").append(day(m.statusInfo().expectedDeliveryDate(), zone));
        }
        append(text, "reason", m.messageInfo().reasonUnfilled());
        append(text, "retry reason", m.messageInfo().reasonRetry());
        if (m.retryInfo() != null && m.retryInfo().offeredCosts() != null) {
            text.append("; offered cost ").append(m.retryInfo().offeredCosts().monetaryValue().toPlainString())
                    .append(' ').append(m.retryInfo().offeredCosts().currencyCode());
        }
        if (m.deliveryInfo() != null && m.deliveryInfo().url() != null) {
            text.append("; URL given");
        }
        append(text, "note", m.messageInfo().note());
        return cut(text.toString());
    }

    /** The partner's reason and conditions, for the staff decision on a RetryPossible. */
    static String retryConditions(SupplyingAgencyMessage m, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        append(text, "原因 / reason", m.messageInfo().reasonRetry());
        if (m.retryInfo() != null) {
            if (m.retryInfo().offeredCosts() != null) {
                text.append("; 报价 / offered cost ").append(m.retryInfo().offeredCosts().monetaryValue().toPlainString())
                        .append(' ').append(m.retryInfo().offeredCosts().currencyCode());
            }
            if (m.retryInfo().retryAfter() != null) {
                text.append("; 不早于 / not before ").append(day(m.retryInfo().retryAfter(), zone));
            }
            if (m.retryInfo().retryBefore() != null) {
                text.append("; 不晚于 / not after ").append(day(m.retryInfo().retryBefore(), zone));
            }
        }
        append(text, "说明 / note", m.messageInfo().note());
        String conditions = text.length() > 2 ? text.substring(2) : "—";
        return cut(conditions);
    }

    /** The partner's reason for Unfilled (what the next-lender path records), never empty. */
    static String unfilledReason(SupplyingAgencyMessage m) {
        StringBuilder text = new StringBuilder();
        append(text, "reason", m.messageInfo().reasonUnfilled());
        append(text, "note", m.messageInfo().note());
        return text.length() > 2 ? cut(text.substring(2)) : "unfilled (no reason given) / 合作馆未说明原因";
    }

    static LocalDate day(java.time.Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("; ").append(label).append(": ").append(value.strip());
        }
    }

    static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    /** The partner's answer to a Cancel this library sent: recorded, the process has moved on already. */
    static boolean answersOurCancel(SupplyingAgencyMessage m,
            org.illflow.iso18626.Iso18626Transactions.Transaction transaction) {
        return (m.messageInfo().reasonForMessage() == ReasonForMessage.CancelResponse
                || m.statusInfo().status() == Status.Cancelled)
                && Action.Cancel.name().equals(transaction.lastAction());
    }

    /** Whether a message only informs (no step of the process follows from it). */
    static boolean informsOnly(SupplyingAgencyMessage m) {
        ReasonForMessage reason = m.messageInfo().reasonForMessage();
        Status status = m.statusInfo().status();
        return reason == ReasonForMessage.Notification || reason == ReasonForMessage.StatusRequestResponse
                || status == Status.RequestReceived || status == Status.HoldReturn
                || status == Status.ReleaseHoldReturn;
    }
}
