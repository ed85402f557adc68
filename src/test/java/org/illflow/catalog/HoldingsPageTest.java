package org.illflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Admins import holdings files; bad rows are reported by line; nobody else may import. */
@IllflowTest
class HoldingsPageTest {

    private static final String HEADER = "publication_title\tprint_identifier\tonline_identifier\t"
            + "date_first_issue_online\tnum_first_vol_online\tnum_first_issue_online\tdate_last_issue_online\t"
            + "num_last_vol_online\tnum_last_issue_online\ttitle_url\tfirst_author\ttitle_id\tembargo_info\t"
            + "coverage_depth\tcoverage_notes\tpublisher_name\n";

    @Autowired MockMvc mvc;

    private static MockMultipartFile kbart(String name, String rows) {
        return new MockMultipartFile("file", name, "text/plain", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAdminImportsAKbartFileAndSeesTheBadRowByLine() throws Exception {
        String rows = "Page Test Journal\t1234-5679\t\t2001\t\t\t\t\t\thttps://ejournals.example.edu/ptj\t\tptj\t\t"
                + "fulltext\t\tPress\n"
                + "Broken Dates\t\t\tlast year\t\t\t\t\t\t\t\tbd\t\tfulltext\t\tPress\n";
        String page = mvc.perform(multipart("/admin/holdings").file(kbart("page-test.txt", rows))
                        .param("format", "KBART").with(csrf()).with(user("admin").roles("ADMIN", "STAFF"))
                        .cookie(new Cookie("illflow-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Imported 1 records from page-test.txt").contains("1 rows could not be imported")
                .contains("line 3");
    }

    @Test
    void aFileThatIsNotKbartIsRefusedClearly() throws Exception {
        MockMultipartFile notKbart = new MockMultipartFile("file", "notes.txt", "text/plain",
                "just some notes".getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/admin/holdings").file(notKbart).param("format", "KBART").with(csrf())
                        .with(user("admin").roles("ADMIN", "STAFF")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("无法读取该文件").contains("not a KBART file");
    }

    @Test
    void staffPatronsAndRequestsWithoutCsrfCannotImport() throws Exception {
        mvc.perform(multipart("/admin/holdings").file(kbart("x.txt", "")).param("format", "KBART").with(csrf())
                .with(user("ddstaff").roles("STAFF", "DD_STAFF"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/holdings").file(kbart("x.txt", "")).param("format", "KBART").with(csrf())
                .with(user("2024110001").roles("PATRON"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/holdings").file(kbart("x.txt", "")).param("format", "KBART")
                .with(user("admin").roles("ADMIN", "STAFF"))).andExpect(status().isForbidden());
    }
}
