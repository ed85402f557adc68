package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.loan.LoanTestData;
import org.illflow.model.ProcessModels;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.security.IllflowGroups;
import org.illflow.supplier.SupplierCatalog;
import org.illflow.supplier.WorkingDays;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every staff task gets its due date (and follow-up date) from the settings and the partner's terms, counted in
 * working days; the Tasklist queues list only their group's tasks, soonest due first, with the request on the card.
 * The clock starts on a Friday, so a target of one working day falls on Monday.
 */
@IllflowTest
class TaskDeadlinesTest {

    static final String LI_MING = "2024110001";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired DeliveryRequests deliveries;
    @Autowired LoanRequests loans;
    @Autowired PatronRegistration registration;
    @Autowired SupplierCatalog suppliers;
    @Autowired DeskSettings settings;
    @Autowired TaskDeadlines deadlines;
    @Autowired TestSupport support;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        support.resetClock();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(InterlibraryLoanProcess.KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    private static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(shanghai(localDateTime)));
    }

    private Task task(String businessKey, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("task %s of %s", taskKey, businessKey).isNotNull();
        return task;
    }

    private void complete(String businessKey, String taskKey, String user, String group, Map<String, Object> vars) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task(businessKey, taskKey).getId(), vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void runJobs(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    @Test
    void documentDeliveryTasksAreDueByTheLibrarysTargetAndTheSuppliersTurnaround() {
        clockAt("2026-03-06T10:00");
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        String number = request.getRequestNumber();

        Task order = task(number, DocumentDeliveryProcess.TASK_ORDER);
        assertThat(order.getDueDate().toInstant()).as("order within 1 working day: Friday -> Monday")
                .isEqualTo(shanghai("2026-03-09T10:00"));
        assertThat(settings.getOrderWithinDays()).isEqualTo(1);
        // the card variables are there, the patron's name looked up from the record
        assertThat(taskService.getVariables(order.getId())).containsEntry("requestNumber", number)
                .containsEntry("patronName", "李明").containsEntry("supplierName", "国家科技图书文献中心")
                .containsKey("requestTitle");

        clockAt("2026-03-06T15:00");
        complete(number, DocumentDeliveryProcess.TASK_ORDER, "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(DocumentDeliveryProcess.VAR_ORDER_OUTCOME, DocumentDeliveryProcess.ORDERED));
        Task receive = task(number, DocumentDeliveryProcess.TASK_RECEIVE);
        int turnaround = suppliers.byCode("NSTL").orElseThrow().getTurnaroundDays();
        // the supplier's time starts when staff order from it (15:00), not while the Order task waited
        Instant expected = WorkingDays.after(shanghai("2026-03-06T15:00"), turnaround, SHANGHAI);
        assertThat(receive.getDueDate().toInstant()).as("the supplier's turnaround, in working days")
                .isEqualTo(expected)
                .isEqualTo(((Date) runtimeService.getVariable(request.getProcessInstanceId(),
                        DocumentDeliveryProcess.VAR_SUPPLIER_DUE_AT)).toInstant());
        assertThat(receive.getFollowUpDate().toInstant()).as("chase the supplier a working day before")
                .isEqualTo(WorkingDays.before(expected, 1, SHANGHAI));
        runtimeService.deleteProcessInstance(request.getProcessInstanceId(), "test finished", true);
    }

    @Test
    void loanTasksAreDueByTheLendersTurnaroundThePickupWindowAndTheLoansDueDate() {
        clockAt("2026-03-06T10:00");
        LoanRequest request = loans.submit(LoanTestData.book(), LI_MING);
        support.executeDueJobs();
        String number = request.getRequestNumber();
        assertThat(task(number, InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER).getDueDate().toInstant())
                .isEqualTo(shanghai("2026-03-09T10:00"));

        complete(number, InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER, "illstaff", IllflowGroups.ILL_STAFF,
                Map.of(InterlibraryLoanProcess.VAR_REQUEST_OUTCOME, InterlibraryLoanProcess.REQUESTED));
        Task receive = task(number, InterlibraryLoanProcess.TASK_RECEIVE_BOOK);
        int turnaround = suppliers.byCode("FUDAN").orElseThrow().getTurnaroundDays();
        assertThat(receive.getDueDate().toInstant())
                .isEqualTo(WorkingDays.after(shanghai("2026-03-06T10:00"), turnaround, SHANGHAI));
        assertThat(taskService.getVariables(receive.getId())).containsEntry("lenderName", "复旦大学图书馆")
                .containsEntry("patronName", "李明");

        clockAt("2026-03-09T09:00");
        complete(number, InterlibraryLoanProcess.TASK_RECEIVE_BOOK, "illstaff", IllflowGroups.ILL_STAFF,
                Map.of(InterlibraryLoanProcess.VAR_RECEIVE_OUTCOME, InterlibraryLoanProcess.RECEIVED));
        runJobs(request.getProcessInstanceId());
        Task lend = task(number, InterlibraryLoanProcess.TASK_LEND_TO_PATRON);
        assertThat(lend.getDueDate().toInstant()).as("the pickup window (7 days) ends with the 16th")
                .isEqualTo(shanghai("2026-03-17T00:00"));
        assertThat(lend.getFollowUpDate().toInstant()).isEqualTo(shanghai("2026-03-16T00:00"));

        clockAt("2026-03-10T11:00");
        complete(number, InterlibraryLoanProcess.TASK_LEND_TO_PATRON, "illstaff", IllflowGroups.ILL_STAFF,
                Map.of(InterlibraryLoanProcess.VAR_ID_CHECKED, true));
        Task checkIn = task(number, InterlibraryLoanProcess.TASK_CHECK_IN_RETURNED_BOOK);
        String loanDue = (String) runtimeService.getVariable(request.getProcessInstanceId(),
                InterlibraryLoanProcess.VAR_DUE_DATE);
        // four weeks would end on 6 April, a 清明节 holiday of the library's calendar: the loan is due the next
        // day the desk is open
        assertThat(loanDue).isEqualTo("2026-04-07");
        assertThat(checkIn.getDueDate().toInstant()).as("as the loan's due date ends")
                .isEqualTo(shanghai("2026-04-08T00:00"));
        assertThat(checkIn.getFollowUpDate().toInstant()).as("when the patron is reminded, 3 days before")
                .isEqualTo(shanghai("2026-04-04T00:00"));

        clockAt("2026-04-03T16:00");
        complete(number, InterlibraryLoanProcess.TASK_CHECK_IN_RETURNED_BOOK, "illstaff", IllflowGroups.ILL_STAFF,
                Map.of(InterlibraryLoanProcess.VAR_BOOK_CHECKED, true));
        runJobs(request.getProcessInstanceId());
        assertThat(task(number, InterlibraryLoanProcess.TASK_RETURN_TO_LENDER).getDueDate().toInstant())
                .as("desk work within 2 working days: Friday -> Wednesday (Monday 6 April is 清明节)")
                .isEqualTo(shanghai("2026-04-08T16:00"));
    }

    @Test
    void aRegistrationReviewIsDueWhenTheReviewersAreReminded() {
        clockAt("2026-03-06T10:00");
        RegistrationForm form = new RegistrationForm();
        long n = System.nanoTime() % 1_000_000_000L;
        form.setName("期限读者" + n);
        form.setCardNumber("D" + n);
        form.setEmail("deadline" + n + "@stu.example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.PHD_STUDENT);
        form.setCollege("物理学院");
        form.setLanguage("zh");
        form.setPassword("secret2026");
        form.setPasswordConfirmation("secret2026");
        registration.register(form);
        support.executeDueJobs();
        Task review = task(form.getCardNumber(), PatronRegistrationProcess.TASK_REVIEW);
        assertThat(review.getDueDate().toInstant()).as("two working days after a Friday: Tuesday")
                .isEqualTo(shanghai("2026-03-10T10:00"));
        assertThat(taskService.getVariables(review.getId())).containsEntry("patronTypeLabel", "博士研究生 PhD student");
        runtimeService.deleteProcessInstance(review.getProcessInstanceId(), "test finished", true);
    }

    @Test
    void everyUserTaskOfEveryModelHasADeadlineRuleOfItsOwn() {
        List<String> userTasks = ProcessModels.bpmnFiles().stream()
                .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream())
                .map(UserTask::getId).distinct().toList();
        assertThat(userTasks).hasSizeGreaterThanOrEqualTo(10);
        assertThat(userTasks).as("add a rule for a new user task in desk.TaskDeadlines")
                .allMatch(deadlines::hasRuleFor);
    }

    @Test
    void eachQueueListsOnlyItsGroupsTasksSoonestDueFirst() {
        clockAt("2026-03-06T10:00");
        DocumentDeliveryRequest first = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        clockAt("2026-03-05T10:00");
        DocumentDeliveryRequest earlier = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        LoanRequest loan = loans.submit(LoanTestData.book(), LI_MING);
        support.executeDueJobs();

        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        List<String> ddFilters = filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
        assertThat(ddFilters).contains("我的任务 / My tasks", "文献传递·待订购 / DD: to order",
                "文献传递·待收货 / DD: to receive", "注册审核 / Registrations")
                .doesNotContain("馆际互借·待借入 / ILL: to borrow", "待取书 / Waiting for pickup");
        Filter toOrder = filterService.createFilterQuery().filterName("文献传递·待订购 / DD: to order").singleResult();
        List<Task> listed = filterService.list(toOrder.getId());
        assertThat(listed).allMatch(t -> t.getTaskDefinitionKey().equals(DocumentDeliveryProcess.TASK_ORDER)
                || t.getTaskDefinitionKey().equals(DocumentDeliveryProcess.TASK_CONFIRM_LOCAL_HOLDING));
        identityService.clearAuthentication();
        List<String> keys = listed.stream().map(t -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey()).toList();
        assertThat(keys).contains(first.getRequestNumber(), earlier.getRequestNumber())
                .doesNotContain(loan.getRequestNumber());
        assertThat(keys.indexOf(earlier.getRequestNumber())).as("soonest due first")
                .isLessThan(keys.indexOf(first.getRequestNumber()));
        assertThat(listed).extracting(Task::getDueDate).isSortedAccordingTo(Date::compareTo);

        identityService.setAuthentication("illstaff", List.of(IllflowGroups.ILL_STAFF));
        Filter toBorrow = filterService.createFilterQuery().filterName("馆际互借·待借入 / ILL: to borrow").singleResult();
        List<Task> borrow = filterService.list(toBorrow.getId());
        assertThat(borrow).isNotEmpty().allMatch(t -> t.getProcessDefinitionId()
                .startsWith(InterlibraryLoanProcess.KEY + ":"));
        assertThat(filterService.createFilterQuery().filterName("文献传递·待订购 / DD: to order").count()).isZero();
        identityService.clearAuthentication();
        for (DocumentDeliveryRequest r : List.of(first, earlier)) {
            runtimeService.deleteProcessInstance(r.getProcessInstanceId(), "test finished", true);
        }
    }
}
