package org.illflow.iso18626;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.ConfirmationHeader;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.ErrorData;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.Message;
import org.illflow.iso18626.Iso18626.MessageStatus;
import org.illflow.iso18626.Iso18626.MessageType;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626MessageLog.Direction;
import org.illflow.iso18626.Iso18626MessageLog.Outcome;
import org.illflow.iso18626.Iso18626MessageLog.Row;
import org.illflow.iso18626.Iso18626Refusal.Echo;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.illflow.iso18626.Iso18626Transactions.Transaction;
import org.illflow.system.RequestNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code POST /iso18626} does with a message, after the transport checks of {@link Iso18626Controller}:
 * <ol>
 * <li>read and validate it ({@link Iso18626Reader});</li>
 * <li>find the sender among the active peers (the requesting agency of a request or requesting-agency message,
 * the supplying agency of a supplying-agency message) and check the message is addressed to this library;</li>
 * <li>check the credentials: a request and a requesting-agency message must carry the peer's account id and
 * security code; a supplying-agency message (whose 2021 header has no place for them) is accepted only about a
 * request this library sent to that very peer, and its credentials are checked when it carries them (1.2);</li>
 * <li>a retransmission (same sender, message type, request id, timestamp and action/status as an accepted
 * message) gets the stored confirmation and has no further effect;</li>
 * <li>otherwise its effect (a new lending request, an action or a status recorded on the request) and its log row
 * are written in one transaction, and the confirmation is answered.</li>
 * </ol>
 * Whatever is refused is answered with an ERROR confirmation and logged REFUSED, and nothing else is stored.
 */
