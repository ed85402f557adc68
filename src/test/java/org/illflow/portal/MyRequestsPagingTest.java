package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * My requests a page at a time: 20 rows, newest first across document delivery and loans, every request on
 * exactly one page, links to the next and previous page; a page that does not exist is refused.
 */
@IllflowTest
class MyRequestsPagingTest {

    private static final String CARD = "PG20260001";
    private static final RequestPostProcessor PATRON = user(CARD).roles("PATRON");
    private static final Pattern ROW = Pattern.compile("href=\"/requests/((?:DD|ILL)-PG-\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    /** 45 article requests and 5 book requests, one a day, a book every tenth day; DD-PG-50 … the newest. */
    @BeforeEach
    void fiftyRequests() {
        if (jdbc.queryForObject("select count(*) from document_delivery_request where patron_card_number = ?",
                Integer.class, CARD) > 0) {
            return;
        }
        Instant start = Instant.parse("2024-01-01T08:00:00Z");
        for (int i = 1; i <= 50; i++) {
            Timestamp at = Timestamp.from(start.plusSeconds(86_400L * i));
            if (i % 10 == 0) {
                jdbc.update("insert into loan_request (request_number, patron_card_number, patron_type, college, title,"
                        + " status, submitted_at, submitted_by, updated_at) values (?, ?, 'PHD_STUDENT', '化学化工学院', ?,"
                        + " 'COMPLETED', ?, ?, ?)", "ILL-PG-" + i, CARD, "Book " + i, at, CARD, at);
            } else {
                jdbc.update("insert into document_delivery_request (request_number, patron_card_number, patron_type,"
                        + " college, genre, title, status, submitted_at, submitted_by, updated_at) values (?, ?,"
                        + " 'PHD_STUDENT', '化学化工学院', 'ARTICLE', ?, 'DELIVERED', ?, ?, ?)",
                        "DD-PG-" + i, CARD, "Article " + i, at, CARD, at);
            }
        }
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(PATRON)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> numbers(String page) {
        List<String> numbers = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    @Test
    void twentyAPageNewestFirstAcrossBothKindsEachRequestOnce() throws Exception {
        String first = page("/requests");
        String second = page("/requests?page=2");
        String third = page("/requests?page=3");

        assertThat(numbers(first)).hasSize(20).startsWith("ILL-PG-50", "DD-PG-49", "DD-PG-48")
                .contains("ILL-PG-40").doesNotContain("ILL-PG-20").endsWith("DD-PG-31");
        assertThat(numbers(second)).hasSize(20).startsWith("ILL-PG-30").contains("ILL-PG-20").endsWith("DD-PG-11");
        assertThat(numbers(third)).containsExactly("ILL-PG-10", "DD-PG-9", "DD-PG-8", "DD-PG-7", "DD-PG-6", "DD-PG-5",
                "DD-PG-4", "DD-PG-3", "DD-PG-2", "DD-PG-1");
        List<String> all = new ArrayList<>(numbers(first));
        all.addAll(numbers(second));
        all.addAll(numbers(third));
        assertThat(all).hasSize(50).doesNotHaveDuplicates();

        assertThat(first).contains("第 1 页，共 3 页（50 条申请）").contains("href=\"/requests?page=2\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(second).contains("href=\"/requests?page=1\"").contains("href=\"/requests?page=3\"");
        assertThat(third).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void aPageThatDoesNotExistIsRefused() throws Exception {
        mvc.perform(get("/requests?page=4").with(PATRON)).andExpect(status().isNotFound());
        mvc.perform(get("/requests?page=0").with(PATRON)).andExpect(status().isBadRequest());
        mvc.perform(get("/requests?page=-1").with(PATRON)).andExpect(status().isBadRequest());
        mvc.perform(get("/requests?page=zwei").with(PATRON)).andExpect(status().isBadRequest());
    }

    @Test
    void aPatronWithoutRequestsSeesOnePageWithoutPager() throws Exception {
        String page = mvc.perform(get("/requests").with(user("PG20269999").roles("PATRON")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(numbers(page)).isEmpty();
        assertThat(page).doesNotContain("class=\"pager\"");
    }
}
