package org.illflow.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.illflow.security.SignedIn;
import org.illflow.system.ApiRefusal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Messages between a patron and the library on one request, document delivery or loan alike.
 * <ul>
 * <li><b>Who</b>: the request's own patron, staff of the request's service (document delivery staff for DD,
 * inter-library loan staff for ILL) and admins write; staff of the other service may read, and are answered 403 when
 * they write. Anyone else — another patron above all — is answered 404, as for the request itself.</li>
 * <li><b>What</b>: plain text, at most {@code illflow.messages.max-length} characters after trimming; control
 * characters other than line breaks and tabs are dropped. Pages show it escaped, line breaks kept.</li>
 * <li><b>Where</b>: a row of {@code request_message} (read/unread, mail state) and a line of the request's timeline
 * ({@code MESSAGE_FROM_PATRON} / {@code MESSAGE_FROM_STAFF}, the first 200 characters as its detail), in one
 * transaction.</li>
 * <li><b>Unread</b>: a patron's message is unread until staff of its service open the request on the request desk;
 * staff's messages until the patron opens the request page. While the request's process runs, the number of
 * unread patron messages is the process variable {@value #UNREAD_VARIABLE} (and a task-local copy on its open tasks,
 * for the cards), which the Tasklist filter 未读留言 lists.</li>
 * <li><b>Mail</b>: each message is mailed to the other side by {@link MessageMail} after the commit, and again by
 * its sweep until it went out.</li>
 * </ul>
 */
@Service
public class RequestMessages {

    /** Unread patron messages of a running request, as a process variable (and task-local on its open tasks). */
    public static final String UNREAD_VARIABLE = "unreadMessages";
    /**
     * Whether the running request has an unread patron message, as a process variable: what Tasklist's filter asks
     * (a saved filter keeps a boolean exactly; a number comes back from its JSON as another number type).
     */
    public static final String HAS_UNREAD_VARIABLE = "hasUnreadMessages";
    static final String EVENT_FROM_PATRON = "MESSAGE_FROM_PATRON";
    static final String EVENT_FROM_STAFF = "MESSAGE_FROM_STAFF";
    private static final int TIMELINE_EXCERPT = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final MessageSettings settings;
    private final MessageMail mail;
    private final Clock clock;

    RequestMessages(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, TaskService taskService,
            MessageSettings settings, MessageMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.settings = settings;
        this.mail = mail;
        this.clock = clock;
    }

    /** The request by its number, in either service. */
    @Transactional(readOnly = true)
    public Optional<RequestRef> find(String requestNumber) {
        if (requestNumber == null || requestNumber.length() > 20) {
            return Optional.empty();
        }
        boolean loan = requestNumber.startsWith("ILL-");
        String sql = "select id, request_number, patron_card_number, process_instance_id, closed_at from "
                + (loan ? "loan_request" : "document_delivery_request") + " where request_number = :number";
        return jdbc.query(sql, Map.of("number", requestNumber), (rs, n) -> new RequestRef(loan ? "ILL" : "DD",
                rs.getLong("id"), rs.getString("request_number"), rs.getString("patron_card_number"),
                rs.getTimestamp("closed_at") == null ? rs.getString("process_instance_id") : null))
                .stream().findFirst();
    }

    /** The request if {@code who} may read its conversation (its patron, any staff member, admins); else 404. */
    @Transactional(readOnly = true)
    public RequestRef readableBy(String requestNumber, Authentication who) {
        return find(requestNumber)
                .filter(request -> SignedIn.isStaff(who) || request.patronCardNumber().equals(who.getName()))
                .orElseThrow(() -> new ApiRefusal(404, "message.notFound", "No such request."));
    }

