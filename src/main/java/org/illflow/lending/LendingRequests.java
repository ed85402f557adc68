package org.illflow.lending;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The lending requests ({@code lending_request}) and their timelines ({@code lending_event}). */
@Repository
class LendingRequests {

    /** What the partner's request said, as recorded when it arrives. */
    record NewRequest(String lendingNumber, long transactionId, long peerId, String partnerRequestId,
            String serviceType, String title, String author, String articleTitle, String isbn, String issn,
            String publisher, String publicationDate, String volume, String issue, String pages, LocalDate needBefore,
            BigDecimal maxCost, String maxCostCurrency, String partnerNote) {
    }

    private static final String COLUMNS = """
            select id, lending_number, transaction_id, peer_id, partner_request_id, service_type, supplied_as, title,
                   author, article_title, isbn, issn, publisher, publication_date, volume, issue, pages, need_before,
                   max_cost, max_cost_currency, partner_note, holding_info, status, unfilled_reason, due_date,
                   renewals, document_id, created_at, shipped_at, received_at, returned_at, closed_at, outcome
            from lending_request""";

    private static final RowMapper<LendingRequest> ROW = LendingRequests::row;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LendingRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(NewRequest r, String status) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var s = connection.prepareStatement("""
                    insert into lending_request (lending_number, transaction_id, peer_id, partner_request_id,
                        service_type, title, author, article_title, isbn, issn, publisher, publication_date, volume,
                        issue, pages, need_before, max_cost, max_cost_currency, partner_note, status, renewals,
                        created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", new String[] {"id"});
            int i = 1;
            s.setString(i++, r.lendingNumber());
            s.setLong(i++, r.transactionId());
            s.setLong(i++, r.peerId());
            s.setString(i++, cut(r.partnerRequestId(), 200));
            s.setString(i++, r.serviceType());
            s.setString(i++, cut(r.title(), 1000));
            s.setString(i++, cut(r.author(), 500));
            s.setString(i++, cut(r.articleTitle(), 1000));
            s.setString(i++, cut(r.isbn(), 40));
            s.setString(i++, cut(r.issn(), 20));
            s.setString(i++, cut(r.publisher(), 300));
            s.setString(i++, cut(r.publicationDate(), 40));
            s.setString(i++, cut(r.volume(), 40));
            s.setString(i++, cut(r.issue(), 40));
            s.setString(i++, cut(r.pages(), 60));
            s.setObject(i++, r.needBefore());
            s.setBigDecimal(i++, r.maxCost());
            s.setString(i++, cut(r.maxCostCurrency(), 3));
            s.setString(i++, cut(r.partnerNote(), 2000));
            s.setString(i++, status);
            s.setTimestamp(i++, now);
            s.setTimestamp(i, now);
            return s;
        }, key);
        return key.getKey().longValue();
    }

    Optional<LendingRequest> byId(long id) {
        return jdbc.query(COLUMNS + " where id = ?", ROW, id).stream().findFirst();
    }

    Optional<LendingRequest> byNumber(String lendingNumber) {
        return jdbc.query(COLUMNS + " where lending_number = ?", ROW, lendingNumber).stream().findFirst();
    }

    Optional<LendingRequest> byTransaction(long transactionId) {
        return jdbc.query(COLUMNS + " where transaction_id = ?", ROW, transactionId).stream().findFirst();
    }

    /** The newest first; open ones only when asked. */
    List<LendingRequest> latest(boolean openOnly, int limit) {
        return jdbc.query(COLUMNS + (openOnly ? " where closed_at is null" : "")
                + " order by created_at desc, id desc fetch first ? rows only", ROW, limit);
    }

    void status(long id, String status) {
        jdbc.update("update lending_request set status = ?, updated_at = ? where id = ?", status, now(), id);
    }

    void holding(long id, String holdingInfo) {
        jdbc.update("update lending_request set holding_info = ?, updated_at = ? where id = ?", cut(holdingInfo, 1000),
                now(), id);
    }

    void suppliedAs(long id, String suppliedAs) {
        jdbc.update("update lending_request set supplied_as = ?, updated_at = ? where id = ?", suppliedAs, now(), id);
    }

    void shipped(long id, LocalDate dueDate) {
        jdbc.update("update lending_request set due_date = ?, shipped_at = ?, updated_at = ? where id = ?", dueDate,
                now(), now(), id);
    }

    void copySent(long id, long documentId) {
        jdbc.update("update lending_request set document_id = ?, shipped_at = ?, updated_at = ? where id = ?",
                documentId, now(), now(), id);
    }

    void received(long id) {
        jdbc.update("update lending_request set received_at = ?, updated_at = ? where id = ?", now(), now(), id);
    }

    void returned(long id) {
        jdbc.update("update lending_request set returned_at = ?, updated_at = ? where id = ?", now(), now(), id);
    }

    void renewed(long id, LocalDate dueDate) {
        jdbc.update("update lending_request set due_date = ?, renewals = renewals + 1, updated_at = ? where id = ?",
                dueDate, now(), id);
    }

    void closed(long id, String outcome, String unfilledReason) {
        jdbc.update("""
                update lending_request set outcome = ?, unfilled_reason = coalesce(?, unfilled_reason), closed_at = ?,
                  updated_at = ? where id = ?""", outcome, cut(unfilledReason, 100), now(), now(), id);
    }

    void event(long lendingId, String actor, String kind, String detail) {
        jdbc.update("insert into lending_event (lending_id, at, actor, kind, detail) values (?, ?, ?, ?, ?)", lendingId,
                now(), cut(actor, 64), kind, cut(detail, 2000));
    }

    List<LendingRequest.Event> events(long lendingId) {
        return jdbc.query("select at, actor, kind, detail from lending_event where lending_id = ? order by id",
                (rs, i) -> new LendingRequest.Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)), lendingId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static LendingRequest row(ResultSet rs, int i) throws SQLException {
        return new LendingRequest(rs.getLong("id"), rs.getString("lending_number"), rs.getLong("transaction_id"),
                rs.getLong("peer_id"), rs.getString("partner_request_id"), rs.getString("service_type"),
                rs.getString("supplied_as"), rs.getString("title"), rs.getString("author"),
                rs.getString("article_title"), rs.getString("isbn"), rs.getString("issn"), rs.getString("publisher"),
                rs.getString("publication_date"), rs.getString("volume"), rs.getString("issue"), rs.getString("pages"),
                rs.getObject("need_before", LocalDate.class), rs.getBigDecimal("max_cost"),
                rs.getString("max_cost_currency"), rs.getString("partner_note"), rs.getString("holding_info"),
                rs.getString("status"), rs.getString("unfilled_reason"), rs.getObject("due_date", LocalDate.class),
                rs.getInt("renewals"), rs.getObject("document_id", Long.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("shipped_at")), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("returned_at")), instant(rs.getTimestamp("closed_at")),
                rs.getString("outcome"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
