package org.illflow.iso18626;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.Message;
import org.illflow.iso18626.Iso18626MessageLog.Direction;
import org.illflow.iso18626.Iso18626MessageLog.Outcome;
import org.illflow.iso18626.Iso18626MessageLog.Row;
import org.illflow.iso18626.Iso18626Transactions.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing ISO 18626 messages. {@link #enqueue} writes the message once — as XML in the peer's version, checked
 * against its schema, with its timestamp fixed — into the message log (security code masked) and the outbox, in the caller's transaction
 * (so a process step and the message it sends commit together, or neither). {@link Iso18626Sender} then delivers
 * it: the very same bytes on every attempt (with the security code registered at that moment), so a partner that did receive an attempt whose confirmation never
 * came back recognises the next one as a retransmission and does not act twice.
 */
@Service
public class Iso18626Outbox {

    public enum State { PENDING, SENT, REFUSED, FAILED }

    /** One outbox row with the peer and the log row it sends. */
    public record Item(long id, long messageId, long peerId, State state, int attempts, Instant nextAttemptAt,
            String lastError) {
    }

    private final JdbcTemplate jdbc;
    private final Iso18626MessageLog log;
    private final Iso18626Peers peers;
    private final Iso18626Settings settings;
    private final Clock clock;

    Iso18626Outbox(JdbcTemplate jdbc, Iso18626MessageLog log, Iso18626Peers peers, Iso18626Settings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.peers = peers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The header of a message to this peer about a request: agencies by role, the timestamp now, and — for a
     * requester's messages — the account id and security code registered for the peer.
     */
    public Header header(Iso18626Peer peer, Role ourRole, String requestingAgencyRequestId,
            String supplyingAgencyRequestId) {
        boolean weRequest = ourRole == Role.BORROWING;
        return new Header(weRequest ? peer.agencyId() : settings.agencyId(),
                weRequest ? settings.agencyId() : peer.agencyId(), null, now(), requestingAgencyRequestId,
                supplyingAgencyRequestId, weRequest ? peers.outgoingAuthentication(peer) : null);
    }

    /**
     * Puts a message to the peer into the outbox; returns its message log id. A message the peer's schema
     * version cannot carry, or that would not validate, is a programming error: {@link IllegalArgumentException}
     * and nothing is stored.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long enqueue(Iso18626Peer peer, Message message, Long transactionId) {
        if (message instanceof Iso18626.Confirmation) {
            throw new IllegalArgumentException("confirmations are answered, never sent on their own");
        }
        byte[] xml = Iso18626Writer.write(new Envelope(peer.isoVersion(), message));
        try {
            Iso18626Reader.read(xml);
        } catch (Iso18626Refusal invalid) {
            throw new IllegalArgumentException("an outgoing " + message.type() + " is not valid: " + invalid.detail());
        }
        Header header = Iso18626Receiver.header(message);
        Instant now = now();
        long messageId = log.insert(new Row(Direction.OUT, peer.getId(), transactionId, peer.agencyId().toString(),
                message.type().name(), header.requestingAgencyRequestId(), Iso18626Receiver.statusOrAction(message),
                header.timestamp(), new String(xml, StandardCharsets.UTF_8), null, Outcome.PENDING, null, null, null),
                now);
        jdbc.update("""
                insert into iso18626_outbox (message_id, peer_id, state, attempts, next_attempt_at, created_at)
                values (?, ?, 'PENDING', 0, ?, ?)""", messageId, peer.getId(), Timestamp.from(now), Timestamp.from(now));
        return messageId;
    }

    /**
     * The first message of each peer that is neither sent nor refused, when it is PENDING, due and not being sent
     * by another node. A FAILED first message holds back its peer's later ones until an admin sends it again: the
     * partner gets its messages in order or not at all.
     */
    List<Item> dueHeads() {
        Timestamp now = Timestamp.from(now());
        return jdbc.query("""
                select o.id, o.message_id, o.peer_id, o.state, o.attempts, o.next_attempt_at, o.last_error
                from iso18626_outbox o
                where o.id in (select min(h.id) from iso18626_outbox h where h.state in ('PENDING', 'FAILED')
                               group by h.peer_id)
                  and o.state = 'PENDING' and o.next_attempt_at <= ? and (o.claimed_until is null or o.claimed_until < ?)
                order by o.id""", (rs, i) -> item(rs), now, now);
    }

    /** Takes the item for one attempt; false when another node took it meanwhile. */
    boolean claim(Item item) {
        Instant now = now();
        return jdbc.update("""
                update iso18626_outbox set claimed_until = ? where id = ? and state = 'PENDING'
                  and (claimed_until is null or claimed_until < ?)""", Timestamp.from(now.plus(settings.claimFor())),
                item.id(), Timestamp.from(now)) == 1;
    }

    /** The partner confirmed (OK or ERROR): recorded once, however many times a confirmation comes. */
    @Transactional
    boolean confirmed(Item item, Iso18626.Confirmation confirmation, String confirmationXml) {
        State state = confirmation.ok() ? State.SENT : State.REFUSED;
        int changed = jdbc.update("""
                update iso18626_outbox set state = ?, attempts = attempts + 1, sent_at = ?, claimed_until = null,
                  last_error = ? where id = ? and state = 'PENDING'""", state.name(), Timestamp.from(now()),
                confirmation.ok() ? null : "refused by the partner", item.id());
        if (changed == 1) {
            Iso18626.ErrorData error = confirmation.errors().isEmpty() ? null : confirmation.errors().get(0);
            log.confirmed(item.messageId(), confirmation.ok() ? Outcome.CONFIRMED : Outcome.REFUSED, confirmationXml,
                    error == null ? null : error.errorType().name(), error == null ? null : error.errorValue());
        }
        return changed == 1;
    }

    /** The attempt failed (no answer, not a confirmation): the next one after the next interval, or FAILED. */
    @Transactional
    void attemptFailed(Item item, String error) {
        int attempts = item.attempts() + 1;
        List<java.time.Duration> intervals = settings.retryIntervals();
        String cut = error == null ? "unknown" : error.length() > 390 ? error.substring(0, 390) + "…" : error;
        if (attempts > intervals.size()) {
            int changed = jdbc.update("""
                    update iso18626_outbox set state = 'FAILED', attempts = ?, claimed_until = null, last_error = ?
                    where id = ? and state = 'PENDING'""", attempts, cut, item.id());
            if (changed == 1) {
                log.confirmed(item.messageId(), Outcome.FAILED, null, null, "not delivered after " + attempts
                        + " attempts: " + cut);
            }
            return;
        }
        jdbc.update("""
                update iso18626_outbox set attempts = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
                where id = ? and state = 'PENDING'""", attempts,
                Timestamp.from(now().plus(intervals.get(attempts - 1))), cut, item.id());
    }

    /** An admin sends a FAILED message again: it is due now, with a fresh series of attempts. */
    @Transactional
    public boolean sendAgain(long messageId) {
        int changed = jdbc.update("""
                update iso18626_outbox set state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = null
                where message_id = ? and state = 'FAILED'""", Timestamp.from(now()), messageId);
        if (changed == 1) {
            log.confirmed(messageId, Outcome.PENDING, null, null, null);
        }
        return changed == 1;
    }

    public Optional<Item> ofMessage(long messageId) {
        return jdbc.query("""
                select id, message_id, peer_id, state, attempts, next_attempt_at, last_error from iso18626_outbox
                where message_id = ?""", (rs, i) -> item(rs), messageId).stream().findFirst();
    }

    /** What to send: the logged XML with the peer's security code put back (the log keeps it masked). */
    String xml(Item item, Iso18626Peer peer) {
        return Iso18626MessageLog.withSecurityCode(log.xml(item.messageId()).orElseThrow(), peers.securityCode(peer));
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(rs.getLong(1), rs.getLong(2), rs.getLong(3), State.valueOf(rs.getString(4)), rs.getInt(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
