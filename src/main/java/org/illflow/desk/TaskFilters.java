package org.illflow.desk;

import org.illflow.conversation.RequestMessages;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.lending.LendingProcess;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.security.IllflowGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters staff work from, created or brought up to date on every start (idempotent, found by
 * name): one per queue of each group, each showing on its cards which request a task is about (number, title,
 * patron, supplier or lender) and sorted by due date. A queue lists its own group's tasks only, claimed or not.
 */
@Component
@Order(1)
public class TaskFilters implements ApplicationRunner {

    /** A filter as staff see it: who may read it, what it lists, which variables its cards show. */
    record Queue(String name, String description, int priority, List<String> groups, TaskQuery query,
            Map<String, String> cardVariables) {
    }

    // Tasklist shows the first two on the card and the rest after "show more": number and patron first
    private static final Map<String, String> DD_CARD = card(CardVariables.REQUEST_NUMBER, "申请号 Request",
            CardVariables.PATRON_NAME, "读者 Patron", CardVariables.REQUEST_TITLE, "题名 Title",
            CardVariables.SUPPLIER_NAME, "供应方 Supplier", CardVariables.NEEDED_BY, "需要日期 Needed by",
            CardVariables.AT_RISK, "时限预警 At risk");
    private static final Map<String, String> ILL_CARD = card(CardVariables.REQUEST_NUMBER, "申请号 Request",
            CardVariables.PATRON_NAME, "读者 Patron", CardVariables.REQUEST_TITLE, "题名 Title",
            CardVariables.LENDER_NAME, "出借馆 Lender", CardVariables.NEEDED_BY, "需要日期 Needed by",
            CardVariables.AT_RISK, "时限预警 At risk");
    private static final Map<String, String> LOAN_CARD = card(CardVariables.REQUEST_NUMBER, "申请号 Request",
            CardVariables.PATRON_NAME, "读者 Patron", CardVariables.LOAN_DUE_DATE, "应还日期 Loan due",
            CardVariables.REQUEST_TITLE, "题名 Title", CardVariables.LENDER_NAME, "出借馆 Lender");
    private static final Map<String, String> LENDING_CARD = card(CardVariables.REQUEST_NUMBER, "借出申请号 Lending request",
            CardVariables.PARTNER_NAME, "借入馆 Borrowing library", CardVariables.REQUEST_TITLE, "题名 Title",
            CardVariables.LOAN_DUE_DATE, "应还日期 Due", CardVariables.NEEDED_BY, "需要日期 Needed by",
            CardVariables.AT_RISK, "时限预警 At risk");
    private static final Map<String, String> ANY_CARD = card(CardVariables.REQUEST_NUMBER, "申请号 Request",
            CardVariables.PATRON_NAME, "读者 Patron", CardVariables.REQUEST_TITLE, "题名 Title",
            CardVariables.SUPPLIER_NAME, "供应方 Supplier", CardVariables.LENDER_NAME, "出借馆 Lender",
            CardVariables.APPLICANT_NAME, "申请人 Applicant");
    private static final Map<String, String> UNREAD_CARD = card(CardVariables.REQUEST_NUMBER, "申请号 Request",
            CardVariables.PATRON_NAME, "读者 Patron", CardVariables.UNREAD_MESSAGES, "未读留言 Unread messages",
            CardVariables.REQUEST_TITLE, "题名 Title");
    private static final Map<String, String> REVIEW_CARD = card(CardVariables.APPLICANT_NAME, "申请人 Applicant",
            CardVariables.CARD_NUMBER, "工号/学号 Card number", CardVariables.COLLEGE, "学院 College");

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        queues().forEach(this::ensure);
    }

    List<Queue> queues() {
        List<String> staff = List.of(IllflowGroups.DD_STAFF, IllflowGroups.ILL_STAFF);
        List<String> dd = List.of(IllflowGroups.DD_STAFF);
        List<String> ill = List.of(IllflowGroups.ILL_STAFF);
        List<Queue> queues = new ArrayList<>();
        queues.add(new Queue("我的任务 / My tasks", "我已认领的任务 / Tasks I have claimed", -10, staff,
                byDueDate(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), ANY_CARD));
        queues.add(new Queue("我组的任务 / My group tasks", "我组尚未认领的任务 / Tasks offered to my groups, not yet claimed",
                0, staff, byDueDate(taskService.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")), ANY_CARD));
        queues.add(new Queue("文献传递·待订购 / DD: to order",
                "向供应方订购，或确认本馆馆藏 / Order from the supplier, or confirm the library's own copy", 1, dd,
                groupTasks(IllflowGroups.DD_STAFF, DocumentDeliveryProcess.KEY, DocumentDeliveryProcess.TASK_ORDER,
                        DocumentDeliveryProcess.TASK_CONFIRM_LOCAL_HOLDING), DD_CARD));
        queues.add(new Queue("文献传递·待收货 / DD: to receive", "等待供应方交付全文 / Waiting for the supplier's copy",
                2, dd, groupTasks(IllflowGroups.DD_STAFF, DocumentDeliveryProcess.KEY,
                        DocumentDeliveryProcess.TASK_RECEIVE), DD_CARD));
        queues.add(new Queue("馆际互借·待借入 / ILL: to borrow",
                "向出借馆申请并收书 / Request from the lender and receive the book", 3, ill,
                groupTasks(IllflowGroups.ILL_STAFF, InterlibraryLoanProcess.KEY,
                        InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER, InterlibraryLoanProcess.TASK_RECEIVE_BOOK,
                        InterlibraryLoanProcess.TASK_CONFIRM_LOCAL_HOLDING,
                        InterlibraryLoanProcess.TASK_RECEIVE_PARTNER_BOOK, InterlibraryLoanProcess.TASK_DECIDE_ON_RETRY),
                ILL_CARD));
        queues.add(new Queue("待取书 / Waiting for pickup", "书已到馆，等读者来取 / Books at the desk for their patrons",
                4, ill, groupTasks(IllflowGroups.ILL_STAFF, InterlibraryLoanProcess.KEY,
                        InterlibraryLoanProcess.TASK_LEND_TO_PATRON), ILL_CARD));
        queues.add(new Queue("待归还/逾期 / On loan, overdue",
                "借出、续借、退还出借馆 / On loan, renewals, sending books back", 5, ill,
                groupTasks(IllflowGroups.ILL_STAFF, InterlibraryLoanProcess.KEY,
                        InterlibraryLoanProcess.TASK_CHECK_IN_RETURNED_BOOK,
                        InterlibraryLoanProcess.TASK_ASK_LENDER_FOR_RENEWAL,
                        InterlibraryLoanProcess.TASK_RETURN_TO_LENDER,
                        InterlibraryLoanProcess.TASK_WITHDRAW_FROM_LENDER,
                        InterlibraryLoanProcess.TASK_CHECK_RETURN_WITH_PARTNER), LOAN_CARD));
        queues.add(new Queue("馆际互借·借出 / ILL: lending",
                "合作馆向本馆借书或索取复制件 / Partner libraries borrowing from us or asking for copies", 8, ill,
                groupTasks(IllflowGroups.ILL_STAFF, LendingProcess.KEY, LendingProcess.TASK_DECIDE,
                        LendingProcess.TASK_PULL_AND_SHIP, LendingProcess.TASK_SCAN_AND_SEND,
                        LendingProcess.TASK_ANSWER_CANCEL, LendingProcess.TASK_DECIDE_RENEWAL,
                        LendingProcess.TASK_CHECK_IN), LENDING_CARD));
        queues.add(new Queue("注册审核 / Registrations", "审核读者注册 / Review patron registrations", 6, staff,
                byDueDate(taskService.createTaskQuery().processDefinitionKey(PatronRegistrationProcess.KEY)
                        .taskDefinitionKey(PatronRegistrationProcess.TASK_REVIEW)
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
                REVIEW_CARD));
        // a patron wrote and nobody of the service has opened the request on the desk since (see RequestMessages)
        queues.add(new Queue("未读留言 / Unread messages",
                "读者留言尚未阅读的申请 / Requests with a patron's message nobody has read yet", 7, staff,
                byDueDate(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .processVariableValueEquals(RequestMessages.HAS_UNREAD_VARIABLE, true)), UNREAD_CARD));
        return queues;
    }

    private TaskQuery groupTasks(String group, String processKey, String... taskKeys) {
        return byDueDate(taskService.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKeyIn(taskKeys)
                .taskCandidateGroup(group).includeAssignedTasks());
    }

    /** Most urgent first: the patron's priority (a needed-by date), then the due date. */
    private static TaskQuery byDueDate(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private void ensure(Queue queue) {
        Filter filter = filterService.createFilterQuery().filterName(queue.name()).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(queue.name()).setOwner(null);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", queue.description());
        properties.put("priority", queue.priority());
        properties.put("refresh", true);
        properties.put("variables", queue.cardVariables().entrySet().stream()
                .map(v -> Map.of("name", v.getKey(), "label", v.getValue())).toList());
        filter.setQuery(queue.query()).setProperties(properties);
        filterService.saveFilter(filter);
        for (String group : queue.groups()) {
            grantRead(group, filter.getId());
        }
    }

    private void grantRead(String group, String filterId) {
        boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.FILTER).resourceId(filterId).list().stream()
                .anyMatch(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT && a.isPermissionGranted(Permissions.READ));
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private static Map<String, String> card(String... nameLabel) {
        Map<String, String> card = new LinkedHashMap<>();
        for (int i = 0; i < nameLabel.length; i += 2) {
            card.put(nameLabel[i], nameLabel[i + 1]);
        }
        return card;
    }
}