    /**
     * The conversation as {@code who} opens it, oldest first; the other side's messages count as read from now on
     * (for staff: only staff of the request's service; a colleague of the other service only looks).
     */
    @Transactional
    public List<RequestMessage> open(String requestNumber, Authentication who) {
        RequestRef request = readableBy(requestNumber, who);
        List<RequestMessage> conversation = conversation(request);
        boolean staffSide = SignedIn.isStaff(who);
        if (staffSide && !servesRequest(who, request)) {
            return conversation;
        }
        int read = jdbc.update("update request_message set read_at = :now, read_by = :who where service = :service"
                + " and request_id = :id and from_staff = :fromStaff and read_at is null", new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(clock.instant())).addValue("who", who.getName())
                        .addValue("service", request.service()).addValue("id", request.id())
                        .addValue("fromStaff", !staffSide));
        if (read > 0 && staffSide) {
            publishUnread(request);
        }
        return conversation;
    }

    /**
     * What a request's page needs to show its conversation: the messages as {@code who} opens them
     * ({@link #open}) and whether they may write ({@code mayWrite}: the patron, or staff of the request's service).
     */
    @Transactional
    public void showOn(org.springframework.ui.Model model, String requestNumber, Authentication who) {
        RequestRef request = readableBy(requestNumber, who);
        model.addAttribute("conversation", open(requestNumber, who));
        model.addAttribute("mayWrite", !SignedIn.isStaff(who) || servesRequest(who, request));
        model.addAttribute("staffView", SignedIn.isStaff(who));
        model.addAttribute("messageMaxLength", settings.getMaxLength());
    }

    /** The request's messages, oldest first, without marking anything read. */
    @Transactional(readOnly = true)
    public List<RequestMessage> conversation(RequestRef request) {
        return jdbc.query("select * from request_message where service = :service and request_id = :id"
                + " order by written_at, id", Map.of("service", request.service(), "id", request.id()),
                RequestMessages::message);
    }

    /**
     * {@code who} writes on the request: stored, put on the timeline and mailed to the other side after the commit.
     * Refused with 404 (not theirs), 403 (staff of the other service), 400 (empty or too long) and then nothing is
     * stored.
     */
    @Transactional
    public RequestMessage write(String requestNumber, Authentication who, String text) {
        RequestRef request = readableBy(requestNumber, who);
        boolean fromStaff = SignedIn.isStaff(who);
        if (fromStaff && !servesRequest(who, request)) {
            throw new ApiRefusal(403, "message.otherService",
                    "Only staff of the request's own service write to its patron.");
        }
        String body = plainText(text);
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into request_message (service, request_id, request_number, author, from_staff, body,"
                + " written_at, mail_due_at) values (:service, :id, :number, :author, :fromStaff, :body, :now, :now)",
                new MapSqlParameterSource().addValue("service", request.service()).addValue("id", request.id())
                        .addValue("number", request.requestNumber()).addValue("author", who.getName())
                        .addValue("fromStaff", fromStaff).addValue("body", body)
                        .addValue("now", Timestamp.from(now)), key, new String[] {"id"});
        long id = key.getKey().longValue();
        // the reports count messages by their request's month: mark that month changed, as the request tables'
        // triggers do for their own rows (the day of submission in UTC; see report.ReportAggregates)
        jdbc.update("insert into report_change (changed_day) select cast(submitted_at at time zone 'UTC' as date)"
                + " from " + (request.isLoan() ? "loan_request" : "document_delivery_request") + " where id = :id",
                new MapSqlParameterSource().addValue("id", request.id()));
        jdbc.update("insert into " + request.timelineTable() + " (request_id, occurred_at, actor, event, detail)"
                + " values (:id, :now, :actor, :event, :detail)", new MapSqlParameterSource()
                        .addValue("id", request.id()).addValue("now", Timestamp.from(now))
                        .addValue("actor", who.getName())
                        .addValue("event", fromStaff ? EVENT_FROM_STAFF : EVENT_FROM_PATRON)
                        .addValue("detail", excerpt(body)));
        if (!fromStaff) {
            publishUnread(request);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mail.trySend(id);
                }
            });
        }
        return new RequestMessage(id, request.requestNumber(), who.getName(), fromStaff, body, now, null);
    }

    /** Unread patron messages on the request. */
    @Transactional(readOnly = true)
    public long unreadFromPatron(RequestRef request) {
        Long count = jdbc.queryForObject("select count(*) from request_message where service = :service and"
                + " request_id = :id and from_staff = false and read_at is null",
                Map.of("service", request.service(), "id", request.id()), Long.class);
        return count == null ? 0 : count;
    }

    /** Staff of the request's own service (or an admin): they answer and their reading counts. */
    static boolean servesRequest(Authentication who, RequestRef request) {
        return request.isLoan() ? SignedIn.isLoanStaff(who) : SignedIn.isDeliveryStaff(who);
    }

    /** The text as stored: line breaks as \n, no other control characters, trimmed; empty or too long refused. */
    String plainText(String text) {
        String body = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (body.isEmpty()) {
            throw new ApiRefusal(400, "message.empty", "The message is empty.");
        }
        if (body.codePointCount(0, body.length()) > settings.getMaxLength()) {
            throw new ApiRefusal(400, "message.tooLong", "The message is longer than " + settings.getMaxLength()
                    + " characters.", settings.getMaxLength());
        }
        return body;
    }

    private static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() <= TIMELINE_EXCERPT ? line : line.substring(0, TIMELINE_EXCERPT - 1) + "…";
    }

    /** The unread count where Tasklist's filter and cards read it, while the request's process runs. */
    private void publishUnread(RequestRef request) {
        String instance = request.processInstanceId();
        if (instance == null || runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
            return;
        }
        long unread = unreadFromPatron(request);
        runtimeService.setVariable(instance, UNREAD_VARIABLE, unread);
        runtimeService.setVariable(instance, HAS_UNREAD_VARIABLE, unread > 0);
        taskService.createTaskQuery().processInstanceId(instance).list()
                .forEach(task -> taskService.setVariableLocal(task.getId(), UNREAD_VARIABLE, unread));
    }

    static RequestMessage message(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new RequestMessage(rs.getLong("id"), rs.getString("request_number"), rs.getString("author"),
                rs.getBoolean("from_staff"), rs.getString("body"), rs.getTimestamp("written_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
