package org.illflow.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.Action;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Authentication;
import org.illflow.iso18626.Iso18626.BibliographicInfo;
import org.illflow.iso18626.Iso18626.BillingInfo;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.Costs;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.ItemId;
import org.illflow.iso18626.Iso18626.Request;
import org.illflow.iso18626.Iso18626.RequestType;
import org.illflow.iso18626.Iso18626.RequestingAgencyMessage;
import org.illflow.iso18626.Iso18626.ServiceInfo;
import org.illflow.iso18626.Iso18626.ServiceType;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Reader;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.iso18626.Iso18626Version;
import org.illflow.iso18626.Iso18626Writer;
import org.illflow.security.IllflowGroups;
import org.illflow.support.TestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner library as the lending tests play it: it sends its messages to {@code POST /iso18626} as its machine
 * would (raw HTTP, its agency id and credentials), and reads what this library sent it from the message log
 * (the outbox does not send in tests). Staff work the tasks as the Tasklist user {@code illstaff}.
 */
final class LendingFixture {

    static final AgencyId PARTNER = new AgencyId("ISIL", "CN-LEND-TEST");
    static final Authentication AUTH = new Authentication("lend-test", "lend-s3cret");
    static final String ILL_STAFF = "illstaff";
    /** 三体, held in print by the demo library. */
    static final String HELD_ISBN = "9787536692930";
    /** 江村经济, not held. */
    static final String NOT_HELD_ISBN = "9787208061644";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestSupport support;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final Iso18626Settings settings;
    final Iso18626Peer peer;

    LendingFixture(TestSupport support, JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks,
            ManagementService management, IdentityService identity, Iso18626Peers peers, Iso18626Settings settings) {
        this.support = support;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.settings = settings;
        this.peer = peers.byCode("T-LEND").orElseGet(() -> peers.save("T-LEND", new Iso18626Peers.Registration(
                "同济大学图书馆（测试）", null, "http://127.0.0.1:9/iso18626", PARTNER, Iso18626Version.V2021_2,
                AUTH.accountId(), AUTH.securityCode(), true), null));
    }

    static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(shanghai(localDateTime)));
    }

    static String requestId() {
        return "T-ILL-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    /** Each message a timestamp of its own (the partner's clock), so none is taken for a retransmission. */
    static Instant timestamp() {
        return ClockUtil.getCurrentTime().toInstant().plusMillis(SEQUENCE.incrementAndGet());
    }

    Header header(String requestId) {
        return new Header(settings.agencyId(), PARTNER, null, timestamp(), requestId, null, AUTH);
    }

    Request book(String requestId, String title, String isbn, ServiceType type) {
        return new Request(header(requestId), new BibliographicInfo(null, title, "刘慈欣", null, null, null, null,
                null, null, null, List.of(new ItemId("ISBN", isbn))), null,
                new ServiceInfo(RequestType.New, type, null, "请尽快 please hurry"),
                new BillingInfo(null, new Costs("CNY", new BigDecimal("30.00"))));
    }

    Request chapter(String requestId, String isbn) {
        return new Request(header(requestId), new BibliographicInfo(null, "三体", "刘慈欣", null, null, "第一章 科学边界",
                null, null, null, "1-20", List.of(new ItemId("ISBN", isbn))), null,
                new ServiceInfo(RequestType.New, ServiceType.Copy, null, null), null);
    }

    RequestingAgencyMessage action(String requestId, Action action, String note) {
        return new RequestingAgencyMessage(header(requestId), action, note);
    }

    HttpResponse<String> post(Iso18626.Message message) {
        return support.client().exchange("POST", "/iso18626", Map.of("Content-Type", "application/xml"),
                Iso18626Writer.write(new Envelope(Iso18626Version.V2021_2, message)));
    }

    static Confirmation confirmation(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return (Confirmation) Iso18626Reader.read(response.body().getBytes(StandardCharsets.UTF_8)).message();
        } catch (org.illflow.iso18626.Iso18626Refusal e) {
            throw new AssertionError("not a confirmation: " + response.body(), e);
        }
    }

    Confirmation send(Iso18626.Message message) {
        return confirmation(post(message));
    }

    /** The partner asks; returns our lending number. */
    String ask(Request request) {
        Confirmation answer = send(request);
        assertThat(answer.ok()).as("the partner's request is confirmed").isTrue();
        return jdbc.queryForObject("select lending_number from lending_request where partner_request_id = ? "
                + "and peer_id = ?", String.class, request.header().requestingAgencyRequestId(), peer.getId());
    }

    ProcessInstance instance(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(LendingProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
    }

    /** Runs this request's due jobs (the holdings check, timers), as the job executor would. */
    void runJobs(String number) {
        for (int round = 0; round < 20; round++) {
            ProcessInstance instance = instance(number);
            if (instance == null) {
                return;
            }
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep coming");
    }

    Task task(String number, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
    }

    /** Inter-library loan staff claim and complete the task in Tasklist. */
    void complete(String number, String key, Map<String, Object> variables) {
        Task task = task(number, key);
        assertThat(task).as("task %s of %s", key, number).isNotNull();
        identity.setAuthentication(ILL_STAFF, List.of(IllflowGroups.ILL_STAFF));
        try {
            tasks.claim(task.getId(), ILL_STAFF);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** What this library sent the partner about the request: "status (reason)" of each message, in order. */
    List<String> sent(String number) {
        return jdbc.queryForList("""
                select m.status_or_action from iso18626_message m join lending_request r on r.transaction_id = m.transaction_id
                where r.lending_number = ? and m.direction = 'OUT' order by m.id""", String.class, number);
    }

    /** The XML of the last message sent about the request. */
    String lastSentXml(String number) {
        return jdbc.queryForObject("""
                select m.xml from iso18626_message m join lending_request r on r.transaction_id = m.transaction_id
                where r.lending_number = ? and m.direction = 'OUT' order by m.id desc fetch first 1 rows only""",
                String.class, number);
    }

    Map<String, Object> row(String number) {
        return jdbc.queryForMap("select * from lending_request where lending_number = ?", number);
    }

    void endAll() {
        runtime.createProcessInstanceQuery().processDefinitionKey(LendingProcess.KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test finished", true));
    }
}
