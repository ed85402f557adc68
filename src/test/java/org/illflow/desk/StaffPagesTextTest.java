package org.illflow.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.Pdfs;
import org.illflow.delivery.ArticleRequestForm;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryStatus;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.loan.LoanStatus;
import org.illflow.loan.LoanTestData;
import org.illflow.patron.PatronStatus;
import org.illflow.patron.PatronType;
import org.illflow.security.IllflowGroups;
import org.illflow.support.EndsItsInstances;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page staff (and admins) work from, rendered in Chinese and in English with requests in many states on it:
 * no message key left unresolved ({@code ??key_zh_CN??}), no template expression left raw ({@code ${…}}) and no
 * code where staff should read a label (UPPER_SNAKE values such as {@code PHD_STUDENT} or {@code DD_DELIVERED}, or
 * a bare status name such as {@code ORDERED}) in the text a person reads.
 */
@ExtendWith(EndsItsInstances.class)
@IllflowTest
class StaffPagesTextTest {

    static final RequestPostProcessor DD_STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor ILL_STAFF = user("illstaff").roles("STAFF", "ILL_STAFF");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor LI_MING = user("2024110001").roles("PATRON");

    private static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final Set<String> CODES = Stream.of(DeliveryStatus.values(), LoanStatus.values(),
            PatronType.values(), PatronStatus.values()).flatMap(Stream::of).map(Enum::name).collect(Collectors.toSet());

    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests deliveries;
    @Autowired LoanRequests loans;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired TestSupport support;

    @AfterEach
    void tearDown() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(InterlibraryLoanProcess.KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
    }

    private void complete(String number, String taskKey, String user, String group, Map<String, Object> vars) {
        RequestDeskTest.complete(taskService, identityService, number, taskKey, user, group, vars);
    }

    @Test
    void noRawKeyExpressionOrCodeOnAnyStaffPageInChineseOrEnglish() throws Exception {
        // a delivered request (timeline with notices, cost, supplier), an urgent open one with a message, a loan
        ArticleRequestForm article = DeliveryTestData.stmArticle();
        DocumentDeliveryRequest delivered = deliveries.submit(article, "2024110001");
        support.passSavePoint(delivered.getRequestNumber());
        String done = delivered.getRequestNumber();
        complete(done, DocumentDeliveryProcess.TASK_ORDER, "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(DocumentDeliveryProcess.VAR_ORDER_OUTCOME, DocumentDeliveryProcess.ORDERED));
        ArchivedDocument copy = deliveries.receiveCopy(done, "NSTL", Pdfs.pdf(12), "ddstaff");
        complete(done, DocumentDeliveryProcess.TASK_RECEIVE, "ddstaff", IllflowGroups.DD_STAFF,
                Map.of(DocumentDeliveryProcess.VAR_RECEIVE_OUTCOME, DocumentDeliveryProcess.DELIVERED,
                        DocumentDeliveryProcess.VAR_DOCUMENT_ID, copy.id()));
        support.executeDueJobs();

        ArticleRequestForm urgentForm = DeliveryTestData.stmArticle();
        urgentForm.setNeededBy(LocalDate.now());
        DocumentDeliveryRequest urgent = deliveries.submit(urgentForm, "2024110001");
        support.executeDueJobs();
        mvc.perform(post("/requests/" + urgent.getRequestNumber() + "/messages").with(LI_MING).with(csrf())
                .param("text", "请尽快")).andExpect(status().isFound());
        LoanRequest loan = loans.submit(LoanTestData.book(), "2024110001");
        support.executeDueJobs();

        List<String> staffPages = new ArrayList<>(List.of("/", "/staff/requests", "/staff/requests?view=pickup",
                "/staff/requests?view=overdue", "/staff/requests?view=late", "/staff/requests?view=quiet",
                "/staff/requests?view=unread", "/staff/requests?status=DELIVERED", "/staff/requests/" + done,
                "/staff/requests/" + urgent.getRequestNumber(), "/staff/requests/" + loan.getRequestNumber(),
                "/requests/" + done, "/requests/" + urgent.getRequestNumber(),
                "/staff/dd/" + urgent.getRequestNumber() + "/order-sheet?supplier=NSTL",
                "/staff/reports", "/staff/reports/free?dims=service,month", "/staff/reports/free?dims=patron-type"));
        List<String> adminPages = List.of("/admin/outbox", "/admin/suppliers", "/admin/calendar", "/admin/holdings",
                "/admin/resources", "/admin/reports/import");
        Set<String> problems = new TreeSet<>();
        for (String language : List.of("zh", "en")) {
            for (String page : staffPages) {
                problems.addAll(problems(page, language, page.contains("/staff/requests/ILL") ? ILL_STAFF : DD_STAFF));
            }
            for (String page : adminPages) {
                problems.addAll(problems(page, language, ADMIN));
            }
        }
        assertThat(problems).as("raw keys, expressions or codes on staff pages").isEmpty();
    }

    private List<String> problems(String path, String language, RequestPostProcessor who) throws Exception {
        String html = mvc.perform(get(path).param("lang", language).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        if (html.contains("??")) {
            int at = html.indexOf("??");
            found.add(path + " [" + language + "] unresolved key: " + html.substring(Math.max(0, at - 40),
                    Math.min(html.length(), at + 60)));
        }
        if (html.contains("${")) {
            found.add(path + " [" + language + "] raw expression");
        }
        String text = visibleText(html);
        Matcher code = UPPER_SNAKE.matcher(text);
        while (code.find()) {
            found.add(path + " [" + language + "] code " + code.group());
        }
        for (String word : text.split("[^A-Za-z_]+")) {
            if (CODES.contains(word)) {
                found.add(path + " [" + language + "] code " + word);
            }
        }
        return found;
    }

    /** What a person reads: no scripts, styles or tags (attributes go with their tags); JSON as it is. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ");
    }
}
