package org.illflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.loan.InterlibraryLoanProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.illflow.report.Dimension;
import org.illflow.report.ReportQuery;
import org.illflow.report.ReportRow;
import org.illflow.report.Reports;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Loans the loan feature really records show up in the statistics as inter-library loan. */
@IllflowTest
class LoanReportTest {

    static final String PATRON = "T2010003";

    @Autowired LoanRequests requests;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired Reports reports;
    @Autowired TestSupport support;
    @Autowired Clock clock;

    private ReportRow illRowOfPatron() {
        LocalDate today = LocalDate.now(clock);
        return reports.run(new ReportQuery(List.of(Dimension.SERVICE, Dimension.PATRON), today, today)).rows()
                .stream().filter(r -> r.keys().equals(List.of("ILL", PATRON))).findFirst()
                .orElse(null);
    }

    /** The patron's call has returned; the save point after it runs as the job executor would run it. */
    private LoanRequest submitted(LoanRequest request) {
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private void complete(LoanRequest request, String taskKey, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(taskKey).singleResult().getId(), variables);
    }

    @Test
    void aBookThatArrivedCountsAsAFilledLoanRequestOfItsPatron() {
        ReportRow before = illRowOfPatron();
        long requestsBefore = before == null ? 0 : before.requests();
        long filledBefore = before == null ? 0 : before.filled();

        LoanRequest request = submitted(requests.submit(LoanTestData.book(), PATRON));
        try {
            assertThat(illRowOfPatron().requests()).isEqualTo(requestsBefore + 1);
            complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
            complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, RECEIVED));

            ReportRow after = illRowOfPatron();
            assertThat(after.requests()).isEqualTo(requestsBefore + 1);
            assertThat(after.filled()).isEqualTo(filledBefore + 1);
            assertThat(after.medianDays()).isNotNull();
        } finally {
            runtimeService.deleteProcessInstance(request.getProcessInstanceId(), "test finished");
        }
    }
}
