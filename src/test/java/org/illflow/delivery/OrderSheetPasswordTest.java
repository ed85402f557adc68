package org.illflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.ORDERED;
import static org.illflow.delivery.DocumentDeliveryProcess.TASK_ORDER;
import static org.illflow.delivery.DocumentDeliveryProcess.VAR_ORDER_OUTCOME;
import static org.illflow.delivery.DocumentDeliveryProcess.VAR_SUPPLIER_CODE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A supplier's password is shown only to the staff member holding the open Order task of that request for that
 * supplier, and every reveal is recorded (who, when, which; not the password) for admins to read.
 */
@IllflowTest
class OrderSheetPasswordTest {

    static final RequestPostProcessor DD_STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor OTHER_DD_STAFF = user("ddstaff2").roles("STAFF", "DD_STAFF");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN", "STAFF");

    @Autowired MockMvc mvc;
    @Autowired DeliveryRequests requests;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.illflow.support.TestSupport support;

    private long reveals() {
        return jdbc.queryForObject("select count(*) from supplier_password_reveal", Long.class);
    }

    private org.springframework.test.web.servlet.ResultActions sheet(String number, String supplier,
            RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/staff/dd/" + number + "/order-sheet").param("supplier", supplier).with(who));
    }

    @Test
    void onlyTheHolderOfTheOrderTaskSeesThePasswordAndEachRevealIsRecorded() throws Exception {
        String number = requests.submit(DeliveryTestData.stmArticle(), "2024110001").getRequestNumber();
        support.passSavePoint(number);
        Task order = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(TASK_ORDER)
                .singleResult();
        String supplier = (String) taskService.getVariable(order.getId(), VAR_SUPPLIER_CODE);
        long before = reveals();

        // unclaimed: any document delivery staff member sees the order sheet, not the password
        sheet(number, supplier, DD_STAFF).andExpect(status().isOk())
                .andExpect(jsonPath("$.accountName").isNotEmpty())
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordWithheld").value(true));

        taskService.claim(order.getId(), "ddstaff");
        String shown = sheet(number, supplier, DD_STAFF).andExpect(status().isOk())
                .andExpect(jsonPath("$.password").isNotEmpty())
                .andExpect(jsonPath("$.passwordWithheld").value(false))
                .andReturn().getResponse().getContentAsString();
        String password = new com.fasterxml.jackson.databind.ObjectMapper().readTree(shown).get("password").asText();
        // another staff member, an admin, another supplier or a lender: nothing
        sheet(number, supplier, OTHER_DD_STAFF).andExpect(jsonPath("$.password").doesNotExist());
        sheet(number, supplier, ADMIN).andExpect(jsonPath("$.password").doesNotExist());
        String other = "CALIS".equals(supplier) ? "NSTL" : "CALIS";
        sheet(number, other, DD_STAFF).andExpect(jsonPath("$.password").doesNotExist());
        sheet(number, "NLC", DD_STAFF).andExpect(jsonPath("$.password").doesNotExist());

        assertThat(reveals()).isEqualTo(before + 1);
        Map<String, Object> reveal = jdbc.queryForMap("select * from supplier_password_reveal order by id desc limit 1");
        assertThat(reveal).containsEntry("REVEALED_TO", "ddstaff").containsEntry("SUPPLIER_CODE", supplier)
                .containsEntry("REQUEST_NUMBER", number).containsEntry("TASK_ID", order.getId());
        assertThat(reveal.values()).noneMatch(v -> String.valueOf(v).contains(password));

        // once ordered the task is gone, and so is the password
        taskService.complete(order.getId(), Map.of(VAR_ORDER_OUTCOME, ORDERED));
        sheet(number, supplier, DD_STAFF).andExpect(jsonPath("$.password").doesNotExist());
        assertThat(reveals()).isEqualTo(before + 1);

        // admins read the record
        String page = mvc.perform(get("/admin/suppliers/password-reveals").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(number).contains("ddstaff");
        mvc.perform(get("/admin/suppliers/password-reveals").with(DD_STAFF)).andExpect(status().isForbidden());
    }
}
