package org.illflow.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.illflow.iso18626.Iso18626;
import org.illflow.iso18626.Iso18626.AgencyId;
import org.illflow.iso18626.Iso18626.Confirmation;
import org.illflow.iso18626.Iso18626.DeliveryInfo;
import org.illflow.iso18626.Iso18626.Envelope;
import org.illflow.iso18626.Iso18626.ErrorType;
import org.illflow.iso18626.Iso18626.Header;
import org.illflow.iso18626.Iso18626.MessageInfo;
import org.illflow.iso18626.Iso18626.ReasonForMessage;
import org.illflow.iso18626.Iso18626.RetryInfo;
import org.illflow.iso18626.Iso18626.Status;
import org.illflow.iso18626.Iso18626.StatusInfo;
import org.illflow.iso18626.Iso18626.SupplyingAgencyMessage;
import org.illflow.iso18626.Iso18626.YesNo;
import org.illflow.iso18626.Iso18626Peer;
import org.illflow.iso18626.Iso18626Peers;
import org.illflow.iso18626.Iso18626Reader;
import org.illflow.iso18626.Iso18626Refusal;
import org.illflow.iso18626.Iso18626Settings;
import org.illflow.iso18626.Iso18626Version;
import org.illflow.iso18626.Iso18626Writer;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.support.TestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partner library's side in the borrowing tests: its registration (linked to a supplier row), the
 * supplyingAgencyMessages it posts to {@code POST /iso18626} as its machine would, and what illflow put into the
 * outbox for it — each message read back and validated against the partner's schema version.
 */
final class PartnerDesk {

    private static final AtomicLong MESSAGE_TIME = new AtomicLong(Instant.now().toEpochMilli());

    private final Iso18626Peers peers;
    private final Iso18626Settings settings;
    private final SupplierCatalog suppliers;
    private final JdbcTemplate jdbc;
    private final TestSupport support;

    PartnerDesk(Iso18626Peers peers, Iso18626Settings settings, SupplierCatalog suppliers, JdbcTemplate jdbc,
            TestSupport support) {
        this.peers = peers;
        this.settings = settings;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.support = support;
    }

    /** Registers (or changes) the partner for this supplier row; inactive, the supplier is asked through staff. */
    Iso18626Peer partner(String code, String supplierCode, AgencyId agency, Iso18626Version version, boolean active) {
        Long supplierId = suppliers.byCode(supplierCode).orElseThrow().getId();
        return peers.save(code, new Iso18626Peers.Registration(code + " 合作馆（测试）", supplierId,
                "http://127.0.0.1:9/iso18626", agency, version, code.toLowerCase(Locale.ROOT) + "-ill",
                code.toLowerCase(Locale.ROOT) + "-s3cret", active), null);
    }

    /** A supplyingAgencyMessage from the partner about one of our request ids, with a timestamp of its own. */
    SupplyingAgencyMessage message(Iso18626Peer partner, String requestId, ReasonForMessage reason, Status status,
            Instant dueDate, YesNo answer, String note, String reasonUnfilled, String reasonRetry, RetryInfo retry,
            DeliveryInfo delivery) {
        Instant timestamp = Instant.ofEpochMilli(MESSAGE_TIME.addAndGet(1000));
        return new SupplyingAgencyMessage(new Header(partner.agencyId(), settings.agencyId(), null, timestamp,
                requestId, "LEND-2026-" + requestId.substring(requestId.length() - 6), null),
                new MessageInfo(reason, answer, note, reasonUnfilled, reasonRetry),
                new StatusInfo(status, null, dueDate, timestamp), retry, delivery);
    }

    SupplyingAgencyMessage status(Iso18626Peer partner, String requestId, Status status) {
        return message(partner, requestId, ReasonForMessage.StatusChange, status, null, null, null, null, null, null,
                null);
    }

    /** Posts the partner's message to {@code POST /iso18626} and reads the confirmation (in the same version). */
    Confirmation post(Iso18626Peer partner, Iso18626.Message message) throws Iso18626Refusal {
        byte[] xml = Iso18626Writer.write(new Envelope(partner.isoVersion(), message));
        HttpResponse<String> response = support.client().exchange("POST", "/iso18626",
                Map.of("Content-Type", "application/xml"), xml);
        assertThat(response.statusCode()).isEqualTo(200);
        Envelope answer = Iso18626Reader.read(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.version()).isEqualTo(partner.isoVersion());
        return (Confirmation) answer.message();
    }

    void accepted(Iso18626Peer partner, Iso18626.Message message) throws Iso18626Refusal {
        Confirmation confirmation = post(partner, message);
        assertThat(confirmation.errors()).as("errors of the confirmation").isEmpty();
        assertThat(confirmation.ok()).isTrue();
        // the confirmation echoes the message's reason, in the partner's version
        assertThat(confirmation.reasonForMessage())
                .isEqualTo(((SupplyingAgencyMessage) message).messageInfo().reasonForMessage());
    }

    /** The partner's message is refused as not fitting the request, and nothing is sent because of it. */
    void refusedAsNotFitting(Iso18626Peer partner, String requestNumber, Iso18626.Message message)
            throws Iso18626Refusal {
        long outboxBefore = outboxCount();
        Confirmation confirmation = post(partner, message);
        assertThat(confirmation.ok()).isFalse();
        assertThat(confirmation.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorType()).isEqualTo(ErrorType.UnrecognisedDataValue);
            assertThat(e.errorValue()).contains("does not fit request " + requestNumber);
        });
        assertThat(outboxCount()).as("nothing was sent").isEqualTo(outboxBefore);
    }

    /** Runs the jobs of one process instance that are due now (messages' jobs, notices, timers). */
    static void runJobs(org.camunda.bpm.engine.ManagementService management, String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery()
                    .processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep creating jobs");
    }

    /** Staff claim and complete the request's task, signed in with their group. */
    static void complete(org.camunda.bpm.engine.ProcessEngine engine, String requestNumber, String taskKey,
            String staff, String group, Map<String, Object> variables) {
        org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(requestNumber).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task %s of %s", taskKey, requestNumber).isNotNull();
        engine.getIdentityService().setAuthentication(staff, List.of(group));
        try {
            engine.getTaskService().claim(task.getId(), staff);
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    long outboxCount() {
        return jdbc.queryForObject("select count(*) from iso18626_outbox", Long.class);
    }

    /** One message illflow put into the outbox: to which partner, in which version, and what it says. */
    record Sent(long peerId, Iso18626Version version, Iso18626.Message message) {
        Iso18626.Action action() {
            return ((Iso18626.RequestingAgencyMessage) message).action();
        }
    }

    /** What illflow put into the outbox about a request (all its ids), oldest first, each valid by its schema. */
    List<Sent> sent(String requestNumber) {
        return jdbc.query("""
                select m.peer_id, m.xml from iso18626_message m join iso18626_outbox o on o.message_id = m.id
                where m.requesting_agency_request_id = ? or m.requesting_agency_request_id like ? order by m.id""",
                (rs, i) -> {
                    try {
                        Envelope envelope = Iso18626Reader.read(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                        return new Sent(rs.getLong(1), envelope.version(), envelope.message());
                    } catch (Iso18626Refusal invalid) {
                        throw new AssertionError("an outgoing message does not validate: " + invalid.detail(), invalid);
                    }
                }, requestNumber, requestNumber + "-R%");
    }
}
