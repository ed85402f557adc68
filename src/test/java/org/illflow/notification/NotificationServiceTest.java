package org.illflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
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
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail goes out once per (subject, kind), in the recipient's language, and an SMTP outage is never a lost notice. */
@IllflowTest
class NotificationServiceTest {

    @Autowired NotificationService notifications;
    @Autowired TestSupport support;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired PatronRegistration registration;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    private int smtpPort;

    @BeforeEach
    void setUp() {
        support.purgeMail();
        smtpPort = mailSender.getPort();
    }

    @AfterEach
    void restoreSmtp() {
        mailSender.setPort(smtpPort);
    }

    private static Notice welcome(String to, String language) {
        Map<String, Object> model = Map.of("patron", Map.of("name", "王小明", "cardNumber", "T1234"),
                "portalUrl", "http://localhost/");
        return Notice.to(to, language, "registration-approved", model);
    }

    @Test
    void aNoticeIsWrittenInTheRecipientsLanguage() {
        notifications.sendOnce("test:zh-" + System.nanoTime(), "REGISTRATION_APPROVED", () -> welcome("zh@example.edu", "zh"));
        notifications.sendOnce("test:en-" + System.nanoTime(), "REGISTRATION_APPROVED", () -> welcome("en@example.edu", "en"));

        var zh = support.mails().stream().filter(m -> MailText.to(m).contains("zh@example.edu")).findFirst().orElseThrow();
        var en = support.mails().stream().filter(m -> MailText.to(m).contains("en@example.edu")).findFirst().orElseThrow();
        assertThat(MailText.subject(zh)).isEqualTo("您的馆际互借与文献传递账户已开通");
        assertThat(MailText.body(zh)).contains("尊敬的 <span>王小明</span>").contains("T1234");
        assertThat(MailText.subject(en)).isEqualTo("Your inter-library loan and document delivery account is active");
        assertThat(MailText.body(en)).contains("Dear <span>王小明</span>");
    }

    @Test
    void aRetriedJobDoesNotMailTheSameNoticeTwice() {
        String subject = "test:retry-" + System.nanoTime();
        AtomicInteger composed = new AtomicInteger();
        TransactionTemplate jobTransaction = new TransactionTemplate(transactionManager);

        // the job sends the notice, then fails later in the same transaction and rolls back ...
        assertThatThrownBy(() -> jobTransaction.executeWithoutResult(status -> {
            notifications.sendOnce(subject, "REGISTRATION_APPROVED", () -> {
                composed.incrementAndGet();
                return welcome("retry@example.edu", "zh");
            });
            throw new IllegalStateException("a later step of the job failed");
        })).hasMessageContaining("later step");
        // ... and is retried: the notice is already recorded as sent
        boolean sentAgain = jobTransaction.execute(status -> notifications.sendOnce(subject, "REGISTRATION_APPROVED",
                () -> {
                    composed.incrementAndGet();
                    return welcome("retry@example.edu", "zh");
                }));

        assertThat(sentAgain).isFalse();
        assertThat(composed).hasValue(1);
        assertThat(support.mails()).filteredOn(m -> MailText.to(m).contains("retry@example.edu")).hasSize(1);
        assertThat(notifications.about(subject)).singleElement().satisfies(record -> {
            assertThat(record.getStatus()).isEqualTo(NoticeStatus.SENT);
            assertThat(record.getRecipient()).isEqualTo("retry@example.edu");
            assertThat(record.getMessageId()).isNotBlank();
        });
    }

    @Test
    void anSmtpOutageBecomesRetriesThenAnIncidentAndTheNoticeGoesOutOnceSmtpIsBack() {
        RegistrationForm form = new RegistrationForm();
        form.setName("Outage Tester");
        form.setCardNumber("OUT" + System.nanoTime() % 100000000);
        form.setEmail("outage-" + System.nanoTime() + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.FACULTY);
        form.setCollege("Library");
        form.setLanguage("en");
        form.setPassword("outage2026");
        form.setPasswordConfirmation("outage2026");
        Patron patron = registration.register(form);
        support.passSavePoint(patron.getCardNumber());
        String instanceId = patron.getProcessInstanceId();
        var task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        taskService.complete(task.getId(), Map.of(PatronRegistrationProcess.VAR_DECISION, "approve"));

        mailSender.setPort(closedPort());
        Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("could not be sent");
        }
        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(instanceId).list();
        assertThat(incidents).singleElement().extracting(Incident::getActivityId)
                .isEqualTo(PatronRegistrationProcess.TASK_SEND_WELCOME);
        String subjectKey = "patron:" + patron.getId();
        assertThat(notifications.about(subjectKey)).singleElement().satisfies(record -> {
            assertThat(record.getStatus()).isEqualTo(NoticeStatus.FAILED);
            assertThat(record.getAttempts()).isEqualTo(3);
            assertThat(record.getLastError()).isNotBlank();
        });

        // an admin resolves the incident in Cockpit by retrying the job once SMTP is back
        mailSender.setPort(smtpPort);
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(support.mails()).filteredOn(m -> MailText.to(m).contains(form.getEmail())).hasSize(1);
        assertThat(notifications.about(subjectKey)).singleElement().extracting(NoticeRecord::getStatus)
                .isEqualTo(NoticeStatus.SENT);
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
