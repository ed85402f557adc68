package org.illflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.illflow.patron.Patron;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Notices are sent at least once and never lost: the same Message-ID when a crash makes one go out twice, an SMTP
 * outage of hours that needs nobody (everything goes out once the server is back, in order, once each), and a
 * slow server that does not make a notice arrive twice. Time is the engine clock, moved, never slept, except
 * for the slow server, which really is slow.
 */
@IllflowTest
class NoticeDeliveryTest {

    @Autowired NotificationService notifications;
    @Autowired NoticeRetry noticeRetry;
    @Autowired TestSupport support;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired JdbcTemplate jdbc;
    @Autowired PatronRegistration registration;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    private int smtpPort;

    @BeforeEach
    void setUp() {
        support.purgeMail();
        smtpPort = mailSender.getPort();
    }

    @AfterEach
    void restore() {
        mailSender.setPort(smtpPort);
        support.resetClock();
    }

    static RegistrationForm registrationForm(String name) {
        long unique = System.nanoTime() % 100000000;
        RegistrationForm form = new RegistrationForm();
        form.setName(name);
        form.setCardNumber("N" + unique);
        form.setEmail("notice-" + unique + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.FACULTY);
        form.setCollege("Library");
        form.setLanguage("en");
        form.setPassword("notice2026");
        form.setPasswordConfirmation("notice2026");
        return form;
    }

    private static Notice welcome(String to) {
        return Notice.to(to, "zh", "registration-approved", Map.of("patron", Map.of("name", "王小明", "cardNumber",
                "T1234"), "portalUrl", "http://localhost/"));
    }

    @Test
    void aNoticeSentAgainAfterACrashCarriesTheMessageIdTheOutboxRecordedBeforeSending() {
        String subject = "test:crash-" + System.nanoTime();
        String to = "crash-" + System.nanoTime() + "@example.edu";
        notifications.sendOnce(subject, "REGISTRATION_APPROVED", () -> welcome(to));
        NoticeRecord first = notifications.about(subject).get(0);
        assertThat(first.getMessageId()).matches("<illflow\\.[0-9a-f-]{36}@library\\.example\\.edu>");

        // the crash: the SMTP server took the mail, the process died before the commit that marks it sent
        jdbc.update("update notice set status = 'PENDING', sent_at = null where id = ?", first.getId());
        boolean sentAgain = notifications.sendOnce(subject, "REGISTRATION_APPROVED", () -> welcome(to));

        assertThat(sentAgain).isTrue();
        var mails = support.mails().stream().filter(m -> MailText.to(m).contains(to)).toList();
        assertThat(mails).hasSize(2).allSatisfy(m -> assertThat(MailText.messageId(m)).isEqualTo(first.getMessageId()));
        assertThat(notifications.about(subject)).singleElement().satisfies(record -> {
            assertThat(record.getMessageId()).isEqualTo(first.getMessageId());
            assertThat(record.getStatus()).isEqualTo(NoticeStatus.SENT);
        });
    }

    @Test
    void afterATwoHourSmtpOutageEveryWaitingNoticeGoesOutOnceSmtpIsBackInOrderAndOnceEach() {
        List<String> emails = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        mailSender.setPort(NotificationServiceTest.closedPort());
        for (int i = 1; i <= 4; i++) {
            RegistrationForm form = registrationForm("Outage patron " + i);
            Patron patron = registration.register(form);
            support.passSavePoint(patron.getCardNumber());
            var review = taskService.createTaskQuery().processInstanceId(patron.getProcessInstanceId()).singleResult();
            taskService.complete(review.getId(), Map.of(PatronRegistrationProcess.VAR_DECISION, "approve"));
            emails.add(form.getEmail());
            instances.add(patron.getProcessInstanceId());
            runDueJobsOf(instances); // the welcome mail fails: SMTP is down
            support.moveClock(Duration.ofMinutes(7));
        }
        // two hours pass; the jobs retry with back-off, nobody intervenes
        for (int minute = 0; minute < 120; minute += 5) {
            support.moveClock(Duration.ofMinutes(5));
            runDueJobsOf(instances);
        }
        assertThat(support.mails()).noneMatch(m -> emails.contains(MailText.to(m)));
        List<Job> waiting = jobsOf(instances);
        assertThat(waiting).hasSize(4).allSatisfy(job -> {
            assertThat(job.getRetries()).isPositive();
            assertThat(job.getDuedate()).isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        });
        assertThat(instances).allSatisfy(id -> assertThat(runtimeService.createIncidentQuery().processInstanceId(id)
                .count()).isZero());

        // SMTP is back: the waiting notices are due at once, oldest first, and go out in that order, once each
        mailSender.setPort(smtpPort);
        assertThat(noticeRetry.pullWaitingNoticesForward()).isGreaterThanOrEqualTo(4);
        runDueJobsOf(instances);
        runDueJobsOf(instances); // a second round finds nothing to send again

        assertThat(support.mails().stream().map(MailText::to).filter(emails::contains).toList())
                .containsExactlyElementsOf(emails);
        assertThat(jobsOf(instances)).isEmpty();
    }

