package org.illflow.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.patron.PatronRegistrationProcess.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/patron-registration.bpmn. */
@IllflowTest
class PatronRegistrationProcessTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired PatronRegistration registration;
    @Autowired PatronDirectory directory;
    @Autowired PatronActivation activation;
    @Autowired TestSupport support;
    @Autowired FormService formService;

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        support.purgeMail();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        support.resetClock();
    }

    static RegistrationForm applicant(PatronType type, String language) {
        int n = SEQ.incrementAndGet();
        RegistrationForm form = new RegistrationForm();
        form.setName(language.equals("en") ? "Alex Reader " + n : "测试读者" + n);
        form.setCardNumber("R" + System.nanoTime() % 1_000_000_000L + n);
        form.setEmail("reader" + n + "-" + System.nanoTime() + "@stu.example.edu");
        form.setPhone("13900000000");
        form.setPatronType(type);
        form.setCollege("物理学院");
        form.setLanguage(language);
        form.setPassword("secret2026");
        form.setPasswordConfirmation("secret2026");
        return form;
    }

    private ProcessInstance instanceOf(Patron patron) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(patron.getCardNumber())
                .processDefinitionKey(KEY).singleResult();
    }

    private Task reviewTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REVIEW)
                .singleResult();
    }

    private void decideAs(String staff, String staffGroup, Task task, Map<String, Object> decision) {
        identityService.setAuthentication(staff, List.of(staffGroup));
        try {
            taskService.claim(task.getId(), staff);
            taskService.complete(task.getId(), decision);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<MimeMessage> mailsTo(String address) {
        return support.mails().stream().filter(m -> MailText.to(m).contains(address)).toList();
    }

    @Test
    void eligibleApplicantApprovedByStaffIsActivatedAndWelcomedInChinese() {
        Patron patron = registration.register(applicant(PatronType.PHD_STUDENT, "zh"));
        support.passSavePoint(patron.getCardNumber());
        ProcessInstance instance = instanceOf(patron);

        assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(directory.byId(patron.getId())).get().extracting(Patron::getStatus).isEqualTo(PatronStatus.PENDING);
        Task task = reviewTask(instance);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder(IllflowGroups.DD_STAFF, IllflowGroups.ILL_STAFF);
        // Tasklist renders the review with the Camunda Form deployed from forms/
        assertThat(new String(readAll(formService.getDeployedTaskForm(task.getId())), StandardCharsets.UTF_8))
                .contains("\"id\": \"ReviewRegistrationForm\"").contains("\"key\": \"decision\"");

        decideAs("ddstaff", IllflowGroups.DD_STAFF, task, Map.of(VAR_DECISION, DECISION_APPROVE));

        assertThat(instance).hasPassedInOrder(TASK_CHECK_ELIGIBILITY, TASK_REVIEW, TASK_ACTIVATE);
        assertThat(instance).isWaitingAt(TASK_SEND_WELCOME);
        Patron active = directory.byId(patron.getId()).orElseThrow();
        assertThat(active.getStatus()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(active.getDecidedBy()).isEqualTo("ddstaff");
        assertThat(identityService.createUserQuery().memberOfGroup(IllflowGroups.PATRONS)
                .userId(patron.getCardNumber()).count()).isEqualTo(1);

        support.executeDueJobs();

        assertThat(instance).isEnded().hasPassed(END_APPROVED);
        List<MimeMessage> mails = mailsTo(patron.getEmail());
        assertThat(mails).hasSize(1);
        assertThat(MailText.subject(mails.get(0))).isEqualTo("您的馆际互借与文献传递账户已开通");
        assertThat(MailText.body(mails.get(0))).contains(patron.getName()).contains(patron.getCardNumber())
                .doesNotContain("激活码");
        assertThat(identityService.checkPassword(patron.getCardNumber(), "secret2026")).isTrue();
    }

    @Test
    void rejectionNeedsAReasonAndTellsTheApplicantInEnglish() {
        Patron patron = registration.register(applicant(PatronType.MASTER_STUDENT, "en"));
        support.passSavePoint(patron.getCardNumber());
        ProcessInstance instance = instanceOf(patron);
        Task task = reviewTask(instance);

        assertThatThrownBy(() -> decideAs("illstaff", IllflowGroups.ILL_STAFF, task,
                Map.of(VAR_DECISION, DECISION_REJECT, VAR_REJECTION_REASON, "  ")))
                .hasMessageContaining("needs a reason");
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThatThrownBy(() -> decideAs("illstaff", IllflowGroups.ILL_STAFF, task, Map.of(VAR_DECISION, "maybe")))
                .hasMessageContaining("approve or reject");
        assertThat(directory.byId(patron.getId()).orElseThrow().getStatus()).isEqualTo(PatronStatus.PENDING);

        decideAs("illstaff", IllflowGroups.ILL_STAFF, reviewTask(instance), Map.of(VAR_DECISION, DECISION_REJECT,
                VAR_REJECTION_REASON, "No student record with this number <b>in</b> the registry"));
        assertThat(instance).hasPassed(TASK_RECORD_REJECTION).isWaitingAt(TASK_NOTIFY_REJECTED);
        support.executeDueJobs();

        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        Patron rejected = directory.byId(patron.getId()).orElseThrow();
        assertThat(rejected.getStatus()).isEqualTo(PatronStatus.REJECTED);
        assertThat(rejected.getStatusReason()).startsWith("No student record");
        List<MimeMessage> mails = mailsTo(patron.getEmail());
        assertThat(mails).hasSize(1);
        assertThat(MailText.subject(mails.get(0))).isEqualTo(
                "Your inter-library loan and document delivery registration was not approved");
        // the reviewer's text reaches the applicant escaped, never as markup
        assertThat(MailText.body(mails.get(0))).contains("Reason: <span>No student record with this number "
                + "&lt;b&gt;in&lt;/b&gt; the registry</span>");
        assertThat(identityService.createUserQuery().memberOfGroup(IllflowGroups.PATRONS)
                .userId(patron.getCardNumber()).count()).isZero();
    }

    @Test
    void ineligiblePatronTypeIsToldWhyAndTheProcessEnds() {
        Patron patron = registration.register(applicant(PatronType.UNDERGRADUATE, "zh"));
        support.passSavePoint(patron.getCardNumber());
        ProcessInstance instance = instanceOf(patron);

        assertThat(instance).hasPassed(TASK_RECORD_INELIGIBLE).isWaitingAt(TASK_NOTIFY_INELIGIBLE);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        support.executeDueJobs();

        assertThat(instance).isEnded().hasPassed(END_INELIGIBLE);
        assertThat(directory.byId(patron.getId()).orElseThrow().getStatus()).isEqualTo(PatronStatus.REJECTED);
        List<MimeMessage> mails = mailsTo(patron.getEmail());
        assertThat(mails).hasSize(1);
        assertThat(MailText.subject(mails.get(0))).isEqualTo("您暂不能使用馆际互借与文献传递服务");
        assertThat(MailText.body(mails.get(0))).contains("本科生").contains("博士研究生");
    }

    @Test
    void reviewersAreRemindedAfterTwoUndecidedWorkingDaysAndTheReviewStaysOpen() {
        // sent on a Friday morning: the weekend does not count, so the reminder goes out on Tuesday morning
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime
                .of(2026, 3, 6, 10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        Patron patron = registration.register(applicant(PatronType.FACULTY, "zh"));
        support.passSavePoint(patron.getCardNumber());
        ProcessInstance instance = instanceOf(patron);

        support.moveClock(Duration.ofDays(3).plusHours(23)); // Monday 09:00: two calendar days, one working day
        support.executeDueJobs();
        assertThat(mailsTo("dd@library.example.edu")).isEmpty();

        support.moveClock(Duration.ofHours(1).plusMinutes(1)); // Tuesday 10:01
        support.executeDueJobs();

        assertThat(instance).hasPassed(TIMER_REVIEW_REMINDER, TASK_REMIND_REVIEWERS, END_REMINDER_SENT)
                .isWaitingAt(TASK_REVIEW);
        // one mail to both reviewers (the SMTP sink keeps one copy per mailbox)
        List<MimeMessage> reminders = support.mails().stream()
                .filter(m -> MailText.subject(m).contains(patron.getName())).toList();
        assertThat(reminders).extracting(MailText::messageId).containsOnly(MailText.messageId(reminders.get(0)));
        assertThat(MailText.to(reminders.get(0))).contains("dd@library.example.edu", "ill@library.example.edu");
        assertThat(MailText.subject(reminders.get(0))).startsWith("读者注册待审核已超过 2 个工作日");

        decideAs("ddstaff", IllflowGroups.DD_STAFF, reviewTask(instance), Map.of(VAR_DECISION, DECISION_APPROVE));
        support.executeDueJobs();
        assertThat(instance).isEnded().hasPassed(END_APPROVED);
    }

    @Test
    void staffRegisterSomeoneFromTasklistWhoThenSetsTheirPasswordWithTheMailedCode() {
        RegistrationForm form = applicant(PatronType.STAFF, "en");
        Map<String, Object> startForm = new HashMap<>();
        startForm.put(VAR_NAME, form.getName());
        startForm.put(VAR_CARD_NUMBER, form.getCardNumber());
        startForm.put(VAR_EMAIL, form.getEmail());
        startForm.put(VAR_PHONE, form.getPhone());
        startForm.put(VAR_PATRON_TYPE, "STAFF");
        startForm.put(VAR_COLLEGE, form.getCollege());
        startForm.put(VAR_LANGUAGE, "en");

        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        assertThat(new String(readAll(formService.getDeployedStartForm(definitionId)), StandardCharsets.UTF_8))
                .contains("\"id\": \"RegisterPatronForm\"");
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(KEY, startForm);
        } finally {
            identityService.clearAuthentication();
        }
        support.passSavePointOf(instance.getId());

        Patron patron = directory.byCardNumber(form.getCardNumber()).orElseThrow();
        assertThat(patron.getRegisteredBy()).isEqualTo("ddstaff");
        assertThat(patron.getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo(form.getCardNumber());
        assertThat(instance).isWaitingAt(TASK_REVIEW);

        decideAs("illstaff", IllflowGroups.ILL_STAFF, reviewTask(instance), Map.of(VAR_DECISION, DECISION_APPROVE));
        support.executeDueJobs();

        List<MimeMessage> mails = mailsTo(patron.getEmail());
        assertThat(mails).hasSize(1);
        String body = MailText.body(mails.get(0));
        Matcher code = Pattern.compile("([2-9A-Z]{4}-[2-9A-Z]{4})").matcher(body);
        assertThat(code.find()).as("activation code in the mail").isTrue();
        assertThat(body).contains("/activate").doesNotContain("/activate?");

        assertThat(activation.activate(patron.getCardNumber(), "someone.else@example.edu", code.group(1), "chosen2026"))
                .isFalse();
        assertThat(activation.activate(patron.getCardNumber(), patron.getEmail(), "ABCD-EFGH", "chosen2026")).isFalse();
        assertThat(activation.activate(patron.getCardNumber(), patron.getEmail().toUpperCase(),
                code.group(1).toLowerCase(), "chosen2026")).isTrue();
        assertThat(identityService.checkPassword(patron.getCardNumber(), "chosen2026")).isTrue();
        // a code works once
        assertThat(activation.activate(patron.getCardNumber(), patron.getEmail(), code.group(1), "again2026")).isFalse();

        // guessing: after five wrong codes even the right one no longer works
        String fresh = activation.issueCode(patron.getId());
        for (int i = 0; i < PatronActivation.MAX_WRONG_CODES; i++) {
            assertThat(activation.activate(patron.getCardNumber(), patron.getEmail(), "WRNG-C0DE", "guess2026")).isFalse();
        }
        assertThat(activation.activate(patron.getCardNumber(), patron.getEmail(), fresh, "right2026")).isFalse();
        assertThat(identityService.checkPassword(patron.getCardNumber(), "chosen2026")).isTrue();
    }

    @Test
    void tasklistStartFormWithATakenCardNumberStoresNothing() {
        Patron existing = registration.register(applicant(PatronType.FACULTY, "zh"));
        support.passSavePoint(existing.getCardNumber());
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, Object> startForm = new HashMap<>();
        startForm.put(VAR_NAME, "重复的人");
        startForm.put(VAR_CARD_NUMBER, existing.getCardNumber());
        startForm.put(VAR_EMAIL, "other-" + System.nanoTime() + "@example.edu");
        startForm.put(VAR_PHONE, "13900000000");
        startForm.put(VAR_PATRON_TYPE, "FACULTY");
        startForm.put(VAR_COLLEGE, "数学学院");
        startForm.put(VAR_LANGUAGE, "zh");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, startForm))
                .hasMessageContaining("该工号/学号已注册 / This card number is already registered");
        startForm.put(VAR_CARD_NUMBER, "x!");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, startForm))
                .hasMessageContaining("工号/学号（cardNumber）：工号/学号应为 4–20 位字母或数字 / Card number (staff or "
                        + "student ID): The card number has 4 to 20 letters or digits");
        startForm.put(VAR_CARD_NUMBER, "T" + System.nanoTime() % 1_000_000_000L);
        startForm.put(VAR_PATRON_TYPE, "ALUMNUS");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, startForm))
                .hasMessageContaining("读者类型（patronType）：没有这种读者类型：ALUMNUS / Patron type: There is no"
                        + " patron type ALUMNUS");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);
        assertThat(identityService.createUserQuery().userFirstName("重复的人").count()).isZero();
    }
}
