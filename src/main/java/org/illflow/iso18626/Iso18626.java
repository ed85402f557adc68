package org.illflow.iso18626;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The ISO 18626 messages illflow reads and writes, as small immutable values. They carry the elements illflow
 * uses; other elements a partner sends are validated against the schema and then left aside. One
 * {@link Header} type serves the three message headers (in schema 1.2 they are one shared header; in 2021 each
 * message has its own shape): {@link Iso18626Writer} writes for each message the elements its schema allows.
 * Values the schemas enumerate are enums here, named exactly as in the schema.
 */
public final class Iso18626 {

    /** The namespace of every schema version, 2021 included. */
    public static final String NAMESPACE = "http://illtransactions.org/2013/iso18626";
    public static final String ROOT = "ISO18626Message";

    private Iso18626() {
    }

    /** One of the six messages. */
    public sealed interface Message permits Request, SupplyingAgencyMessage, RequestingAgencyMessage, Confirmation {
        MessageType type();
    }

    /** A message with the version it was written in. */
    public record Envelope(Iso18626Version version, Message message) {
        public Envelope {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The element name of each message under the root. */
    public enum MessageType {
        request, requestConfirmation, supplyingAgencyMessage, supplyingAgencyMessageConfirmation,
        requestingAgencyMessage, requestingAgencyMessageConfirmation;

        public boolean isConfirmation() {
            return name().endsWith("Confirmation");
        }

        /** The confirmation that answers this message. */
        public MessageType confirmation() {
            return switch (this) {
                case request -> requestConfirmation;
                case supplyingAgencyMessage -> supplyingAgencyMessageConfirmation;
                case requestingAgencyMessage -> requestingAgencyMessageConfirmation;
                default -> throw new IllegalStateException(this + " is a confirmation");
            };
        }
    }

    /** {@code type_agencyId}: a scheme such as {@code ISIL} and the agency's id in it. */
    public record AgencyId(String type, String value) {
        public AgencyId {
            Objects.requireNonNull(type, "agency id type");
            Objects.requireNonNull(value, "agency id value");
        }

        @Override
        public String toString() {
            return type + ":" + value;
        }
    }

    /** {@code requestingAgencyAuthentication}; the security code never appears in {@link #toString()}. */
    public record Authentication(String accountId, String securityCode) {
        @Override
        public String toString() {
            return "Authentication[" + accountId + ", securityCode=" + (securityCode == null ? "none" : "***") + "]";
        }
    }

    /**
     * The header of a request, a supplying-agency message or a requesting-agency message. The supplying agency is
     * optional only on a 2021 request; multipleItemRequestId is required (by mistake) in 1.2 and written empty
     * there when absent; authentication is written only where the schema has it.
     */
    public record Header(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, String multipleItemRequestId,
            Instant timestamp, String requestingAgencyRequestId, String supplyingAgencyRequestId,
            Authentication authentication) {
        public Header {
            Objects.requireNonNull(requestingAgencyId, "requestingAgencyId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(requestingAgencyRequestId, "requestingAgencyRequestId");
        }
    }

    /** {@code bibliographicItemId}: e.g. code ISBN and the ISBN. */
    public record ItemId(String code, String identifier) {
    }

    public record BibliographicInfo(String supplierUniqueRecordId, String title, String author, String subtitle,
            String edition, String titleOfComponent, String authorOfComponent, String volume, String issue,
            String pagesRequested, List<ItemId> itemIds) {
        public BibliographicInfo {
            itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        }
    }

    public record PublicationInfo(String publisher, String publicationType, String publicationDate,
            String placeOfPublication) {
    }

    public record ServiceInfo(RequestType requestType, ServiceType serviceType, Instant needBeforeDate, String note) {
        public ServiceInfo {
            Objects.requireNonNull(serviceType, "serviceType");
        }
    }

    /** {@code type_costs}: an ISO 4217 currency code and an amount. */
    public record Costs(String currencyCode, BigDecimal monetaryValue) {
    }

    public record BillingInfo(String paymentMethod, Costs maximumCosts) {
    }

    public record Request(Header header, BibliographicInfo bibliographicInfo, PublicationInfo publicationInfo,
            ServiceInfo serviceInfo, BillingInfo billingInfo) implements Message {
        public Request {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(bibliographicInfo, "bibliographicInfo");
        }

        @Override
        public MessageType type() {
            return MessageType.request;
        }
    }

    public record MessageInfo(ReasonForMessage reasonForMessage, YesNo answerYesNo, String note,
            String reasonUnfilled, String reasonRetry) {
        public MessageInfo {
            Objects.requireNonNull(reasonForMessage, "reasonForMessage");
        }
    }

    public record StatusInfo(Status status, Instant expectedDeliveryDate, Instant dueDate, Instant lastChange) {
        public StatusInfo {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastChange, "lastChange");
        }
    }

    /** Offered costs and retry dates: {@code retryInfo} in 2021, part of {@code messageInfo} in 1.2. */
    public record RetryInfo(Costs offeredCosts, Instant retryAfter, Instant retryBefore) {
    }

    /**
     * {@code deliveryInfo}. 2021 names {@code deliveryMethod} and {@code itemFormat} what 1.2 calls {@code sentVia}
     * and {@code deliveredFormat}; 1.2 has no {@code URL} (the writer then adds the URL to the message's note).
     */
    public record DeliveryInfo(Instant dateSent, String itemId, String url, String deliveryMethod, String itemFormat,
            Costs deliveryCosts) {
        public DeliveryInfo {
            Objects.requireNonNull(dateSent, "dateSent");
        }
    }

    public record SupplyingAgencyMessage(Header header, MessageInfo messageInfo, StatusInfo statusInfo,
            RetryInfo retryInfo, DeliveryInfo deliveryInfo) implements Message {
        public SupplyingAgencyMessage {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(header.supplyingAgencyId(), "supplyingAgencyId");
            Objects.requireNonNull(messageInfo, "messageInfo");
            Objects.requireNonNull(statusInfo, "statusInfo");
        }

        @Override
        public MessageType type() {
            return MessageType.supplyingAgencyMessage;
        }
    }

    public record RequestingAgencyMessage(Header header, Action action, String note) implements Message {
        public RequestingAgencyMessage {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(header.supplyingAgencyId(), "supplyingAgencyId");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public MessageType type() {
            return MessageType.requestingAgencyMessage;
        }
    }

    public record ConfirmationHeader(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, Instant timestamp,
            String requestingAgencyRequestId, Instant timestampReceived, MessageStatus messageStatus) {
        public ConfirmationHeader {
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(timestampReceived, "timestampReceived");
            Objects.requireNonNull(messageStatus, "messageStatus");
        }
    }

    /** {@code errorData}: the error type and a free text saying what was wrong. */
    public record ErrorData(ErrorType errorType, String errorValue) {
        public ErrorData {
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    /**
     * One of the three confirmations ({@link #type()} says which). {@code reasonForMessage} belongs only to a
     * supplying-agency message confirmation and {@code action} only to a requesting-agency message confirmation.
     * Schema 1.2 allows one {@code errorData}; 2021 several.
     */
    public record Confirmation(MessageType type, ConfirmationHeader header, ReasonForMessage reasonForMessage,
            Action action, List<ErrorData> errors) implements Message {
        public Confirmation {
            Objects.requireNonNull(type, "type");
            if (!type.isConfirmation()) {
                throw new IllegalArgumentException(type + " is not a confirmation");
            }
            Objects.requireNonNull(header, "header");
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public boolean ok() {
            return header.messageStatus() == MessageStatus.OK;
        }
    }

    // ------------------------------------------------------------------ closed codes of the schemas

    public enum RequestType { New, Retry, Reminder }

    public enum ServiceType { Copy, Loan, CopyOrLoan }

    public enum YesNo { Y, N }

    public enum MessageStatus { OK, ERROR }

    public enum ReasonForMessage {
        RequestResponse, StatusRequestResponse, RenewResponse, CancelResponse, StatusChange, Notification
    }

    public enum Status {
        RequestReceived, ExpectToSupply, WillSupply, Loaned, Overdue, Recalled, RetryPossible, Unfilled,
        /** 2021 only. */ HoldReturn,
        /** 2021 only. */ ReleaseHoldReturn,
        CopyCompleted, LoanCompleted, CompletedWithoutReturn, Cancelled;

        public boolean in(Iso18626Version version) {
            return version.is2021() || (this != HoldReturn && this != ReleaseHoldReturn);
        }
    }

    public enum Action {
        StatusRequest, Received, Cancel, Renew,
        /** 2021 only. */ HoldReturn,
        ShippedReturn, ShippedForward, Notification,
        /** 2021 only. */ Lost;

        public boolean in(Iso18626Version version) {
            return version.is2021() || (this != HoldReturn && this != Lost);
        }
    }

    /** The schemas spell these the British way. */
    public enum ErrorType {
        UnsupportedActionType, UnsupportedReasonForMessageType, UnrecognisedDataElement, UnrecognisedDataValue,
        BadlyFormedMessage
    }
}
