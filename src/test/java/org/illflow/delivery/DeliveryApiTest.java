package org.illflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The patron's JSON API and the staff endpoints behind the Tasklist forms. */
@IllflowTest
class DeliveryApiTest {

    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");
    static final RequestPostProcessor EMMA = user("2025120002").roles("PATRON");
    static final RequestPostProcessor DD_STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor ILL_STAFF = user("illstaff").roles("STAFF", "ILL_STAFF");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired DeliveryRequests requests;
    @Autowired TaskService taskService;
    @Autowired TestSupport support;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.illflow.report.LegacyImport legacyImport;

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    private long storedRequests() {
        return jdbc.queryForObject("select count(*) from document_delivery_request", Long.class);
    }

    private long archivedDocuments() {
        return jdbc.queryForObject("select count(*) from archived_document", Long.class);
    }

    private String submit(Map<String, Object> body) throws Exception {
        String response = mvc.perform(post("/api/dd-requests").with(LI_MING).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = json.readTree(response).get("requestNumber").asText();
        support.passSavePoint(number); // the job executor would run it a moment after the answer
        return number;
    }

    private static Map<String, Object> article() {
        return Map.of("title", "A study of phonon transport " + System.nanoTime(), "journal", "Physical Review B",
                "issn", "2469-9950", "year", 2022, "pages", "045301-045312", "subjectArea", "STM", "language", "en");
    }

    @Test
    void aCancelThatComesTooLateAnswers409WithTheReasonOnTheApiAndThePage() throws Exception {
        String number = submit(article());
        mvc.perform(post("/api/dd-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellable").value(false));
        mvc.perform(post("/api/dd-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("该申请已不能取消（全文已送达或申请已结束）。"));

        // held locally and confirmed by staff: the request has ended, its status still says where the copy is
        Map<String, Object> inNature = new java.util.HashMap<>(article());
        inNature.putAll(Map.of("journal", "Nature", "issn", "0028-0836", "year", 2020));
        String held = submit(inNature);
        support.executeDueJobs();
        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(held)
                .taskDefinitionKey(TASK_CONFIRM_LOCAL_HOLDING).singleResult();
        taskService.complete(confirm.getId(), Map.of(VAR_HOLDING_ACCESSIBLE, true));
        mvc.perform(get("/api/dd-requests/" + held).with(LI_MING)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HELD_LOCALLY")).andExpect(jsonPath("$.cancellable").value(false));
        String page = mvc.perform(get("/requests/" + held).with(LI_MING)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("/requests/" + held + "/cancel");
        mvc.perform(post("/api/dd-requests/" + held + "/cancel").with(LI_MING).with(csrf())
                        .cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This request has ended and can no longer be cancelled."));
        String refused = mvc.perform(post("/requests/" + held + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
        assertThat(refused).isEqualTo("request.cancel.closed");
    }

    @Test
    void aPatronSubmitsListsAndReadsTheirRequestWithItsTimeline() throws Exception {
        String number = submit(article());

        mvc.perform(get("/api/dd-requests").with(LI_MING))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].requestNumber").value(number));
        mvc.perform(get("/api/dd-requests/" + number).with(LI_MING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.cancellable").value(true))
                .andExpect(jsonPath("$.timeline[0].event").value("SUBMITTED"))
                // patrons do not see which librarian did what, nor internal costs
                .andExpect(jsonPath("$.timeline[0].actor").doesNotExist());
    }

    @Test
    void badCitationsAreRefusedFieldByFieldInTheCallersLanguageAndNothingIsStored() throws Exception {
        long before = storedRequests();
        Map<String, Object> bad = Map.of("title", "", "doi", "11.1000/x", "issn", "0317-8472", "isbn", "978-7-5053-9013-0",
                "year", 2999, "pages", "386-361");
        String zh = mvc.perform(post("/api/dd-requests").with(LI_MING).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("\"field\":\"title\"", "\"field\":\"doi\"", "\"field\":\"issn\"", "\"field\":\"isbn\"",
                "\"field\":\"year\"", "\"field\":\"pages\"").contains("请填写题名").contains("ISSN 无效");

        String en = mvc.perform(post("/api/dd-requests").with(LI_MING).with(csrf())
                        .cookie(new Cookie("illflow-lang", "en"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Please give the title").contains("This is not a valid DOI");

        mvc.perform(post("/api/dd-requests").with(LI_MING).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{not json")).andExpect(status().isBadRequest());
        assertThat(storedRequests()).isEqualTo(before);
    }

    @Test
    void requestsOfOthersForgedNumbersMissingCsrfAndAnonymousCallersGetNothing() throws Exception {
        String number = submit(article());
        mvc.perform(get("/api/dd-requests/" + number).with(EMMA)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/dd-requests/" + number + "/cancel").with(EMMA).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dd-requests/DD-2026-999999").with(LI_MING)).andExpect(status().isNotFound());
        mvc.perform(get("/api/dd-requests/' or 1=1 --").with(LI_MING)).andExpect(status().isNotFound());
        mvc.perform(get("/api/dd-requests")).andExpect(status().isUnauthorized());
        long before = storedRequests();
        mvc.perform(post("/api/dd-requests").with(LI_MING).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(article()))).andExpect(status().isForbidden());
        assertThat(storedRequests()).isEqualTo(before);
        mvc.perform(get("/api/dd-requests/" + number).with(DD_STAFF)).andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[0].actor").value("2024110001"));
    }

    @Test
    void theOrderSheetShowsThatTheOldSystemDeliveredTheSameArticleBefore() throws Exception {
        String title = "Soil carbon in terraced fields " + System.nanoTime();
        String csv = String.join(",", org.illflow.report.LegacyImport.COLUMNS) + "\n"
                + "OLD-" + System.nanoTime() + ",DD,2015-03-01,2015-03-04,FILLED,FACULTY,农学院,T001,CASHL,"
                + "Geoderma,,\"" + title + "\",2014,8.00,\n";
        assertThat(legacyImport.importCsv("old-system.csv", csv.getBytes(StandardCharsets.UTF_8)).stored()).isTrue();
        String number = submit(Map.of("title", title.toUpperCase(), "journal", "GEODERMA", "year", 2014,
                "subjectArea", "STM", "language", "en"));
        String supplier = (String) taskService.getVariable(taskService.createTaskQuery()
                .processInstanceBusinessKey(number).singleResult().getId(), VAR_SUPPLIER_CODE);
        mvc.perform(get("/staff/dd/" + number + "/order-sheet").param("supplier", supplier).with(DD_STAFF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveredBefore").value(org.hamcrest.Matchers.containsString("CASHL")))
                .andExpect(jsonPath("$.deliveredBefore").value(org.hamcrest.Matchers.containsString("2015-03-0")));
        // not served from the archive: there is no file
        mvc.perform(get("/api/dd-requests/" + number).with(LI_MING)).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void aPendingPatronCannotRequest() throws Exception {
        mvc.perform(post("/api/dd-requests").with(user("NOTAPATRON").roles("PATRON")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(article())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有已激活的读者才能提交申请。"));
    }

    @Test
    void staffUploadOnlyRealPdfsWithinTheLimitAndThePatronDownloadsTheDelivery() throws Exception {
        String number = submit(article());
        Task order = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(TASK_ORDER)
                .singleResult();
        taskService.complete(order.getId(), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        String supplier = (String) taskService.getVariable(taskService.createTaskQuery()
                .processInstanceBusinessKey(number).singleResult().getId(), VAR_SUPPLIER_CODE);

        // the order sheet shows the account to document delivery staff only
        mvc.perform(get("/staff/dd/" + number + "/order-sheet").param("supplier", supplier).with(DD_STAFF))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountName").isNotEmpty())
                .andExpect(jsonPath("$.password").isNotEmpty());
        mvc.perform(get("/staff/dd/" + number + "/order-sheet").param("supplier", supplier).with(ILL_STAFF))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/dd/" + number + "/order-sheet").param("supplier", supplier).with(LI_MING))
                .andExpect(status().isForbidden());

        long archived = archivedDocuments();
        MockMultipartFile text = new MockMultipartFile("file", "article.pdf", "application/pdf",
                "this is a text file renamed to .pdf".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/staff/dd/" + number + "/copy").file(text).param("supplier", supplier).with(DD_STAFF)
                .with(csrf())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PDF")));
        MockMultipartFile empty = new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]);
        mvc.perform(multipart("/staff/dd/" + number + "/copy").file(empty).param("supplier", supplier).with(DD_STAFF)
                .with(csrf())).andExpect(status().isBadRequest());
        MockMultipartFile huge = new MockMultipartFile("file", "huge.pdf", "application/pdf",
                new byte[50 * 1024 * 1024 + 1]); // one byte over the default limit
        mvc.perform(multipart("/staff/dd/" + number + "/copy").file(huge).param("supplier", supplier).with(DD_STAFF)
                .with(csrf())).andExpect(status().isBadRequest());
        assertThat(archivedDocuments()).isEqualTo(archived);
        Task receive = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(receive.getTaskDefinitionKey()).isEqualTo(TASK_RECEIVE);
        // completing as delivered without an uploaded PDF is refused; the task stays open
        identityService.setAuthentication("ddstaff", List.of(IllflowGroups.DD_STAFF));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(receive.getId(),
                Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, 123456789L))).hasMessageContaining("PDF");
        identityService.clearAuthentication();

        MockMultipartFile pdf = new MockMultipartFile("file", "article.pdf", "application/pdf",
                org.illflow.archive.Pdfs.pdf(4));
        String uploaded = mvc.perform(multipart("/staff/dd/" + number + "/copy").file(pdf).param("supplier", supplier)
                        .with(DD_STAFF).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pageCount").value(4))
                .andReturn().getResponse().getContentAsString();
        long documentId = json.readTree(uploaded).get("documentId").asLong();
        taskService.complete(receive.getId(), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, documentId));

        mvc.perform(get("/api/dd-requests/" + number).with(LI_MING)).andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.cancellable").value(false));
        String location = mvc.perform(get("/api/dd-requests/" + number + "/download").with(LI_MING))
                .andExpect(status().isSeeOther()).andReturn().getResponse().getHeader("Location");
        assertThat(location).matches("/downloads/[A-Za-z0-9_-]{40,}");
        mvc.perform(get(location).with(LI_MING)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get(location).with(EMMA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/dd-requests/" + number + "/download").with(EMMA)).andExpect(status().isNotFound());
        mvc.perform(post("/api/dd-requests/" + number + "/cancel").with(LI_MING).with(csrf()))
                .andExpect(status().isConflict());
    }
}
