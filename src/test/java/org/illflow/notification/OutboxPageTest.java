package org.illflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Admins read every notice in the outbox; nobody else may. */
@IllflowTest
class OutboxPageTest {

    @Autowired MockMvc mvc;
    @Autowired NotificationService notifications;

    @Test
    void anAdminSeesTheNoticeAndReadsItsMailEscaped() throws Exception {
        String subjectKey = "test:outbox-" + System.nanoTime();
        notifications.sendOnce(subjectKey, "REGISTRATION_REJECTED", () -> Notice.to("outbox@example.edu", "en",
                "registration-rejected", Map.of("patron", Map.of("name", "<script>alert(1)</script>",
                        "cardNumber", "X1", "statusReason", "no record"))));
        NoticeRecord record = notifications.about(subjectKey).get(0);

        String list = mvc.perform(get("/admin/outbox").with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(subjectKey).contains("outbox@example.edu").contains("SENT")
                .contains("Your inter-library loan and document delivery registration was not approved");

        String page = mvc.perform(get("/admin/outbox/" + record.getId()).with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("sandbox=\"\"").contains("srcdoc=").doesNotContain("<script>alert(1)</script>");

        mvc.perform(get("/admin/outbox/999999999").with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/outbox").with(user("ddstaff").roles("STAFF", "DD_STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox/" + record.getId()).with(user("2024110001").roles("PATRON")))
                .andExpect(status().isForbidden());
    }
}
