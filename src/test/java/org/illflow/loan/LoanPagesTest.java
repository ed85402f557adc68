package org.illflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.loan.InterlibraryLoanProcess.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The portal's loan page: the patron asks for a renewal, inter-library loan staff record a recall. */
@IllflowTest
class LoanPagesTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");
    static final RequestPostProcessor ILL = user("illstaff").roles("STAFF", "ILL_STAFF");
    static final RequestPostProcessor DD = user("ddstaff").roles("STAFF", "DD_STAFF");

    @Autowired MockMvc mvc;
    @Autowired LoanRequests requests;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired TestSupport support;

    /** The patron's call has returned; the save point after it runs as the job executor would run it. */
    private LoanRequest submitted(LoanRequest request) {
        support.passSavePoint(request.getRequestNumber());
        return request;
    }

    private void complete(LoanRequest request, String taskKey, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskDefinitionKey(taskKey).singleResult().getId(), variables);
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aPatronAsksForARenewalAndStaffRecordARecallOnTheRequestPage() throws Exception {
        LoanRequest request = submitted(requests.submit(LoanTestData.book(), "2024110001"));
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, RECEIVED));
        support.executeDueJobs(); // the "collect your book" notice
        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
        String url = "/requests/" + request.getRequestNumber();
        try {
            String onLoan = page(url, LI_MING);
            assertThat(onLoan).contains("借阅中").contains("id=\"due-date\"").contains("id=\"renew\"")
                    .doesNotContain("id=\"recall-form\"");
            assertThat(page(url, ILL)).contains("id=\"recall-form\"");

            LocalDate due = requests.visibleTo(request.getRequestNumber(), "illstaff", true).getDueDate();
            mvc.perform(post(url + "/recall").with(LI_MING).with(csrf()).param("dueDate", due.minusDays(3).toString()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url + "/recall").with(DD).with(csrf()).param("dueDate", due.minusDays(3).toString()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url + "/recall").with(ILL).with(csrf()).param("dueDate", "not-a-date"))
                    .andExpect(status().is3xxRedirection());
            assertThat(requests.visibleTo(request.getRequestNumber(), "illstaff", true).getDueDate()).isEqualTo(due);
            mvc.perform(post(url + "/recall").with(ILL).with(csrf()).param("dueDate", due.minusDays(3).toString())
                    .param("reason", "requested by a reader of the lending library"))
                    .andExpect(status().is3xxRedirection());
            assertThat(requests.visibleTo(request.getRequestNumber(), "illstaff", true).getDueDate())
                    .isEqualTo(due.minusDays(3));

            mvc.perform(post(url + "/renew").with(LI_MING).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(requests.visibleTo(request.getRequestNumber(), "2024110001", false).isRenewalPending()).isTrue();
            // asking again while the first is pending is refused with the reason, and changes nothing
            var refused = mvc.perform(post(url + "/renew").with(LI_MING).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn();
            assertThat(refused.getFlashMap().get("notice").toString()).contains("续借");
            assertThat(page(url, LI_MING)).contains("已申请续借");
        } finally {
            // no loan of this test keeps running timers into other tests
            runtimeService.deleteProcessInstance(request.getProcessInstanceId(), "test finished");
        }
    }

    /**
     * The last pickup day is one date with one meaning: the request page, the API, the mail and the staff form
     * all show the last day the book may be collected, that day included (the deadline is the end of it).
     */
    @Test
    void theLastPickupDayIsTheSameDateOnThePageInTheApiInTheMailAndOnTheStaffForm() throws Exception {
        support.purgeMail();
        LoanRequest request = submitted(requests.submit(LoanTestData.book(), "2024110001"));
        complete(request, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        complete(request, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, RECEIVED));
        support.executeDueJobs();
        String lastDay = (String) runtimeService.getVariable(
                requests.visibleTo(request.getRequestNumber(), "illstaff", true).getProcessInstanceId(),
                VAR_LAST_PICKUP_DAY);
        LocalDate day = LocalDate.parse(lastDay);

        String page = page("/requests/" + request.getRequestNumber() + "?lang=zh", LI_MING);
        assertThat(page).contains("id=\"last-pickup-day\">" + day + "（含当日）")
                .doesNotContain(day.plusDays(1).toString());
        String api = mvc.perform(get("/api/loan-requests/" + request.getRequestNumber()).with(LI_MING))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"lastPickupDay\":\"" + day + "\"");
        assertThat(support.mails()).filteredOn(m -> org.illflow.support.MailText.subject(m)
                .contains(request.getRequestNumber()) && !org.illflow.support.MailText.isReceipt(m)).singleElement()
                .satisfies(m -> assertThat(org.illflow.support.MailText.body(m)).contains(day.toString())
                        .doesNotContain(day.plusDays(1).toString()));
        complete(request, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
    }
}
