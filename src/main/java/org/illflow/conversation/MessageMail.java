package org.illflow.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.illflow.notification.Notice;
import org.illflow.notification.NotificationService;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.security.IllflowGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails each message to the other side, at least once, through the outbox ({@link NotificationService}: one outbox
 * row per message, so a retry never mails twice what went out).
 * <p>
 * A message row is written with {@code mail_due_at} = its time. Right after the commit the writer's thread tries
 * to send it; whatever did not go out (SMTP away, a crash between commit and mail) is picked up by
 * {@link #sendDue()} every minute. A node takes a message by moving its {@code mail_due_at} ten minutes on (an
 * UPDATE that only one node wins); after a failure the next try waits 5, 10, 20 … minutes, at most 4 hours, and the
 * outbox shows the failed notice meanwhile.
 * <p>
 * <b>To whom.</b> The patron, at their address, in their language. The staff side goes to the staff member who holds
 * (has claimed) an open task of the request, when that member has an e-mail address — they are working on it;
 * otherwise to the service's desk mailbox ({@code illflow.messages.dd-mailbox} / {@code ill-mailbox}) when one is
 * set; otherwise to every member of the service's staff group with an address. Staff mails are in Chinese with
 * the English beside, as staff work in Chinese.
 */
@Component
public class MessageMail {

    private static final Logger LOG = LoggerFactory.getLogger(MessageMail.class);
    static final String NOTICE_TO_PATRON = "MESSAGE_TO_PATRON";
    static final String NOTICE_TO_STAFF = "MESSAGE_TO_STAFF";
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    private static final Duration LAST_RETRY = Duration.ofHours(4);
    private static final int BATCH = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final NotificationService notifications;
    private final PatronDirectory patrons;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final MessageSettings settings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String baseUrl;

    MessageMail(NamedParameterJdbcTemplate jdbc, NotificationService notifications, PatronDirectory patrons,
            IdentityService identityService, TaskService taskService, MessageSettings settings,
            PlatformTransactionManager transactions, Clock clock, @Value("${illflow.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.patrons = patrons;
        this.identityService = identityService;
        this.taskService = taskService;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Sends every message whose mail is due; returns how many went out now. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${illflow.messages.mail-check:PT1M}")
    public int sendDue() {
        List<Long> due = jdbc.queryForList("select id from request_message where mail_due_at <= :now order by id"
                + " fetch first " + BATCH + " rows only", Map.of("now", Timestamp.from(clock.instant())), Long.class);
        int sent = 0;
        for (Long id : due) {
            sent += trySend(id) ? 1 : 0;
        }
        return sent;
    }

    /** Mails one message now if it is due and no other node has it; never throws. */
    boolean trySend(long id) {
        Instant now = clock.instant();
        Integer taken = ownTransaction.execute(status -> jdbc.update("update request_message set mail_due_at = :lease"
                + " where id = :id and mailed_at is null and mail_due_at <= :now", new MapSqlParameterSource()
                        .addValue("lease", Timestamp.from(now.plus(LEASE))).addValue("id", id)
                        .addValue("now", Timestamp.from(now))));
        if (taken == null || taken == 0) {
            return false;
        }
        try {
            send(id);
            ownTransaction.executeWithoutResult(status -> jdbc.update("update request_message set mailed_at = :now,"
                    + " mail_due_at = null, mail_error = null where id = :id",
                    new MapSqlParameterSource().addValue("now", Timestamp.from(clock.instant())).addValue("id", id)));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("message {} could not be mailed yet: {}", id, e.getMessage());
            ownTransaction.executeWithoutResult(status -> {
                Integer attempts = jdbc.queryForObject("select mail_attempts from request_message where id = :id",
                        Map.of("id", id), Integer.class);
                int tried = (attempts == null ? 0 : attempts) + 1;
                jdbc.update("update request_message set mail_attempts = :tried, mail_due_at = :next,"
                        + " mail_error = :error where id = :id", new MapSqlParameterSource().addValue("tried", tried)
                                .addValue("next", Timestamp.from(clock.instant().plus(backoff(tried))))
                                .addValue("error", truncate(String.valueOf(e.getMessage()))).addValue("id", id));
            });
            return false;
        }
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    private void send(long id) {
        Map<String, Object> row = jdbc.queryForMap("select * from request_message where id = :id", Map.of("id", id));
        RequestMessage message = jdbc.queryForObject("select * from request_message where id = :id",
                Map.of("id", id), RequestMessages::message);
        boolean loan = "ILL".equals(row.get("service"));
        Map<String, Object> request = jdbc.queryForMap("select id, request_number, title, patron_card_number,"
                + " process_instance_id, closed_at from " + (loan ? "loan_request" : "document_delivery_request")
                + " where id = :id", Map.of("id", ((Number) row.get("request_id")).longValue()));
        Patron patron = patrons.byCardNumber((String) request.get("patron_card_number")).orElseThrow();
        String subjectKey = message.requestNumber() + "/message/" + id;
        Map<String, Object> model = new HashMap<>();
        model.put("message", message);
        model.put("patron", patron);
        model.put("title", request.get("title"));
        model.put("requestNumber", message.requestNumber());
        if (message.fromStaff()) {
            model.put("authorName", displayName(message.author()));
            model.put("requestUrl", baseUrl + "/requests/" + message.requestNumber() + "#messages");
            notifications.sendOnce(subjectKey, NOTICE_TO_PATRON,
                    () -> Notice.to(patron.getEmail(), patron.getLanguage(), "message-to-patron", model));
            return;
        }
        List<String> recipients = staffRecipients(loan, request.get("closed_at") == null
                ? (String) request.get("process_instance_id") : null);
        if (recipients.isEmpty()) {
            throw new IllegalStateException("no staff address for " + message.requestNumber()
                    + ": set illflow.messages." + (loan ? "ill" : "dd") + "-mailbox or give staff e-mail addresses");
        }
        model.put("requestUrl", baseUrl + "/staff/requests/" + message.requestNumber() + "#messages");
        notifications.sendOnce(subjectKey, NOTICE_TO_STAFF,
                () -> new Notice(recipients, "zh", "message-to-staff", model));
    }

    /** The holder of an open task, else the desk mailbox, else the whole staff group (see the class comment). */
    List<String> staffRecipients(boolean loan, String processInstanceId) {
        if (processInstanceId != null) {
            List<String> holders = taskService.createTaskQuery().processInstanceId(processInstanceId).taskAssigned()
                    .list().stream().map(task -> task.getAssignee()).distinct()
                    .map(this::emailOf).filter(Objects::nonNull).distinct().toList();
            if (!holders.isEmpty()) {
                return holders;
            }
        }
        String mailbox = loan ? settings.getIllMailbox() : settings.getDdMailbox();
        if (!mailbox.isEmpty()) {
            return List.of(mailbox);
        }
        return identityService.createUserQuery().memberOfGroup(loan ? IllflowGroups.ILL_STAFF : IllflowGroups.DD_STAFF)
                .list().stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    private String emailOf(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }

    private String displayName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
