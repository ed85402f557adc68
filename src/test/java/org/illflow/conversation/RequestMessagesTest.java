package org.illflow.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.desk.DeskQuery;
import org.illflow.desk.RequestDesk;
import org.illflow.report.ReportQuery;
import org.illflow.report.ReportResult;
import org.illflow.report.Reports;
import org.illflow.support.EndsItsInstances;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Patron and staff write to each other on a request: stored, on the timeline, mailed to the other side in their
 * language, unread until the other side opens the request, listed on the desk and in Tasklist, counted in the
 * reports; everyone else is refused and nothing is stored.
 */
@ExtendWith(EndsItsInstances.class)
@IllflowTest
class RequestMessagesTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");
    static final RequestPostProcessor WANG_FANG = user("T2010003").roles("PATRON");
    static final RequestPostProcessor DD_STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor ILL_STAFF = user("illstaff").roles("STAFF", "ILL_STAFF");

    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests deliveries;
    @Autowired RequestMessages messages;
    @Autowired MessageMail mail;
    @Autowired RequestDesk desk;
    @Autowired Reports reports;
    @Autowired FilterService filterService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestSupport support;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired org.springframework.mail.javamail.JavaMailSenderImpl mailSender;
    @Autowired java.time.Clock clock;

    @AfterEach
    void tearDown() {
        support.resetClock();
    }

    private long messageCount() {
        return jdbc.queryForObject("select count(*) from request_message", Long.class);
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long messagesInReport() {
        LocalDate today = LocalDate.now(clock);
        ReportResult result = reports.run(ReportQuery.of(List.of("service"), today.withDayOfMonth(1), today, null));
        return result.rows().stream().filter(row -> "DD".equals(row.keys().get(0))).mapToLong(row -> row.messages())
                .sum();
    }

    private List<Task> unreadQueue(String group) {
        Filter filter = filterService.createFilterQuery().filterName("未读留言 / Unread messages").singleResult();
        identityService.setAuthentication("ddstaff", List.of(group));
        try {
            return filterService.list(filter.getId());
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void patronAndStaffWriteToEachOtherAndBothAreMailed() throws Exception {
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), "2024110001");
        support.passSavePoint(request.getRequestNumber());
        String number = request.getRequestNumber();
        long reported = messagesInReport();
        support.purgeMail();

        mvc.perform(post("/requests/" + number + "/messages").with(LI_MING).with(csrf())
                        .param("text", "请问大概几天能到？\r\n我 12 月 5 日答辩 <b>急</b>"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/requests/" + number + "#messages"));

        // to the desk: no one holds the Order task yet and no desk mailbox is set, so every dd-staff member
        List<MimeMessage> toStaff = support.mails();
        assertThat(toStaff).hasSize(1);
        assertThat(MailText.to(toStaff.get(0))).contains("dd@library.example.edu");
        assertThat(MailText.subject(toStaff.get(0))).contains("读者留言").contains(number).contains("李明");
        assertThat(MailText.body(toStaff.get(0))).contains("我 12 月 5 日答辩 &lt;b&gt;急&lt;/b&gt;")
                .contains("/staff/requests/" + number + "#messages");
        assertThat(jdbc.queryForObject("select count(*) from request_message where request_number = ?"
                + " and mailed_at is not null", Long.class, number)).isEqualTo(1);

        // on the timeline, unread on the desk and in Tasklist's queue
        assertThat(deliveries.timelineOf(request)).anyMatch(e -> e.getEvent().equals("MESSAGE_FROM_PATRON")
                && e.getActor().equals("2024110001") && e.getDetail().startsWith("请问大概几天能到？"));
        RequestDesk.DeskPage unread = desk.search(DeskQuery.all().withView(DeskQuery.View.UNREAD));
        assertThat(unread.rows()).anyMatch(row -> row.requestNumber().equals(number) && row.unreadMessages() == 1);
        assertThat(unreadQueue("dd-staff")).extracting(Task::getProcessInstanceId)
                .contains(request.getProcessInstanceId());
        assertThat(page("/staff/requests?view=unread", DD_STAFF)).contains(number);

        // staff of the other service read but do not answer, and their reading does not count
        assertThat(page("/staff/requests/" + number, ILL_STAFF)).contains("我 12 月 5 日答辩 &lt;b&gt;急&lt;/b&gt;");
        long before = messageCount();
        mvc.perform(post("/staff/requests/" + number + "/messages").with(ILL_STAFF).with(csrf()).param("text", "hi"))
                .andExpect(status().isForbidden());
        assertThat(messageCount()).isEqualTo(before);
        assertThat(desk.search(DeskQuery.all().withView(DeskQuery.View.UNREAD)).rows())
                .anyMatch(row -> row.requestNumber().equals(number));

        // document delivery staff open the request: read, off the queue and the view
        String deskPage = page("/staff/requests/" + number, DD_STAFF);
        assertThat(deskPage).contains("id=\"messages\"").contains("我 12 月 5 日答辩 &lt;b&gt;急&lt;/b&gt;")
                .doesNotContain("<b>急</b>");
        assertThat(desk.search(DeskQuery.all().withView(DeskQuery.View.UNREAD)).rows())
                .noneMatch(row -> row.requestNumber().equals(number));
        assertThat(unreadQueue("dd-staff")).extracting(Task::getProcessInstanceId)
                .doesNotContain(request.getProcessInstanceId());
        assertThat(runtimeService.getVariable(request.getProcessInstanceId(), RequestMessages.UNREAD_VARIABLE))
                .isEqualTo(0L);

        // staff answer: the patron gets it in Chinese, their language, with the link to the request
        support.purgeMail();
        mvc.perform(post("/staff/requests/" + number + "/messages").with(DD_STAFF).with(csrf())
                        .param("text", "已向国家科技图书文献中心订购，一般 3 个工作日内送达。"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff/requests/" + number + "#messages"));
        List<MimeMessage> toPatron = support.mails();
        assertThat(toPatron).hasSize(1);
        assertThat(MailText.to(toPatron.get(0))).contains("liming@stu.example.edu");
        assertThat(MailText.subject(toPatron.get(0))).contains("图书馆就您的申请").contains(number);
        assertThat(MailText.body(toPatron.get(0))).contains("一般 3 个工作日内送达").contains("文献传递 张老师")
                .contains("/requests/" + number + "#messages");

        // the patron's page shows the whole conversation; the library's answer is now read
        String patronPage = page("/requests/" + number, LI_MING);
        assertThat(patronPage).contains("一般 3 个工作日内送达").contains("我 12 月 5 日答辩 &lt;b&gt;急&lt;/b&gt;")
                .contains("name=\"_csrf\"");
        assertThat(messages.conversation(messages.find(number).orElseThrow()))
                .allMatch(m -> m.readAt() != null);
        assertThat(messagesInReport()).isEqualTo(reported + 2);
    }

    @Test
    void anotherPatronsRequestIsNotFoundAndBadMessagesStoreNothing() throws Exception {
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), "2024110001");
        String number = request.getRequestNumber();
        long before = messageCount();

        mvc.perform(post("/requests/" + number + "/messages").with(WANG_FANG).with(csrf()).param("text", "hello"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/requests/" + number).with(WANG_FANG)).andExpect(status().isNotFound());
        mvc.perform(post("/requests/DD-1999-000001/messages").with(LI_MING).with(csrf()).param("text", "hello"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/requests/" + number + "/messages").with(LI_MING).param("text", "no token"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/requests/" + number + "/messages").with(LI_MING).with(csrf()).param("text", " \n\t "))
                .andExpect(status().isFound()).andExpect(flash().attribute("messageError", "message.empty"));
        mvc.perform(post("/requests/" + number + "/messages").with(LI_MING).with(csrf())
                        .param("text", "长".repeat(2001)))
                .andExpect(status().isFound()).andExpect(flash().attribute("messageError", "message.tooLong"));
        mvc.perform(post("/api/requests/" + number + "/messages").with(WANG_FANG).with(csrf())
                        .contentType("application/json").content("{\"text\":\"hello\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/requests/" + number + "/messages").with(LI_MING).with(csrf())
                        .contentType("application/json").content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest());
        assertThat(messageCount()).isEqualTo(before);
        assertThat(deliveries.timelineOf(request)).noneMatch(e -> e.getEvent().startsWith("MESSAGE"));

        // the API writes like the page does
        mvc.perform(post("/api/requests/" + number + "/messages").with(LI_MING).with(csrf())
                        .contentType("application/json").content("{\"text\":\"via the API\"}"))
                .andExpect(status().isCreated());
        assertThat(messageCount()).isEqualTo(before + 1);
    }

    @Test
    void aMailThatCouldNotGoOutIsSentByTheSweepOnce() throws Exception {
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), "2024110001");
        String number = request.getRequestNumber();
        int smtpPort = mailSender.getPort();
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            mailSender.setPort(closed.getLocalPort()); // nobody accepts there: the SMTP server is away
        }
        try {
            mvc.perform(post("/requests/" + number + "/messages").with(LI_MING).with(csrf()).param("text", "还在吗"))
                    .andExpect(status().isFound());
        } finally {
            mailSender.setPort(smtpPort);
        }
        support.purgeMail();
        Long id = jdbc.queryForObject("select id from request_message where request_number = ?", Long.class, number);
        assertThat(jdbc.queryForObject("select mail_attempts from request_message where id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(mail.sendDue()).as("not due before its retry time").isZero();

        support.moveClock(java.time.Duration.ofMinutes(6));
        mail.sendDue();
        mail.sendDue();
        assertThat(support.mails()).filteredOn(m -> MailText.subject(m).contains(number)).hasSize(1);
        assertThat(jdbc.queryForObject("select mailed_at is not null from request_message where id = ?",
                Boolean.class, id)).isTrue();
    }
}
