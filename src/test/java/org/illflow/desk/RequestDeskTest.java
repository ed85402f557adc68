package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.Pdfs;
import org.illflow.delivery.ArticleRequestForm;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.loan.LoanTestData;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The request desk answers a patron's phone call: any request, open or finished, found by each thing a patron
 * may say, with its current task, who holds it and its whole timeline; the ready-made views; the CSV; and no
 * patron gets in.
 */
@IllflowTest
class RequestDeskTest {

    static final RequestPostProcessor STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor PATRON = user("2024110001").roles("PATRON");
    static final String LI_MING = "2024110001";

    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests deliveries;
    @Autowired LoanRequests loans;
    @Autowired RequestDesk desk;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TestSupport support;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        support.resetClock();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(InterlibraryLoanProcess.KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(STAFF)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void complete(String number, String taskKey, String user, String group, Map<String, Object> vars) {
        complete(taskService, identityService, number, taskKey, user, group, vars);
    }

    /** Claims and completes the request's open task as that staff member (shared with the other desk tests). */
    static void complete(TaskService taskService, IdentityService identityService, String number, String taskKey,
            String user, String group, Map<String, Object> vars) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
                .singleResult();
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static List<String> numbers(RequestDesk.DeskPage page) {
        return page.rows().stream().map(DeskRow::requestNumber).toList();
    }

    private static DeskQuery by(String field, String value) {
        Map<String, String> params = Map.of(field, value);
        return RequestDeskController.query(params);
    }

    @Test
    void aFinishedRequestIsFoundByEachThingThePatronMaySayWithItsWholeTimeline() throws Exception {
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest request = deliveries.submit(article, LI_MING);
        support.executeDueJobs();
        String number = request.getRequestNumber();
        complete(number, DocumentDeliveryProcess.TASK_ORDER, "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(DocumentDeliveryProcess.VAR_ORDER_OUTCOME, DocumentDeliveryProcess.ORDERED));
        ArchivedDocument copy = deliveries.receiveCopy(number, "NSTL", Pdfs.pdf(12), "ddstaff");
        complete(number, DocumentDeliveryProcess.TASK_RECEIVE, "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(DocumentDeliveryProcess.VAR_RECEIVE_OUTCOME, DocumentDeliveryProcess.DELIVERED,
                        DocumentDeliveryProcess.VAR_DOCUMENT_ID, copy.id()));
        support.executeDueJobs();

        assertThat(numbers(desk.search(by("number", number.toLowerCase())))).containsExactly(number);
        assertThat(numbers(desk.search(by("patron", LI_MING)))).contains(number);
        assertThat(numbers(desk.search(by("patron", "李明")))).contains(number);
        assertThat(numbers(desk.search(by("title", article.getTitle().substring(0, 30).toUpperCase()))))
                .contains(number);
        assertThat(numbers(desk.search(by("identifier", "https://doi.org/" + article.getDoi())))).containsExactly(number);
        assertThat(numbers(desk.search(by("identifier", "2434561x")))).contains(number);
        assertThat(numbers(desk.search(by("status", "DELIVERED")))).contains(number);
        assertThat(numbers(desk.search(by("partner", "nstl")))).contains(number);
        assertThat(numbers(desk.search(by("college", request.getCollege())))).contains(number);
        assertThat(numbers(desk.search(by("service", "DD")))).contains(number);
        assertThat(numbers(desk.search(by("service", "ILL")))).doesNotContain(number);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(numbers(desk.search(RequestDeskController.query(Map.of("from", today, "to", today, "number",
                number))))).containsExactly(number);
        assertThat(numbers(desk.search(RequestDeskController.query(Map.of("from", "2001-01-01", "to", "2001-12-31",
                "number", number))))).isEmpty();

        String detail = page("/staff/requests/" + number);
        assertThat(detail).contains(number, "已送达", "李明", "NSTL", "提交", "已向供应商下单", "全文已送达",
                "ddstaff", "没有待办任务");
        String list = page("/staff/requests?number=" + number);
        assertThat(list).contains("data-number=\"" + number + "\"", "共 1 条申请");
    }

    @Test
    void anOpenRequestShowsItsTaskWhoHoldsItAndALinkIntoTasklist() throws Exception {
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        Task order = taskService.createTaskQuery().processInstanceId(request.getProcessInstanceId()).singleResult();
        taskService.claim(order.getId(), "ddstaff");
        String list = page("/staff/requests?number=" + request.getRequestNumber() + "&lang=en");
        assertThat(list).contains("订购 Order from supplier · 国家科技图书文献中心", "held by ddstaff",
                "/camunda/app/tasklist/default/#/?task=" + order.getId());
        runtimeService.deleteProcessInstance(request.getProcessInstanceId(), "test finished", true);
    }

    @Test
    void theReadyMadeViewsFindPickupsOverdueLoansLateOrdersAndQuietRequests() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00+08:00").toInstant()));
        LoanRequest atDesk = loans.submit(LoanTestData.book(), LI_MING);
        support.executeDueJobs();
        complete(atDesk.getRequestNumber(), InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER, "illstaff",
                IllflowGroups.ILL_STAFF, Map.of(InterlibraryLoanProcess.VAR_REQUEST_OUTCOME,
                        InterlibraryLoanProcess.REQUESTED));
        LoanRequest waiting = loans.submit(LoanTestData.book(), LI_MING);
        support.executeDueJobs();
        complete(waiting.getRequestNumber(), InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER, "illstaff",
                IllflowGroups.ILL_STAFF, Map.of(InterlibraryLoanProcess.VAR_REQUEST_OUTCOME,
                        InterlibraryLoanProcess.REQUESTED));
        complete(atDesk.getRequestNumber(), InterlibraryLoanProcess.TASK_RECEIVE_BOOK, "illstaff",
                IllflowGroups.ILL_STAFF, Map.of(InterlibraryLoanProcess.VAR_RECEIVE_OUTCOME,
                        InterlibraryLoanProcess.RECEIVED));
        LoanRequest lent = loans.submit(LoanTestData.book(), LI_MING);
        support.executeDueJobs();
        complete(lent.getRequestNumber(), InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER, "illstaff",
                IllflowGroups.ILL_STAFF, Map.of(InterlibraryLoanProcess.VAR_REQUEST_OUTCOME,
                        InterlibraryLoanProcess.REQUESTED));
        complete(lent.getRequestNumber(), InterlibraryLoanProcess.TASK_RECEIVE_BOOK, "illstaff",
                IllflowGroups.ILL_STAFF, Map.of(InterlibraryLoanProcess.VAR_RECEIVE_OUTCOME,
                        InterlibraryLoanProcess.RECEIVED));
        support.executeDueJobs();
        complete(lent.getRequestNumber(), InterlibraryLoanProcess.TASK_LEND_TO_PATRON, "illstaff",
                IllflowGroups.ILL_STAFF, Map.of(InterlibraryLoanProcess.VAR_ID_CHECKED, true));

        assertThat(numbers(desk.search(DeskQuery.all().withView(DeskQuery.View.PICKUP))))
                .contains(atDesk.getRequestNumber()).doesNotContain(waiting.getRequestNumber(),
                        lent.getRequestNumber());
        assertThat(numbers(desk.search(DeskQuery.all().withView(DeskQuery.View.OVERDUE))))
                .doesNotContain(lent.getRequestNumber());
        assertThat(numbers(desk.search(DeskQuery.all().withView(DeskQuery.View.LATE))))
                .doesNotContain(waiting.getRequestNumber());

        // two months on: the loan is past its due date, the lender past its turnaround, the pickup untouched
        support.moveClock(Duration.ofDays(60));
        assertThat(numbers(desk.search(DeskQuery.all().withView(DeskQuery.View.OVERDUE))))
                .contains(lent.getRequestNumber());
        assertThat(numbers(desk.search(DeskQuery.all().withView(DeskQuery.View.LATE))))
                .contains(waiting.getRequestNumber()).doesNotContain(atDesk.getRequestNumber());
        assertThat(numbers(desk.search(DeskQuery.all().withView(DeskQuery.View.QUIET))))
                .contains(waiting.getRequestNumber(), atDesk.getRequestNumber())
                .doesNotContain(lent.getRequestNumber());
    }

