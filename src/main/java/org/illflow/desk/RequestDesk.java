package org.illflow.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.citation.Doi;
import org.illflow.citation.Isbn;
import org.illflow.citation.Issn;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.supplier.WorkingDays;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request desk: every document delivery and inter-library loan request, open or finished, found by what a
 * patron says on the phone (number, name or card, title, ISSN/ISBN/DOI) or by a ready-made view, with the open
 * task of each and who holds it. Reads the request tables (as the reports do) and the engine's task service; it
 * changes nothing. Each table is counted on its own, and filtered, sorted and cut to the page's window on its own
 * before the two are joined, so each can use its indexes (V45, V64) and nothing sorts more than a window. Titles
 * are matched as substrings: a trigram index on PostgreSQL (V65), a scan on H2 (see the README).
 */
@Service
@Transactional(readOnly = true)
public class RequestDesk {

    public static final int PAGE_SIZE = 25;
    /** CSV exports stop here; a larger result is narrowed first. */
    public static final int EXPORT_LIMIT = 20_000;

    /** Requests that wait for staff or a partner; closed ones and books the patron has are not "quiet". */
    private static final List<String> DD_OPEN = List.of("SUBMITTED", "HELD_LOCALLY", "ORDERED");
    private static final List<String> ILL_OPEN = List.of("SUBMITTED", "HELD_LOCALLY", "REQUESTED", "SATISFIED",
            "RETURNED");

    /** A page of the desk's result. */
    public record DeskPage(List<DeskRow> rows, long total, int page) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** One line of a request's timeline, with who did it. */
    public record TimelineLine(Instant occurredAt, String actor, String event, String detail, String partnerCode) {
    }

    /** A request with its whole timeline. */
    public record DeskDetail(DeskRow request, List<TimelineLine> timeline) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TaskService taskService;
    private final DeskSettings settings;
    private final Clock clock;

    RequestDesk(NamedParameterJdbcTemplate jdbc, TaskService taskService, DeskSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.settings = settings;
        this.clock = clock;
    }

    public DeskPage search(DeskQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        bind(query, params);
        long total = 0;
        for (Half half : halves(query)) {
            Long count = jdbc.queryForObject("select count(*) from " + half.from() + where(query, params, half),
                    params, Long.class);
            total += count == null ? 0 : count;
        }
        long offset = (long) query.page() * PAGE_SIZE;
        List<DeskRow> rows = offset >= total ? List.of() : rows(query, params, (int) offset, PAGE_SIZE);
        return new DeskPage(withTasks(rows), total, query.page());
    }

    /** Everything the query finds, for the CSV export (at most {@link #EXPORT_LIMIT}). */
    public List<DeskRow> export(DeskQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        bind(query, params);
        return withTasks(rows(query, params, 0, EXPORT_LIMIT));
    }

    public Optional<DeskDetail> detail(String requestNumber) {
        DeskQuery byNumber = new DeskQuery(requestNumber, null, null, null, null, null, null, null, null, null,
                null, 0);
        MapSqlParameterSource params = new MapSqlParameterSource();
        bind(byNumber, params);
        List<DeskRow> rows = withTasks(rows(byNumber, params, 0, PAGE_SIZE));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DeskRow request = rows.get(0);
        String sql = request.service().equals("DD")
                ? "select occurred_at, actor, event, detail, supplier_code partner from dd_timeline_event"
                        + " where request_id = :id order by occurred_at, id"
                : "select occurred_at, actor, event, detail, lender_code partner from loan_timeline_event"
                        + " where request_id = :id order by occurred_at, id";
        List<TimelineLine> timeline = jdbc.query(sql, Map.of("id", request.id()), (rs, n) -> new TimelineLine(
                instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("event"), rs.getString("detail"),
                rs.getString("partner")));
        return Optional.of(new DeskDetail(request, timeline));
    }

    // ---- the query ----------------------------------------------------------------------------------------------

    /** One of the two request tables, with its alias and what the desk selects from it. */
    private enum Half {
        DD("document_delivery_request d", "select 'DD' service, d.id, d.request_number, d.patron_card_number,"
                + " d.college, d.title, coalesce(d.doi, d.issn, d.isbn) identifier, d.status,"
                + " d.supplier_code partner_code, d.submitted_at, d.updated_at, d.process_instance_id,"
                + " cast(null as timestamp with time zone) pickup_deadline, cast(null as date) due_date, d.needed_by"),
        ILL("loan_request l", "select 'ILL' service, l.id, l.request_number, l.patron_card_number, l.college,"
                + " l.title, l.isbn identifier, l.status, l.lender_code partner_code, l.submitted_at, l.updated_at,"
                + " l.process_instance_id, l.pickup_deadline, l.due_date, l.needed_by");

