package org.illflow.iso18626;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The message log ({@code iso18626_message}): every ISO 18626 message received or sent, with the confirmation
 * that answered it. The security code in a message's header is masked before the XML is stored. A received message is logged ACCEPTED (with its retransmission key), DUPLICATE (a
 * retransmission, answered with the stored confirmation) or REFUSED (with the error; nothing else of it is
 * stored anywhere). A sent message is PENDING until the partner's confirmation, then CONFIRMED, or REFUSED when the
 * partner answered with an error, or FAILED when the outbox gave up.
 */
@Repository
public class Iso18626MessageLog {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, DUPLICATE, REFUSED, PENDING, CONFIRMED, FAILED }

    /** One row as the log page shows it (the XML is read separately). */
    public record Entry(long id, Direction direction, Long peerId, String sender, String messageType,
            String requestingAgencyRequestId, String statusOrAction, Instant messageTimestamp, Instant loggedAt,
            Outcome outcome, String errorType, String errorValue) {
    }

    /** What is logged of a message; ids and texts may be null. */
    record Row(Direction direction, Long peerId, Long transactionId, String sender, String messageType,
            String requestingAgencyRequestId, String statusOrAction, Instant messageTimestamp, String xml,
            String confirmationXml, Outcome outcome, String errorType, String errorValue, String dedupKey) {
    }

    private final JdbcTemplate jdbc;

    Iso18626MessageLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Row row, Instant loggedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into iso18626_message (direction, peer_id, transaction_id, sender, message_type,
                        requesting_agency_request_id, status_or_action, message_timestamp, logged_at, xml,
                        confirmation_xml, outcome, error_type, error_value, dedup_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, row.direction().name());
            statement.setObject(2, row.peerId());
            statement.setObject(3, row.transactionId());
            statement.setString(4, cut(row.sender(), 160));
            statement.setString(5, cut(row.messageType(), 40));
            statement.setString(6, cut(row.requestingAgencyRequestId(), 200));
            statement.setString(7, cut(row.statusOrAction(), 80));
            statement.setTimestamp(8, row.messageTimestamp() == null ? null : Timestamp.from(row.messageTimestamp()));
            statement.setTimestamp(9, Timestamp.from(loggedAt));
            statement.setString(10, kept(row));
            statement.setString(11, row.confirmationXml());
            statement.setString(12, row.outcome().name());
            statement.setString(13, row.errorType());
            statement.setString(14, cut(row.errorValue(), 400));
            statement.setString(15, row.dedupKey());
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * How much of a refused message from an unknown sender is kept: its first {@value #KEPT_OF_STRANGERS}
     * characters, enough to see what it was. Anyone can send to the endpoint, so without this one sender could fill
     * the log with megabyte rows; a partner's messages (accepted or refused) are kept whole. Together with the
     * rate limit (60 refused messages an hour per address) and the clean-up after
     * {@code illflow.iso18626.refused-retention} this bounds what strangers can store.
     */
    static final int KEPT_OF_STRANGERS = 4096;

    private static String kept(Row row) {
        String xml = withoutSecurityCode(row.xml()); // masked first: a cut must not leave half a security code
        if (xml == null || row.direction() != Direction.IN || row.outcome() != Outcome.REFUSED || row.peerId() != null
                || xml.length() <= KEPT_OF_STRANGERS) {
            return xml;
        }
        int cut = Character.isHighSurrogate(xml.charAt(KEPT_OF_STRANGERS - 1)) ? KEPT_OF_STRANGERS - 1 : KEPT_OF_STRANGERS;
        return xml.substring(0, cut) + "\n<!-- illflow: " + (xml.length() - cut)
                + " more characters of this refused message from an unknown sender were not kept -->";
    }

    /** Deletes the refused messages from unknown senders logged before this moment; returns how many. */
    int forgetRefusedFromUnknownSenders(Instant before) {
        return jdbc.update("delete from iso18626_message where direction = 'IN' and outcome = 'REFUSED' "
                + "and peer_id is null and logged_at < ?", Timestamp.from(before));
    }

    /** The confirmation stored with the accepted message of this retransmission key. */
    Optional<String> confirmationOfAccepted(String dedupKey) {
        return jdbc.queryForList("select confirmation_xml from iso18626_message where dedup_key = ? and outcome = 'ACCEPTED'",
                String.class, dedupKey).stream().findFirst();
    }

    void confirmed(long id, Outcome outcome, String confirmationXml, String errorType, String errorValue) {
        jdbc.update("update iso18626_message set outcome = ?, confirmation_xml = ?, error_type = ?, error_value = ? where id = ?",
                outcome.name(), confirmationXml, errorType, cut(errorValue, 400), id);
    }

    Optional<String> xml(long id) {
        return jdbc.queryForList("select xml from iso18626_message where id = ?", String.class, id).stream().findFirst();
    }

    private static final String ENTRY_COLUMNS = """
            select id, direction, peer_id, sender, message_type, requesting_agency_request_id, status_or_action,
                   message_timestamp, logged_at, outcome, error_type, error_value from iso18626_message""";

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong(1), Direction.valueOf(rs.getString(2)),
            rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), Outcome.valueOf(rs.getString(10)),
            rs.getString(11), rs.getString(12));

    public List<Entry> latest(int limit) {
        return jdbc.query(ENTRY_COLUMNS + " order by id desc fetch first ? rows only", ENTRY, limit);
    }

    public Optional<Entry> entry(long id) {
        return jdbc.query(ENTRY_COLUMNS + " where id = ?", ENTRY, id).stream().findFirst();
    }

    /** Every message about one request, oldest first (for the request's timeline). */
    public List<Entry> ofRequest(String requestingAgencyRequestId) {
        return jdbc.query(ENTRY_COLUMNS + " where requesting_agency_request_id = ? order by id", ENTRY,
                requestingAgencyRequestId);
    }

    /**
     * Every message about one of this library's requests, oldest first: its number and the ids of its Retry
     * requests to the same partner ({@code <number>-R2} …), for the request's page.
     */
    public List<Entry> ofRequestNumber(String requestNumber) {
        return jdbc.query(ENTRY_COLUMNS + " where requesting_agency_request_id = ? or requesting_agency_request_id like ?"
                + " order by id", ENTRY, requestNumber, requestNumber + "-R%");
    }

    Optional<String> confirmationXml(long id) {
        return jdbc.queryForList("select confirmation_xml from iso18626_message where id = ?", String.class, id).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * A {@code securityCode} start tag and what follows up to its end tag (whatever the sender put inside: CDATA, a
     * comment, an element before the text) or, in a message cut short, up to the next tag: no message gets a
     * security code into the log unmasked by wrapping it. The reach is bounded (codes have at most 100
     * characters), so a body of a million start tags costs linear time.
     */
    private static final Pattern SECURITY_CODE = Pattern.compile(
            "(<(?:[A-Za-z0-9_.-]+:)?securityCode(?:\\s[^>]{0,1024})?(?<!/)>)"
                    + "(?:.{0,1024}?(</(?:[A-Za-z0-9_.-]+:)?securityCode\\s*>)|[^<]{0,1024})", Pattern.DOTALL);

    static final String MASK = "***";

    /**
     * The XML with the text of any {@code securityCode} replaced by {@value #MASK}: the log keeps every message but
     * never a partner's shared secret (the outbox puts the current code back in when it sends).
     */
    static String withoutSecurityCode(String xml) {
        return xml == null ? null : withSecurityCodeText(xml, MASK);
    }

    /** The logged XML of an outgoing message with the security code to send put back in its place. */
    static String withSecurityCode(String xml, String securityCode) {
        if (securityCode == null) {
            return xml;
        }
        return withSecurityCodeText(xml, securityCode.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    private static String withSecurityCodeText(String xml, String text) {
        return SECURITY_CODE.matcher(xml).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + text
                + (m.group(2) == null ? "" : m.group(2))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");

    /**
     * The received bytes as text for the log: UTF-16 and UTF-32 recognised from their byte order mark or first
     * bytes, else the encoding the XML declaration names, else UTF-8. Undecodable bytes become U+FFFD, and so
     * does NUL (which PostgreSQL text cannot hold).
     */
    static String asText(byte[] body) {
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF) || startsWith(body, 0x00, 0x00, 0x00, 0x3C)) {
            charset = Charset.forName("UTF-32BE");
        } else if (startsWith(body, 0xFF, 0xFE, 0x00, 0x00) || startsWith(body, 0x3C, 0x00, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
        } else if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0x00, 0x3C)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(body, 0xFF, 0xFE) || startsWith(body, 0x3C, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
            Matcher declared = DECLARED.matcher(head);
            if (head.startsWith("<?xml") && declared.find()) {
                try {
                    charset = Charset.forName(declared.group(1));
                } catch (IllegalArgumentException unknown) {
                    charset = StandardCharsets.UTF_8;
                }
            }
        }
        String text = new String(body, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text.replace('\u0000', '\uFFFD');
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