    @Test
    void theResultDownloadsAsCsvAndBadInputIsRefusedWithAMessage() throws Exception {
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        byte[] csv = mvc.perform(get("/staff/requests.csv?number=" + request.getRequestNumber()).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF申请号,").contains(request.getRequestNumber(), "已提交", "李明");

        String bad = mvc.perform(get("/staff/requests?from=yesterday&lang=en").with(STAFF))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("from must be a date like 2026-03-01");
        mvc.perform(get("/staff/requests?from=2026-03-02&to=2026-03-01").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/requests?view=everything").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/requests?page=-1").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/requests.csv?service=XYZ").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/requests/DD-1999-999999").with(STAFF)).andExpect(status().isNotFound());
        runtimeService.deleteProcessInstance(request.getProcessInstanceId(), "test finished", true);
    }

    /** Pages, totals and the CSV over both tables (the same check runs on PostgreSQL). */
    @Test
    void pagesWalkBothTablesInOneOrderAndCountBoth() {
        new DeskPagingCheck(desk, jdbc).run(LI_MING, "李明");
    }

    @Test
    void aPatronGetsNoDoor() throws Exception {
        for (String path : List.of("/staff/requests", "/staff/requests.csv", "/staff/requests/DD-2026-000001")) {
            mvc.perform(get(path).with(PATRON)).andExpect(status().isForbidden());
        }
    }
}
