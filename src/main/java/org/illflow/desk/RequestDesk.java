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
 * changes nothing. Each filter is a plain or indexed column comparison applied inside each half of the union, so
 * the database can use the indexes of both tables (V45); titles are matched as substrings (a scan, fast enough
 * at a library's volumes: see the README).
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
        String union = union(query, params);
        Long total = jdbc.queryForObject("select count(*) from (" + union + ") r", params, Long.class);
        params.addValue("limit", PAGE_SIZE).addValue("offset", query.page() * PAGE_SIZE);
        List<DeskRow> rows = jdbc.query(select(union, query) + " limit :limit offset :offset", params, this::row);
        return new DeskPage(withTasks(rows), total == null ? 0 : total, query.page());
    }

    /** Everything the query finds, for the CSV export (at most {@link #EXPORT_LIMIT}). */
    public List<DeskRow> export(DeskQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", EXPORT_LIMIT);
        List<DeskRow> rows = jdbc.query(select(union(query, params), query) + " limit :limit", params, this::row);
        return withTasks(rows);
    }

    public Optional<DeskDetail> detail(String requestNumber) {
        DeskQuery byNumber = new DeskQuery(requestNumber, null, null, null, null, null, null, null, null, null,
                null, 0);
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<DeskRow> rows = withTasks(jdbc.query(select(union(byNumber, params), byNumber), params, this::row));
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

    private String select(String union, DeskQuery query) {
        String order = switch (query.view() == null ? "" : query.view().name()) {
            case "PICKUP" -> "r.pickup_deadline, r.request_number";
            case "OVERDUE" -> "r.due_date, r.request_number";
            default -> "r.submitted_at desc, r.request_number desc";
        };
        return "select r.*, p.name patron_name from (" + union + ") r"
                + " left join patron p on p.card_number = r.patron_card_number order by " + order;
    }

    private String union(DeskQuery query, MapSqlParameterSource params) {
        bind(query, params);
        List<String> parts = new ArrayList<>();
        if (query.service() == null || query.service().equals("DD")) {
            if (query.view() != DeskQuery.View.PICKUP && query.view() != DeskQuery.View.OVERDUE) {
                parts.add("select 'DD' service, d.id, d.request_number, d.patron_card_number, d.college, d.title,"
                        + " coalesce(d.doi, d.issn, d.isbn) identifier, d.status, d.supplier_code partner_code,"
                        + " d.submitted_at, d.updated_at, d.process_instance_id,"
                        + " cast(null as timestamp with time zone) pickup_deadline, cast(null as date) due_date"
                                + ", d.needed_by, " + unread("DD", "d")
                        + " from document_delivery_request d where " + conditions(query, params, true));
            }
        }
        if (query.service() == null || query.service().equals("ILL")) {
            parts.add("select 'ILL' service, l.id, l.request_number, l.patron_card_number, l.college, l.title,"
                    + " l.isbn identifier, l.status, l.lender_code partner_code, l.submitted_at, l.updated_at,"
                    + " l.process_instance_id, l.pickup_deadline, l.due_date, l.needed_by, " + unread("ILL", "l")
                    + " from loan_request l where " + conditions(query, params, false));
        }
        return String.join(" union all ", parts);
    }

    /** The number of the patron's messages on the request that staff have not read (see conversation package). */
    private static String unread(String service, String alias) {
        return "(select count(*) from request_message m where m.service = '" + service + "' and m.request_id = "
                + alias + ".id and m.from_staff = false and m.read_at is null) unread_messages";
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

    /** The WHERE of one half of the union: {@code dd} for document_delivery_request (alias d), else loan_request (l). */
    private static String conditions(DeskQuery query, MapSqlParameterSource params, boolean dd) {
        String t = dd ? "d." : "l.";
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (params.hasValue("number")) {
            where.add(t + "request_number = :number");
        }
        if (params.hasValue("patron")) {
            where.add("(" + t + "patron_card_number = :patron or " + t + "patron_card_number in"
                    + " (select card_number from patron where lower(name) like :patronName))");
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
            where.add("exists (select 1 from request_message m where m.service = '" + (dd ? "DD" : "ILL")
                    + "' and m.request_id = " + t + "id and m.from_staff = false and m.read_at is null)");
        } else if (view == DeskQuery.View.QUIET) {
            where.add(t + "status in (" + (dd ? ":ddOpen" : ":illOpen") + ")");
            where.add("not exists (select 1 from " + (dd ? "dd_timeline_event" : "loan_timeline_event")
                    + " e where e.request_id = " + t + "id and e.occurred_at >= :quietSince)");
        }
        return String.join(" and ", where);
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
