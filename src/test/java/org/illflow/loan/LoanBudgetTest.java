package org.illflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.illflow.patron.PatronRegistration;
import org.illflow.patron.PatronType;
import org.illflow.patron.RegistrationForm;
import org.illflow.request.OverLimit;
import org.illflow.request.PatronLimits;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.MailText;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The budget check before any lender is asked (Task_CheckLimits of the loan process): a patron whose spending
 * has reached the year's budget goes to an admin, who approves (lenders are asked) or refuses (the patron is
 * told why); with the library refusing, a request already past the save point is refused by the process.
 */
@IllflowTest
class LoanBudgetTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired LoanRequests requests;
    @Autowired PatronLimits limits;
    @Autowired PatronRegistration registration;
    @Autowired TestSupport support;

    private String card;
    private String college;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        support.purgeMail();
        card = "LL" + System.nanoTime() % 1_000_000_000L;
        college = "借书预算学院 " + card;
        RegistrationForm form = new RegistrationForm();
        form.setCardNumber(card);
        form.setName("预算 " + card);
        form.setEmail(card.toLowerCase() + "@example.edu");
        form.setPhone("13900000000");
        form.setPatronType(PatronType.MASTER_STUDENT);
        form.setCollege(college);
        form.setLanguage("zh");
        registration.enrolApproved(form, "budget2026", "test");
    }

    private final List<String> started = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        // requests left waiting would only crowd the task lists of later tests
        started.forEach(number -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .list().forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "test finished", true)));
        limits.overBudget(OverLimit.APPROVAL);
    }

    private LoanRequest submitted() {
        LoanRequest request = requests.submit(LoanTestData.book(), card);
        started.add(request.getRequestNumber());
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private Task task(LoanRequest request, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(key).singleResult();
    }

    private void decide(LoanRequest request, boolean approved) {
        Task task = task(request, TASK_APPROVE_OVER_LIMIT);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(IllflowGroups.ADMINS)
                .count()).isEqualTo(1);
        identityService.setAuthentication("admin", List.of(IllflowGroups.ADMINS));
        try {
            taskService.claim(task.getId(), "admin");
            taskService.complete(task.getId(), Map.of(VAR_OVER_LIMIT_APPROVED, approved));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private LoanRequest reload(LoanRequest request) {
        return requests.visibleTo(request.getRequestNumber(), "illstaff", true);
    }

    @Test
    void aBudgetOfOneFenIsNotSpentButABudgetOfNothingIsAndTheAdminDecides() {
        limits.save(PatronType.MASTER_STUDENT, college, null, null, new BigDecimal("0.01"));
        LoanRequest within = submitted();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(within.getProcessInstanceId())
                .singleResult()).hasPassed(TASK_CHECK_LIMITS, GATEWAY_WITHIN_LIMITS).isWaitingAt(TASK_REQUEST_FROM_LENDER);

        limits.save(PatronType.MASTER_STUDENT, college, null, null, BigDecimal.ZERO);
        LoanRequest approved = submitted();
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(approved.getProcessInstanceId())
                .singleResult();
        assertThat(instance).isWaitingAt(TASK_APPROVE_OVER_LIMIT);
        assertThat((String) runtimeService.getVariable(approved.getProcessInstanceId(), VAR_LIMITS_REASON))
                .contains("经费预算").contains("0.00");
        decide(approved, true);
        assertThat(instance).hasPassed(GATEWAY_OVER_LIMIT_APPROVED).isWaitingAt(TASK_REQUEST_FROM_LENDER);

        LoanRequest refused = submitted();
        decide(refused, false);
        support.executeDueJobs();
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(refused.getProcessInstanceId()).activityId(END_LIMIT_REFUSED).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(refused.getProcessInstanceId())
                .count()).isZero();
        assertThat(reload(refused).getStatus()).isEqualTo(LoanStatus.REJECTED);
        assertThat(reload(refused).getStatusReason()).contains("经费预算");
        assertThat(support.mails()).filteredOn(m -> MailText.subject(m).contains(refused.getRequestNumber())
                && !MailText.isReceipt(m))
                .singleElement().satisfies(m -> assertThat(MailText.body(m)).contains("超出图书馆的限额"));
    }

    @Test
    void withTheLibraryRefusingARequestPastTheSavePointIsRefusedByTheProcess() {
        LoanRequest request = requests.submit(LoanTestData.book(), card);
        started.add(request.getRequestNumber());
        limits.save(PatronType.MASTER_STUDENT, college, null, null, BigDecimal.ZERO);
        limits.overBudget(OverLimit.REFUSE);
        support.passSavePoint(request.getRequestNumber());
        support.executeDueJobs();
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(request.getProcessInstanceId()).activityId(TASK_RECORD_LIMIT_REFUSED).count())
                .isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(request.getProcessInstanceId()).activityId(TASK_APPROVE_OVER_LIMIT).count())
                .isZero();
        assertThat(reload(request).getStatus()).isEqualTo(LoanStatus.REJECTED);
        assertThat(reload(request).getClosedAt()).isNotNull();
    }
}
