package org.illflow.iso18626;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The requests ISO 18626 messages are about ({@code iso18626_transaction}), one per peer and requesting agency
 * request id and role: LENDING when a partner asked this library (its own id {@code LEND-YYYY-NNNNNN}), BORROWING
 * when this library asked a partner. A received message about a request that is not here is refused.
 */
@Repository
public class Iso18626Transactions {

    public enum Role { LENDING, BORROWING }

    public record Transaction(long id, Role role, long peerId, String requestingAgencyRequestId,
            String supplyingAgencyRequestId, String serviceType, String title, String status, String lastAction) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Iso18626Transactions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Transaction> find(Role role, long peerId, String requestingAgencyRequestId) {
        return jdbc.query("""
                select id, role, peer_id, requesting_agency_request_id, supplying_agency_request_id, service_type,
                       title, status, last_action
                from iso18626_transaction where role = ? and peer_id = ? and requesting_agency_request_id = ?""",
                (rs, i) -> new Transaction(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                role.name(), peerId, requestingAgencyRequestId).stream().findFirst();
    }

    /** A new request of either role; its status is the first one (RequestReceived for lending). */
    public long create(Role role, long peerId, String requestingAgencyRequestId, String supplyingAgencyRequestId,
            String serviceType, String title, String status) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into iso18626_transaction (role, peer_id, requesting_agency_request_id,
                        supplying_agency_request_id, service_type, title, status, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", new String[] {"id"});
            statement.setString(1, role.name());
            statement.setLong(2, peerId);
            statement.setString(3, requestingAgencyRequestId);
            statement.setString(4, supplyingAgencyRequestId);
            statement.setString(5, serviceType);
            statement.setString(6, title == null || title.length() <= 1000 ? title : title.substring(0, 1000));
            statement.setString(7, status);
            statement.setTimestamp(8, now);
            statement.setTimestamp(9, now);
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    /** The ISO 18626 status last sent (lending) or received (borrowing). */
    public void recordStatus(long id, String status) {
        jdbc.update("update iso18626_transaction set status = ?, updated_at = ?, version = version + 1 where id = ?",
                status, Timestamp.from(clock.instant()), id);
    }

    /** The partner's own id for a request this library sent (from the header of its first message that has one). */
    public void recordSupplyingAgencyRequestId(long id, String supplyingAgencyRequestId) {
        jdbc.update("""
                update iso18626_transaction set supplying_agency_request_id = ?, updated_at = ?, version = version + 1
                where id = ? and supplying_agency_request_id is null""", supplyingAgencyRequestId,
                Timestamp.from(clock.instant()), id);
    }

    public void recordAction(long id, String action) {
        jdbc.update("update iso18626_transaction set last_action = ?, updated_at = ?, version = version + 1 where id = ?",
                action, Timestamp.from(clock.instant()), id);
    }
}
