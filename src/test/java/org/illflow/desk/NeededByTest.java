package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.illflow.delivery.ArticleRequestForm;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.loan.BookRequestForm;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.loan.LoanTestData;
import org.illflow.support.EndsItsInstances;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A patron's needed-by date: checked, stored, shown, raising the task's priority and flagging a request that cannot
 * be met in time; and the "request received" mail every recorded request gets once, also when its job is retried.
 */
@ExtendWith(EndsItsInstances.class)
@IllflowTest
class NeededByTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");
    static final RequestPostProcessor DD_STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");

    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests deliveries;
    @Autowired LoanRequests loans;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired TestSupport support;
    @Autowired Clock clock;

    @AfterEach
    void tearDown() {
        support.resetClock();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(InterlibraryLoanProcess.KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    private long requestCount() {
        return jdbc.queryForObject("select count(*) from document_delivery_request", Long.class);
    }

    private Task task(String number, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
    }

    @Test
    void aPastOrFarAwayDateIsRefusedNextToTheFieldAndNothingIsStored() throws Exception {
        long before = requestCount();
        for (LocalDate wrong : List.of(LocalDate.now().minusDays(1), LocalDate.now().plusDays(400))) {
            String page = mvc.perform(post("/requests/new/article").with(LI_MING).with(csrf())
                            .param("title", "Phonon transport in layered crystals").param("journal", "Carbon")
                            .param("year", "2020").param("subjectArea", "STM").param("language", "en")
                            .param("neededBy", wrong.toString()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("id=\"neededBy-help\"").contains("需要日期须为今天或以后，且不超过一年。")
                    .contains("aria-invalid=\"true\"");
        }
        mvc.perform(post("/api/loan-requests").with(LI_MING).with(csrf()).contentType("application/json")
                        .content("{\"title\":\"三体\",\"neededBy\":\"" + LocalDate.now().minusDays(3) + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void anUrgentRequestIsStoredShownFirstInItsQueueAndFlaggedWhenItCannotBeMet() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ArticleRequestForm relaxed = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest plain = deliveries.submit(relaxed, "2024110001");
        ArticleRequestForm urgent = DeliveryTestData.stmArticle();
        urgent.setNeededBy(today); // NSTL takes working days: cannot be met today
        DocumentDeliveryRequest hurried = deliveries.submit(urgent, "2024110001");
        support.passSavePoint(plain.getRequestNumber());
        support.passSavePoint(hurried.getRequestNumber());

        assertThat(hurried.getNeededBy()).isEqualTo(today);
        Task order = task(hurried.getRequestNumber(), DocumentDeliveryProcess.TASK_ORDER);
        Task plainOrder = task(plain.getRequestNumber(), DocumentDeliveryProcess.TASK_ORDER);
        assertThat(order.getPriority()).isEqualTo(100);
        assertThat(plainOrder.getPriority()).isEqualTo(50);
        assertThat(taskService.getVariableLocal(order.getId(), CardVariables.AT_RISK)).asString().contains("赶不上");
        assertThat(taskService.getVariableLocal(order.getId(), CardVariables.NEEDED_BY)).isEqualTo(today.toString());
        assertThat(taskService.getVariableLocal(plainOrder.getId(), CardVariables.AT_RISK)).isNull();

        // the order queue: the urgent one first
        List<String> queue = taskService.createTaskQuery().taskDefinitionKey(DocumentDeliveryProcess.TASK_ORDER)
                .orderByTaskPriority().desc().orderByDueDate().asc().list().stream()
                .map(Task::getProcessInstanceId).toList();
        assertThat(queue.indexOf(hurried.getProcessInstanceId())).isLessThan(queue.indexOf(plain.getProcessInstanceId()));

        // the patron's page, the desk and the order sheet show it; the desk flags it
        String mine = mvc.perform(get("/requests/" + hurried.getRequestNumber()).with(LI_MING))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("id=\"needed-by\"").contains(today.toString());
        String desk = mvc.perform(get("/staff/requests?number=" + hurried.getRequestNumber()).with(DD_STAFF))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains(today.toString()).contains("赶不上");
        String sheet = mvc.perform(get("/staff/dd/" + hurried.getRequestNumber() + "/order-sheet?supplier=NSTL")
                .with(DD_STAFF)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sheet).contains("\"neededBy\":\"" + today + "\"");

        // a loan needed in two months: higher than normal only when it comes closer; not flagged
        BookRequestForm book = LoanTestData.book();
        book.setNeededBy(today.plusDays(60));
        LoanRequest loan = loans.submit(book, "2024110001");
        support.passSavePoint(loan.getRequestNumber());
        Task request = task(loan.getRequestNumber(), InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER);
        assertThat(request.getPriority()).isEqualTo(50);
        assertThat(taskService.getVariableLocal(request.getId(), CardVariables.AT_RISK)).isNull();
    }

    @Test
    void theRequestReceivedMailGoesOutOnceWithTheNumberAlsoWhenItsJobIsRetried() throws Exception {
        support.purgeMail();
        ArticleRequestForm form = DeliveryTestData.stmArticle();
        form.setNeededBy(LocalDate.now(clock).plusDays(10));
        DocumentDeliveryRequest request = deliveries.submit(form, "2024110001");
        String number = request.getRequestNumber();
        Job savePoint = managementService.createJobQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
        managementService.executeJob(savePoint.getId());
        Job receipt = managementService.createJobQuery().processInstanceId(request.getProcessInstanceId())
                .activityId(DocumentDeliveryProcess.TASK_CONFIRM_RECEIPT).singleResult();
        assertThat(receipt).as("the receipt is the first step after the save point, a job of its own").isNotNull();

        int smtpPort = mailSender.getPort();
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            mailSender.setPort(closed.getLocalPort());
        }
        try {
            managementService.executeJob(receipt.getId());
        } catch (RuntimeException smtpAway) {
            assertThat(smtpAway).hasMessageContaining("could not be sent");
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(receipts(number)).isEmpty();
        assertThat(task(number, DocumentDeliveryProcess.TASK_ORDER)).as("the request waits for its mail").isNull();
        managementService.executeJob(receipt.getId()); // the retry
        support.executeDueJobs();

        List<MimeMessage> sent = receipts(number);
        assertThat(sent).hasSize(1);
        assertThat(MailText.to(sent.get(0))).contains("liming@stu.example.edu");
        assertThat(MailText.subject(sent.get(0))).isEqualTo("我们已收到您的申请：" + number);
        assertThat(MailText.body(sent.get(0))).contains(number).contains("您需要的日期");
        assertThat(jdbc.queryForObject("select count(*) from notice where subject_key = ? and kind = 'DD_RECEIVED'",
                Long.class, number)).isEqualTo(1);
        assertThat(deliveries.timelineOf(request)).filteredOn(e -> "DD_RECEIVED".equals(e.getDetail())).hasSize(1);
        assertThat(task(number, DocumentDeliveryProcess.TASK_ORDER)).as("and then went on").isNotNull();
    }

    private List<MimeMessage> receipts(String number) {
        return support.mails().stream().filter(MailText::isReceipt)
                .filter(m -> MailText.subject(m).contains(number)).toList();
    }
}
