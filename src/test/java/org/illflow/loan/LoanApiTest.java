package org.illflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.loan.InterlibraryLoanProcess.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The patron's JSON API for book requests: submit, list, detail, cancel, renew; and the staff's recall. */
@IllflowTest
class LoanApiTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");
    static final RequestPostProcessor EMMA = user("2025120002").roles("PATRON");
    static final RequestPostProcessor ILL_STAFF = user("illstaff").roles("STAFF", "ILL_STAFF");
    static final RequestPostProcessor DD_STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired TaskService taskService;
    @Autowired TestSupport support;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void finishLoans() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list().forEach(instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    private long storedRequests() {
        return jdbc.queryForObject("select count(*) from loan_request", Long.class);
    }

    private static Map<String, Object> book() {
        BookRequestForm form = LoanTestData.book();
        Map<String, Object> body = new HashMap<>();
        body.put("title", form.getTitle());
        body.put("authors", form.getAuthors());
        body.put("isbn", form.getIsbn());
        body.put("publisher", form.getPublisher());
        body.put("year", form.getYear());
        body.put("edition", form.getEdition());
        body.put("language", "zh");
        return body;
    }

    private String submit(RequestPostProcessor patron) throws Exception {
        String response = mvc.perform(post("/api/loan-requests").with(patron).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(book())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = json.readTree(response).get("requestNumber").asText();
        support.passSavePoint(number); // the job executor would run it a moment after the answer
        return number;
    }

    private void completeTask(String number, String taskKey, Map<String, Object> variables) {
        String id = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
                .singleResult().getId();
        taskService.complete(id, variables);
    }

    private void runJobs(String number) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** Borrowed from Fudan (1 renewal allowed) and checked out to the patron. */
    private String onLoan(RequestPostProcessor patron) throws Exception {
        String number = submit(patron);
        completeTask(number, TASK_REQUEST_FROM_LENDER, Map.of(VAR_REQUEST_OUTCOME, REQUESTED));
        completeTask(number, TASK_RECEIVE_BOOK, Map.of(VAR_RECEIVE_OUTCOME, RECEIVED));
        runJobs(number);
        completeTask(number, TASK_LEND_TO_PATRON, Map.of(VAR_ID_CHECKED, true));
        return number;
    }

    private ResultActions renew(String number, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/loan-requests/" + number + "/renew").with(who).with(csrf()));
    }

    @Test
    void aRepeatedCancelAnswers409WithTheReason() throws Exception {
        String number = submit(LI_MING);
        mvc.perform(post("/api/loan-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellable").value(false));
        mvc.perform(post("/api/loan-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("该申请已不能取消（图书已借出或申请已结束）。"));
    }

    @Test
    void aPatronSubmitsListsAndReadsTheirBookRequestWithItsTimeline() throws Exception {
        String number = submit(LI_MING);
        assertThat(number).matches("ILL-\\d{4}-\\d{6}");

        mvc.perform(get("/api/loan-requests").with(LI_MING))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].requestNumber").value(number));
        mvc.perform(get("/api/loan-requests/" + number).with(LI_MING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.isbn").value(org.hamcrest.Matchers.matchesPattern("978\\d{10}")))
                .andExpect(jsonPath("$.cancellable").value(true))
                .andExpect(jsonPath("$.renewable").value(false))
                .andExpect(jsonPath("$.timeline[0].event").value("SUBMITTED"))
                // the request-received mail is the first step after the save point, then the lenders are ranked
                .andExpect(jsonPath("$.timeline[1].event").value("NOTIFIED"))
                .andExpect(jsonPath("$.timeline[1].detail").value("ILL_RECEIVED"))
                .andExpect(jsonPath("$.timeline[2].event").value("LENDERS_RANKED"))
                // patrons do not see which librarian did what, nor what the library pays
                .andExpect(jsonPath("$.timeline[0].actor").doesNotExist())
                .andExpect(jsonPath("$.borrowingFee").doesNotExist());
        mvc.perform(get("/api/loan-requests/" + number).with(ILL_STAFF)).andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[0].actor").value("2024110001"));
        // document delivery staff are not inter-library loan staff: like any other user, they find nothing
        mvc.perform(get("/api/loan-requests/" + number).with(DD_STAFF)).andExpect(status().isNotFound());

        mvc.perform(post("/api/loan-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellable").value(false));
    }

    @Test
    void anInvalidIsbnOrMissingTitleIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = storedRequests();
        Map<String, Object> bad = book();
        bad.put("isbn", "978-7-5053-9013-0");
        bad.put("title", " ");
        bad.put("year", 2999);
        String zh = mvc.perform(post("/api/loan-requests").with(LI_MING).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("\"field\":\"isbn\"", "\"field\":\"title\"", "\"field\":\"year\"")
                .contains("ISBN 无效").contains("请填写书名");

        String en = mvc.perform(post("/api/loan-requests").with(LI_MING).with(csrf())
                        .cookie(new Cookie("illflow-lang", "en"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Please give the title of the book").contains("ISBN");

        Map<String, Object> onlyIsbnWrong = book();
        onlyIsbnWrong.put("isbn", "7-5053-9013-8");
        mvc.perform(post("/api/loan-requests").with(LI_MING).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(onlyIsbnWrong)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("isbn"));
        mvc.perform(post("/api/loan-requests").with(LI_MING).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{not json")).andExpect(status().isBadRequest());
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void othersRequestsForgedNumbersMissingCsrfPendingPatronsAndAnonymousCallersGetNothing() throws Exception {
        String number = submit(LI_MING);
        mvc.perform(get("/api/loan-requests/" + number).with(EMMA)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/loan-requests/" + number + "/cancel").with(EMMA).with(csrf()))
                .andExpect(status().isNotFound());
        renew(number, EMMA).andExpect(status().isNotFound());
        mvc.perform(get("/api/loan-requests/ILL-2026-999999").with(LI_MING)).andExpect(status().isNotFound());
        mvc.perform(get("/api/loan-requests")).andExpect(status().isUnauthorized());
        long before = storedRequests();
        mvc.perform(post("/api/loan-requests").with(LI_MING).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(book()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/loan-requests").with(user("NOTAPATRON").roles("PATRON")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(book())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有已激活的读者才能提交借书申请。"));
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void renewalsAreRefusedWithAClearReasonWhenPendingBeyondTheLimitOrAfterTheReturn() throws Exception {
        String number = onLoan(LI_MING);
        mvc.perform(post("/api/loan-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该申请已不能取消（图书已借出或申请已结束）。"));
        mvc.perform(get("/api/loan-requests/" + number).with(LI_MING))
                .andExpect(jsonPath("$.status").value("ON_LOAN"))
                .andExpect(jsonPath("$.lender").value("FUDAN"))
                .andExpect(jsonPath("$.renewable").value(true))
                .andExpect(jsonPath("$.renewalsAllowed").value(1));

        renew(number, LI_MING).andExpect(status().isOk()).andExpect(jsonPath("$.renewalPending").value(true))
                .andExpect(jsonPath("$.renewable").value(false));
        renew(number, LI_MING).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("续借申请正在办理中，结果会通知您。"));
        String due = json.readTree(mvc.perform(get("/api/loan-requests/" + number).with(LI_MING)).andReturn()
                .getResponse().getContentAsString()).get("dueDate").asText();
        completeTask(number, TASK_ASK_LENDER_FOR_RENEWAL, Map.of(VAR_RENEWAL_OUTCOME, GRANTED,
                VAR_NEW_DUE_DATE, LocalDate.parse(due).plusDays(30).toString()));
        mvc.perform(get("/api/loan-requests/" + number).with(LI_MING))
                .andExpect(jsonPath("$.dueDate").value(LocalDate.parse(due).plusDays(30).toString()))
                .andExpect(jsonPath("$.renewalsUsed").value(1));

        // Fudan allows one renewal: the second is refused, in the patron's language
        renew(number, LI_MING).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("出借馆 FUDAN 只允许续借 1 次，本次借阅已用完续借次数。"));
        mvc.perform(post("/api/loan-requests/" + number + "/renew").with(LI_MING).with(csrf())
                        .cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The lending library FUDAN allows 1 renewal(s), and this loan "
                        + "has used them."));

        completeTask(number, TASK_CHECK_IN_RETURNED_BOOK, Map.of(VAR_BOOK_CHECKED, true));
        renew(number, LI_MING).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("图书已归还，无需续借。"));
        mvc.perform(get("/api/loan-requests/" + number).with(LI_MING))
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.overdueDays").value(0));
    }

    @Test
    void onlyInterLibraryLoanStaffRecordARecallAndItsDateMustBeEarlier() throws Exception {
        String number = onLoan(EMMA);
        String due = json.readTree(mvc.perform(get("/api/loan-requests/" + number).with(EMMA)).andReturn()
                .getResponse().getContentAsString()).get("dueDate").asText();
        String earlier = LocalDate.parse(due).minusDays(5).toString();
        String body = json.writeValueAsString(Map.of("dueDate", earlier, "reason", "wanted back for a reader"));

        mvc.perform(post("/api/loan-requests/" + number + "/recall").with(EMMA).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有馆际互借馆员可以登记召回。"));
        mvc.perform(post("/api/loan-requests/" + number + "/recall").with(DD_STAFF).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/loan-requests/" + number + "/recall").with(ILL_STAFF).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("dueDate", LocalDate.parse(due).plusDays(1).toString()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(due)));
        mvc.perform(post("/api/loan-requests/" + number + "/recall").with(ILL_STAFF).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dueDate\":\"not a date\"}"))
                .andExpect(status().isBadRequest());

        mvc.perform(post("/api/loan-requests/" + number + "/recall").with(ILL_STAFF).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dueDate").value(earlier))
                .andExpect(jsonPath("$.statusReason").value("wanted back for a reader"));
        mvc.perform(get("/api/loan-requests/" + number).with(EMMA))
                .andExpect(jsonPath("$.timeline[?(@.event == 'RECALLED')].detail").value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(earlier))));
    }
}