@Service
public class Iso18626Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(Iso18626Receiver.class);

    /** Actions illflow does not act on as a supplier: forwarding to a third library, and holding the return. */
    static final Set<Action> UNSUPPORTED_ACTIONS = EnumSet.of(Action.ShippedForward, Action.HoldReturn);

    static final String LENDING_PREFIX = "LEND";

    private final Iso18626Peers peers;
    private final Iso18626MessageLog log;
    private final Iso18626Transactions transactions;
    private final Iso18626Settings settings;
    private final RequestNumbers numbers;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Iso18626Lending lending;
    private final BorrowingMessages borrowingMessages;

    Iso18626Receiver(Iso18626Peers peers, Iso18626MessageLog log, Iso18626Transactions transactions,
            Iso18626Settings settings, RequestNumbers numbers, PlatformTransactionManager transactionManager,
            Clock clock, Iso18626Lending lending, BorrowingMessages borrowingMessages) {
        this.lending = lending;
        this.borrowingMessages = borrowingMessages;
        this.peers = peers;
        this.log = log;
        this.transactions = transactions;
        this.settings = settings;
        this.numbers = numbers;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The confirmation answered, as XML bytes (UTF-8), and whether the message was accepted. */
    public record Answer(byte[] xml, boolean accepted) {
    }

    public Answer receive(byte[] body) {
        Instant received = now();
        Envelope envelope;
        try {
            envelope = Iso18626Reader.read(body);
        } catch (Iso18626Refusal refusal) {
            return refuse(refusal, body, null, received);
        }
        Message message = envelope.message();
        if (message instanceof Confirmation confirmation) {
            return refuse(new Iso18626Refusal(ErrorType.BadlyFormedMessage, "a confirmation is sent only in the response "
                    + "to a message, never on its own", confirmation.type(), envelope.version(), Echo.NONE), body, null,
                    received);
        }
        Header header = header(message);
        Echo echo = new Echo(header.supplyingAgencyId(), header.requestingAgencyId(), header.requestingAgencyRequestId());
        boolean fromSupplier = message instanceof SupplyingAgencyMessage;
        AgencyId sender = fromSupplier ? header.supplyingAgencyId() : header.requestingAgencyId();
        AgencyId recipient = fromSupplier ? header.requestingAgencyId() : header.supplyingAgencyId();
        Optional<Iso18626Peer> peer = peers.byAgency(sender).filter(Iso18626Peer::isActive);
        if (peer.isEmpty()) {
            return refuse(refusal(envelope, echo, ErrorType.UnrecognisedDataValue, (fromSupplier ? "supplyingAgencyId "
                    : "requestingAgencyId ") + sender + " is not a partner of this library"), body, null, received);
        }
        if (recipient != null && !sameAgency(recipient, settings.agencyId())) {
            return refuse(refusal(envelope, echo, ErrorType.UnrecognisedDataValue, (fromSupplier ? "requestingAgencyId "
                    : "supplyingAgencyId ") + recipient + " is not this library (" + settings.agencyId() + ")"), body,
                    peer.get(), received);
        }
        boolean mustAuthenticate = !fromSupplier;
        if ((mustAuthenticate || header.authentication() != null)
                && !peers.authenticates(peer.get(), header.authentication())) {
            return refuse(refusal(envelope, echo, ErrorType.UnrecognisedDataValue,
                    "requestingAgencyAuthentication: the account id or security code is not accepted"), body, peer.get(),
                    received);
        }
        return accept(envelope, header, echo, peer.get(), body, received);
    }

    private Answer accept(Envelope envelope, Header header, Echo echo, Iso18626Peer peer, byte[] body, Instant received) {
        String key = dedupKey(peer, envelope.message(), header);
        Optional<String> earlier = log.confirmationOfAccepted(key);
        if (earlier.isPresent()) {
            return duplicate(envelope, header, peer, body, earlier.get(), received);
        }
        String xml = Iso18626MessageLog.asText(body);
        try {
            byte[] confirmation = transaction.execute(status -> {
                long transactionId = effect(envelope.message(), peer, header);
                Confirmation ok = confirmation(envelope.message().type().confirmation(), echo, received,
                        MessageStatus.OK, envelope.message(), List.of());
                byte[] answer = Iso18626Writer.write(new Envelope(envelope.version(), ok));
                log.insert(new Row(Direction.IN, peer.getId(), transactionId, sender(envelope.message(), header),
                        envelope.message().type().name(), header.requestingAgencyRequestId(),
                        statusOrAction(envelope.message()), header.timestamp(), xml,
                        new String(answer, StandardCharsets.UTF_8), Outcome.ACCEPTED, null, null, key), received);
                return answer;
            });
            return new Answer(confirmation, true);
        } catch (EffectRefused refused) {
            // a copy of this very message, accepted after the check above, explains a "request id in use"
            Optional<String> twin = log.confirmationOfAccepted(key);
            if (twin.isPresent()) {
                return duplicate(envelope, header, peer, body, twin.get(), received);
            }
            return refuse(refusal(envelope, echo, refused.type, refused.getMessage()), body, peer, received);
        } catch (DuplicateKeyException raced) {
            // the same message arrived twice at the same moment (or its lending number raced): the first one won
            Optional<String> first = log.confirmationOfAccepted(key);
            if (first.isPresent()) {
                return duplicate(envelope, header, peer, body, first.get(), received);
            }
            return refuse(refusal(envelope, echo, ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId "
                    + header.requestingAgencyRequestId() + " is already in use by another request"), body, peer, received);
        }
    }

    private Answer duplicate(Envelope envelope, Header header, Iso18626Peer peer, byte[] body, String confirmation,
            Instant received) {
        log.insert(new Row(Direction.IN, peer.getId(), null, sender(envelope.message(), header),
                envelope.message().type().name(), header.requestingAgencyRequestId(), statusOrAction(envelope.message()),
                header.timestamp(), Iso18626MessageLog.asText(body), confirmation, Outcome.DUPLICATE, null,
                "retransmission: answered with the confirmation of the first receipt", null), received);
        return new Answer(confirmation.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The message's effect; returns the id of the request it concerns. */
    private long effect(Message message, Iso18626Peer peer, Header header) {
        String requestId = header.requestingAgencyRequestId();
        if (message instanceof Request request) {
            if (transactions.find(Role.LENDING, peer.getId(), requestId).isPresent()) {
                throw new EffectRefused(ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId " + requestId
                        + " is already in use by an earlier request of yours");
            }
            String title = request.bibliographicInfo().title() != null ? request.bibliographicInfo().title()
                    : request.bibliographicInfo().titleOfComponent();
            String serviceType = request.serviceInfo() == null ? null : request.serviceInfo().serviceType().name();
            String number = numbers.next(LENDING_PREFIX);
            long id = transactions.create(Role.LENDING, peer.getId(), requestId, number, serviceType, title,
                    Iso18626.Status.RequestReceived.name());
            // the lending process starts in this transaction: request and process exist together or not at all
            lending.requested(new Transaction(id, Role.LENDING, peer.getId(), requestId, number, serviceType, title,
                    Iso18626.Status.RequestReceived.name(), null), peer, request);
            return id;
        }
        if (message instanceof RequestingAgencyMessage m) {
            Transaction lending = transactions.find(Role.LENDING, peer.getId(), requestId).orElseThrow(
                    () -> new EffectRefused(ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId " + requestId
                            + ": no such request of yours at this library"));
            if (UNSUPPORTED_ACTIONS.contains(m.action())) {
                throw new EffectRefused(ErrorType.UnsupportedActionType, "action " + m.action()
                        + " is not supported by this library");
            }
            try {
                this.lending.action(lending, peer, m);
            } catch (Iso18626Lending.Refused refused) {
                throw new EffectRefused(refused.type(), refused.getMessage());
            }
            transactions.recordAction(lending.id(), m.action().name());
            return lending.id();
        }
        SupplyingAgencyMessage m = (SupplyingAgencyMessage) message;
        Transaction borrowing = transactions.find(Role.BORROWING, peer.getId(), requestId).orElseThrow(
                () -> new EffectRefused(ErrorType.UnrecognisedDataValue, "requestingAgencyRequestId " + requestId
                        + ": this library sent you no such request"));
        try {
            borrowingMessages.received(borrowing, peer, m); // the borrowing process acts on it, or refuses it
        } catch (BorrowingMessages.NotAccepted refused) {
            throw new EffectRefused(refused.errorType(), refused.getMessage());
        }
        transactions.recordStatus(borrowing.id(), m.statusInfo().status().name());
        return borrowing.id();
    }

    /** A refusal found while applying the effect: rolls the transaction back. */
    private static final class EffectRefused extends RuntimeException {
        private final transient ErrorType type;

        EffectRefused(ErrorType type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }

    private Answer refuse(Iso18626Refusal refusal, byte[] body, Iso18626Peer peer, Instant received) {
        MessageType type = refusal.messageType() == null || refusal.messageType().isConfirmation()
                ? (refusal.messageType() == null ? MessageType.requestConfirmation : refusal.messageType())
                : refusal.messageType().confirmation();
        Iso18626Version version = refusal.version() == null ? Iso18626Version.V2021_2 : refusal.version();
        Confirmation error = confirmation(type, refusal.echo(), received, MessageStatus.ERROR, null,
                List.of(new ErrorData(refusal.errorType(), refusal.detail())));
        byte[] answer = Iso18626Writer.write(new Envelope(version, error));
        Echo echo = refusal.echo();
        AgencyId sender = peer != null ? peer.agencyId()
                : refusal.messageType() == MessageType.supplyingAgencyMessage ? echo.supplyingAgencyId()
                : echo.requestingAgencyId();
        log.insert(new Row(Direction.IN, peer == null ? null : peer.getId(), null, sender == null ? null : sender.toString(),
                refusal.messageType() == null ? null : refusal.messageType().name(), echo.requestingAgencyRequestId(),
                null, null, Iso18626MessageLog.asText(body), new String(answer, StandardCharsets.UTF_8), Outcome.REFUSED,
                refusal.errorType().name(), refusal.detail(), null), received);
        LOG.info("ISO 18626 message refused ({}): {} from {}", refusal.errorType(), refusal.detail(),
                sender == null ? "an unknown sender" : sender);
        return new Answer(answer, false);
    }

    /** Refuses a message the endpoint did not read (too large, not XML): logged without its body. */
    public Answer refuseUnread(String detail) {
        Iso18626Refusal refusal = new Iso18626Refusal(ErrorType.BadlyFormedMessage, detail, null, null, Echo.NONE);
        return refuse(refusal, new byte[0], null, now());
    }

    private Confirmation confirmation(MessageType type, Echo echo, Instant received, MessageStatus status,
            Message answered, List<ErrorData> errors) {
        ConfirmationHeader header = new ConfirmationHeader(echo.supplyingAgencyId(), echo.requestingAgencyId(), now(),
                echo.requestingAgencyRequestId(), received, status);
        Iso18626.ReasonForMessage reason = answered instanceof SupplyingAgencyMessage m
                ? m.messageInfo().reasonForMessage() : null;
        Action action = answered instanceof RequestingAgencyMessage m ? m.action() : null;
        return new Confirmation(type, header, reason, action, errors);
    }

    private static Iso18626Refusal refusal(Envelope envelope, Echo echo, ErrorType type, String detail) {
        return new Iso18626Refusal(type, detail, envelope.message().type(), envelope.version(), echo);
    }

    static Header header(Message message) {
        if (message instanceof Request r) {
            return r.header();
        }
        if (message instanceof SupplyingAgencyMessage m) {
            return m.header();
        }
        return ((RequestingAgencyMessage) message).header();
    }

    private static String sender(Message message, Header header) {
        AgencyId sender = message instanceof SupplyingAgencyMessage ? header.supplyingAgencyId()
                : header.requestingAgencyId();
        return sender.toString();
    }

    static String statusOrAction(Message message) {
        if (message instanceof SupplyingAgencyMessage m) {
            return m.statusInfo().status() + " (" + m.messageInfo().reasonForMessage() + ")";
        }
        if (message instanceof RequestingAgencyMessage m) {
            return m.action().name();
        }
        if (message instanceof Request r && r.serviceInfo() != null) {
            return r.serviceInfo().serviceType().name();
        }
        return null;
    }

    private static boolean sameAgency(AgencyId a, AgencyId b) {
        return a.type().equalsIgnoreCase(b.type()) && a.value().equals(b.value());
    }

    /** Sender, message type, request id, timestamp and action or status: what makes a message the same message. */
    static String dedupKey(Iso18626Peer peer, Message message, Header header) {
        String text = String.join("\n", "IN", peer.getId().toString(), message.type().name(),
                header.requestingAgencyRequestId(), header.timestamp().toString(),
                String.valueOf(statusOrAction(message)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