        private final String from;
        private final String columns;

        Half(String from, String columns) {
            this.from = from;
            this.columns = columns;
        }

        String from() {
            return from;
        }

        String alias() {
            return this == DD ? "d." : "l.";
        }
    }

    /** The request tables the query reads: the pickup and overdue views are about loans only. */
    private static List<Half> halves(DeskQuery query) {
        List<Half> halves = new ArrayList<>();
        boolean loansOnly = query.view() == DeskQuery.View.PICKUP || query.view() == DeskQuery.View.OVERDUE;
        if ((query.service() == null || query.service().equals("DD")) && !loansOnly) {
            halves.add(Half.DD);
        }
        if (query.service() == null || query.service().equals("ILL")) {
            halves.add(Half.ILL);
        }
        return halves;
    }

    /** The order of the desk's lists, for one table's alias ({@code d.}, {@code l.}) or the union's ({@code r.}). */
    private static String order(DeskQuery query, String t) {
        return switch (query.view() == null ? "" : query.view().name()) {
            case "PICKUP" -> t + "pickup_deadline, " + t + "request_number";
            case "OVERDUE" -> t + "due_date, " + t + "request_number";
            default -> t + "submitted_at desc, " + t + "request_number desc";
        };
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of the result. Each table is filtered, sorted and cut to the
     * window on its own (so each can walk its own index and never sorts more than the window), the two are joined,
     * and only then are patrons' names and unread counts looked up, for at most two windows of rows.
     * A title search walks the same newest-first index: on H2, where a substring has no index, sorting the matches
     * instead was measured slower with two staff searching at once (0.5–0.8 s against 0.4 s for a title of one
     * request among 100,000), and much slower for words in many titles.
     */
    private List<DeskRow> rows(DeskQuery query, MapSqlParameterSource params, int offset, int limit) {
        List<String> parts = new ArrayList<>();
        for (Half half : halves(query)) {
            parts.add("select * from (" + half.columns + " from " + half.from() + where(query, params, half)
                    + " order by " + order(query, half.alias()) + " limit :window) "
                    + half.name().toLowerCase(Locale.ROOT));
        }
        params.addValue("window", offset + limit).addValue("limit", limit).addValue("offset", offset);
        String sql = "select r.*, p.name patron_name, (select count(*) from request_message m"
                + " where m.service = r.service and m.request_id = r.id and m.from_staff = false"
                + " and m.read_at is null) unread_messages"
                + " from (" + String.join(" union all ", parts) + ") r"
                + " left join patron p on p.card_number = r.patron_card_number"
                + " order by " + order(query, "r.") + " limit :limit offset :offset";
        return jdbc.query(sql, params, this::row);
    }

    private void bind(DeskQuery query, MapSqlParameterSource params) {
        if (query.number() != null) {
            params.addValue("number", query.number().toUpperCase(Locale.ROOT));
        }
        if (query.patron() != null) {
            params.addValue("patron", query.patron())
                    .addValue("patronName", "%" + query.patron().toLowerCase(Locale.ROOT) + "%");
        }
        if (query.title() != null) {
            params.addValue("title", "%" + query.title().toLowerCase(Locale.ROOT) + "%");
        }
        if (query.identifier() != null) {
            String raw = query.identifier();
            params.addValue("issn", Issn.tryParse(raw).map(Issn::value).orElse(raw.toUpperCase(Locale.ROOT)))
                    .addValue("isbn", Isbn.tryParse(raw).map(Isbn::toString).orElse(raw))
                    .addValue("doi", Doi.tryParse(raw).map(Doi::value).orElse(raw));
        }
        if (query.status() != null) {
            params.addValue("status", query.status());
        }
        if (query.partner() != null) {
            params.addValue("partner", query.partner().toUpperCase(Locale.ROOT));
        }
        if (query.college() != null) {
            params.addValue("college", query.college());
        }
        ZoneId zone = clock.getZone();
        if (query.from() != null) {
            params.addValue("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            params.addValue("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (query.view() == DeskQuery.View.OVERDUE) {
            params.addValue("today", LocalDate.now(clock));
        }
        if (query.view() == DeskQuery.View.QUIET) {
            params.addValue("quietSince", Timestamp.from(WorkingDays.before(clock.instant(),
                    settings.getQuietAfterDays(), zone)));
            params.addValue("ddOpen", DD_OPEN).addValue("illOpen", ILL_OPEN);
        }
        if (query.view() == DeskQuery.View.LATE) {
            List<String> late = lateProcesses();
            params.addValue("late", late.isEmpty() ? List.of("-") : late);
        }
    }

    /** The WHERE clause (empty when nothing narrows the list) of the query for one table. */
    private static String where(DeskQuery query, MapSqlParameterSource params, Half half) {
        boolean dd = half == Half.DD;
        String t = half.alias();
        List<String> where = new ArrayList<>();
        if (params.hasValue("number")) {
            where.add(t + "request_number = :number");
        }
        if (params.hasValue("patron")) {
            // one indexed IN instead of "card = x or card in (names)", which no index serves
            where.add(t + "patron_card_number in (select cast(:patron as varchar) union"
                    + " select card_number from patron where lower(name) like :patronName)");
        }
        if (params.hasValue("title")) {
            where.add("lower(" + t + "title) like :title");
        }
        if (params.hasValue("issn")) {
            where.add(dd ? "(d.issn = :issn or d.eissn = :issn or d.isbn = :isbn or d.doi = :doi)"
                    : "l.isbn = :isbn");
        }
        if (params.hasValue("status")) {
            where.add(t + "status = :status");
        }
        if (params.hasValue("partner")) {
            where.add(t + (dd ? "supplier_code" : "lender_code") + " = :partner");
        }
        if (params.hasValue("college")) {
            where.add(t + "college = :college");
        }
        if (params.hasValue("from")) {
            where.add(t + "submitted_at >= :from");
        }
        if (params.hasValue("to")) {
            where.add(t + "submitted_at < :to");
        }
        DeskQuery.View view = query.view();
        if (view == DeskQuery.View.PICKUP) {
            where.add("l.status = 'SATISFIED'");
        } else if (view == DeskQuery.View.OVERDUE) {
            where.add("(l.status = 'OVERDUE' or (l.status = 'ON_LOAN' and l.due_date < :today))");
        } else if (view == DeskQuery.View.LATE) {
            where.add(t + "process_instance_id in (:late)");
        } else if (view == DeskQuery.View.UNREAD) {
            // driven by the few unread messages (index ix_message_unread), not by every request
            where.add(t + "id in (select m.request_id from request_message m where m.service = '" + half.name()
                    + "' and m.from_staff = false and m.read_at is null)");
        } else if (view == DeskQuery.View.QUIET) {
            where.add(t + "status in (" + (dd ? ":ddOpen" : ":illOpen") + ")");
            where.add("not exists (select 1 from " + (dd ? "dd_timeline_event" : "loan_timeline_event")
                    + " e where e.request_id = " + t + "id and e.occurred_at >= :quietSince)");
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** Processes whose Receive task is past the supplier's or lender's turnaround (the task's due date). */
    private List<String> lateProcesses() {
        return taskService.createTaskQuery()
                .taskDefinitionKeyIn(DocumentDeliveryProcess.TASK_RECEIVE, InterlibraryLoanProcess.TASK_RECEIVE_BOOK)
                .dueBefore(java.util.Date.from(clock.instant())).list().stream()
                .map(Task::getProcessInstanceId).distinct().toList();
    }

    private List<DeskRow> withTasks(List<DeskRow> rows) {
        List<String> ids = rows.stream().map(DeskRow::processInstanceId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return rows;
        }
        Map<String, List<DeskRow.OpenTask>> open = new HashMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new))
                .orderByDueDate().asc().list()) {
            open.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(new DeskRow.OpenTask(
                    task.getId(), task.getName(), task.getAssignee(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        }
        Map<String, DeskRow> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.put(row.service() + row.id(), row.withTasks(
                open.getOrDefault(row.processInstanceId(), List.of()))));
        return List.copyOf(unique.values());
    }

    private DeskRow row(ResultSet rs, int n) throws SQLException {
        return new DeskRow(rs.getString("service"), rs.getLong("id"), rs.getString("request_number"),
                rs.getString("patron_card_number"), rs.getString("patron_name"), rs.getString("college"),
                rs.getString("title"), rs.getString("identifier"), rs.getString("status"),
                rs.getString("partner_code"), instant(rs, "submitted_at"), instant(rs, "updated_at"),
                rs.getString("process_instance_id"), rs.getLong("unread_messages"),
                rs.getDate("needed_by") == null ? null : rs.getDate("needed_by").toLocalDate(), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