    @Test
    void theRetryCycleOfMailTasksLastsMoreThanADay() {
        assertThat(noticeRetry.span()).isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void aServerThatAnswersTheMailSlowerThanTheOldTenSecondTimeoutGetsItOnce() throws Exception {
        try (SlowSmtp slow = new SlowSmtp(smtpPort, Duration.ofSeconds(11))) {
            mailSender.setPort(slow.port());
            String subject = "test:slow-" + System.nanoTime();
            String to = "slow-" + System.nanoTime() + "@example.edu";

            boolean sent = notifications.sendOnce(subject, "REGISTRATION_APPROVED", () -> welcome(to));

            assertThat(sent).isTrue();
            assertThat(slow.delayed()).as("the server's answer to the mail really came late").isTrue();
            assertThat(support.mails()).filteredOn(m -> MailText.to(m).contains(to)).hasSize(1);
            assertThat(notifications.about(subject)).singleElement().extracting(NoticeRecord::getStatus)
                    .isEqualTo(NoticeStatus.SENT);
        }
    }

    @Test
    void aNoticeThatCannotBeSentSaysSoAndKeepsItsMessageIdForTheNextTry() {
        mailSender.setPort(NotificationServiceTest.closedPort());
        String subject = "test:down-" + System.nanoTime();
        String to = "down-" + System.nanoTime() + "@example.edu";
        assertThatThrownBy(() -> notifications.sendOnce(subject, "REGISTRATION_APPROVED", () -> welcome(to)))
                .isInstanceOf(NoticeNotSentException.class).hasMessageContaining(NoticeRetry.NOT_SENT_MARK);
        String messageId = notifications.about(subject).get(0).getMessageId();

        mailSender.setPort(smtpPort);
        notifications.sendOnce(subject, "REGISTRATION_APPROVED", () -> welcome(to));

        assertThat(support.mails()).filteredOn(m -> MailText.to(m).contains(to)).singleElement()
                .extracting(MailText::messageId).isEqualTo(messageId);
    }

    private List<Job> jobsOf(List<String> instances) {
        return managementService.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances)).list();
    }

    /** Runs the due jobs of these instances, oldest due first, as the job executor acquires them. */
    private void runDueJobsOf(List<String> instances) {
        for (Job job : managementService.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances))
                .executable().orderByJobDuedate().asc().list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException smtpDown) {
                assertThat(smtpDown).hasMessageContaining(NoticeRetry.NOT_SENT_MARK);
            }
        }
    }

    /**
     * A mail server that takes its time: a proxy in front of the SMTP sink that holds back the server's answer to
     * the end of the mail (the final ".") for the given delay.
     */
    static final class SlowSmtp implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final Duration delay;
        private final AtomicBoolean delayed = new AtomicBoolean();

        SlowSmtp(int target, Duration delay) throws IOException {
            this.server = new ServerSocket(0);
            this.target = target;
            this.delay = delay;
            Thread acceptor = new Thread(this::accept, "slow-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        boolean delayed() {
            return delayed.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket("127.0.0.1", target);
                    AtomicBoolean endOfData = new AtomicBoolean();
                    pump(client.getInputStream(), upstream.getOutputStream(), endOfData, false);
                    pump(upstream.getInputStream(), client.getOutputStream(), endOfData, true);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Copies bytes; client to server watches for the end of the data, server to client then waits. */
        private void pump(InputStream in, OutputStream out, AtomicBoolean endOfData, boolean answers) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                int tail = 0; // how much of "\r\n.\r\n" the client stream ends with
                try {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (answers && endOfData.getAndSet(false)) {
                            Thread.sleep(delay.toMillis());
                            delayed.set(true);
                        }
                        if (!answers) {
                            for (int i = 0; i < n; i++) {
                                tail = "\r\n.\r\n".charAt(tail) == buffer[i] ? tail + 1 : (buffer[i] == '\r' ? 1 : 0);
                                if (tail == 5) {
                                    endOfData.set(true);
                                    tail = 0;
                                }
                            }
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException closed) {
                    // the connection ended
                }
            }, "slow-smtp-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
