package org.illflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.illflow.citation.Citation;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Download links: unguessable, the patron's own (and staff's), expiring by the engine clock. */
@IllflowTest
class DownloadLinksTest {

    @Autowired DocumentArchive archive;
    @Autowired DownloadLinks links;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private long document(String requestNumber) {
        return archive.store(Pdfs.pdf(1), ArchiveEntry.of(Citation.builder().title("Links").build(), "CASHL",
                BigDecimal.ZERO, requestNumber)).id();
    }

    private static Authentication user(String name, String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles).map(r -> "ROLE_" + r)
                        .toArray(String[]::new)));
    }

    @Test
    void tokensAre32RandomBytesInBase64Url() {
        long id = document("DD-2026-300001");
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(links.issue(id, "DD-2026-300001", "2024110001"));
        }
        assertThat(tokens).hasSize(20).allSatisfy(t -> assertThat(t).matches("[A-Za-z0-9_-]{43}"));
        assertThat(DownloadLinks.path("abc")).isEqualTo("/downloads/abc");
    }

    @Test
    void thePatronAndStaffGetTheDocumentOthersNothing() {
        long id = document("DD-2026-300002");
        String token = links.issue(id, "DD-2026-300002", "2024110001");

        LinkResolution own = links.resolve(token, user("2024110001", "PATRON"));
        assertThat(own.isFound()).isTrue();
        assertThat(own.document().id()).isEqualTo(id);
        assertThat(own.requestNumber()).isEqualTo("DD-2026-300002");
        for (Authentication staff : List.of(user("ddstaff", "STAFF", "DD_STAFF"), user("admin", "ADMIN", "STAFF"),
                user("root", "ADMIN"))) {
            assertThat(links.resolve(token, staff).isFound()).as(staff.getName()).isTrue();
        }

        assertThat(links.resolve(token, user("2024110002", "PATRON")).outcome())
                .isEqualTo(LinkResolution.Outcome.NOT_FOUND);
        // a patron id that merely contains the owner's is someone else
        assertThat(links.resolve(token, user("20241100011", "PATRON")).outcome())
                .isEqualTo(LinkResolution.Outcome.NOT_FOUND);
        assertThat(links.resolve(token, new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))).outcome())
                .isEqualTo(LinkResolution.Outcome.NOT_FOUND);
        assertThat(links.resolve(token, null).outcome()).isEqualTo(LinkResolution.Outcome.NOT_FOUND);
        // one character changed (a token that starts with "x" once made this forgery the token itself)
        String forged = (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
        assertThat(links.resolve(forged, user("2024110001", "PATRON")).outcome())
                .isEqualTo(LinkResolution.Outcome.NOT_FOUND);
        assertThat(links.resolve("../../etc/passwd", user("admin", "ADMIN")).outcome())
                .isEqualTo(LinkResolution.Outcome.NOT_FOUND);
    }

    @Test
    void aLinkExpiresAfterThirtyDaysByTheEngineClock() {
        long id = document("DD-2026-300003");
        Instant issued = Instant.now();
        ClockUtil.setCurrentTime(Date.from(issued));
        String token = links.issue(id, "DD-2026-300003", "2024110001");

        ClockUtil.setCurrentTime(Date.from(issued.plus(Duration.ofDays(30)).minusSeconds(1)));
        assertThat(links.resolve(token, user("2024110001", "PATRON")).isFound()).isTrue();

        ClockUtil.setCurrentTime(Date.from(issued.plus(Duration.ofDays(30))));
        assertThat(links.resolve(token, user("2024110001", "PATRON")).outcome())
                .isEqualTo(LinkResolution.Outcome.GONE);
        assertThat(links.resolve(token, user("ddstaff", "STAFF")).outcome()).isEqualTo(LinkResolution.Outcome.GONE);
        // that it existed is still nobody else's business
        assertThat(links.resolve(token, user("2024110002", "PATRON")).outcome())
                .isEqualTo(LinkResolution.Outcome.NOT_FOUND);
    }

    @Test
    void aLinkNeedsADocumentARequestAndAPatron() {
        long id = document("DD-2026-300004");
        assertThatThrownBy(() -> links.issue(Long.MAX_VALUE, "DD-2026-300004", "2024110001"))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> links.issue(id, " ", "2024110001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.issue(id, "DD-2026-300004", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
