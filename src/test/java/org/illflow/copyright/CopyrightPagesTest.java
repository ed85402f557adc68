package org.illflow.copyright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.illflow.request.OverLimit;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The admin page of the copyright rule and journal rules, and the copyright report (page and CSV). */
@IllflowTest
class CopyrightPagesTest {

    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    private static final RequestPostProcessor STAFF = user("ddstaff").roles("STAFF", "DD_STAFF");
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100_000);

    @Autowired MockMvc mvc;
    @Autowired CopyrightControl copyright;
    @Autowired TestSupport support;
    @Autowired org.illflow.catalog.HoldingsImport holdingsImport;

    @AfterEach
    void ruleOffAgain() {
        support.copyrightControl(false);
    }

    private String body(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void badInputIsShownAtItsFieldAndChangesNothingGoodInputIsKept() throws Exception {
        support.copyrightControl(true);
        String page = body(mvc.perform(post("/admin/copyright/rule").with(ADMIN).with(csrf())
                        .param("enabled", "true").param("warnAt", "7").param("copyLimit", "5")
                        .param("recentYears", "0").param("overLimit", "SOMETIMES"))
                .andExpect(status().isOk()));
        assertThat(page).contains("提醒阈值不能大于年度上限").contains("请填写 1–100 之间的整数")
                .contains("请选择超过上限时的处理方式");
        assertThat(copyright.rule().getWarnAt()).isEqualTo(5);
        assertThat(copyright.rule().getRecentYears()).isEqualTo(5);

        page = body(mvc.perform(post("/admin/copyright/journals").with(ADMIN).with(csrf())
                        .param("issn", "1234-5678").param("warnAt", "two"))
                .andExpect(status().isOk()));
        assertThat(page).contains("请填写整数，或留空");
        assertThat(copyright.journalRules()).noneMatch(j -> j.getIssn().equals("1234-5678"));

        // staff may read the report but not change the rule; no CSRF token, no change
        mvc.perform(get("/admin/copyright").with(STAFF)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/copyright/rule").with(ADMIN).param("enabled", "false").param("warnAt", "3")
                .param("copyLimit", "4").param("recentYears", "5").param("overLimit", "REFUSE"))
                .andExpect(status().isForbidden());
        assertThat(copyright.rule().isEnabled()).isTrue();

        mvc.perform(post("/admin/copyright/rule").with(ADMIN).with(csrf()).param("enabled", "true")
                .param("warnAt", "3").param("copyLimit", "4").param("recentYears", "5").param("overLimit", "REFUSE"))
                .andExpect(status().is3xxRedirection());
        assertThat(copyright.rule().getWarnAt()).isEqualTo(3);
        assertThat(copyright.rule().getCopyLimit()).isEqualTo(4);
        assertThat(copyright.rule().getOverLimit()).isEqualTo(OverLimit.REFUSE);

        mvc.perform(post("/admin/copyright/journals").with(ADMIN).with(csrf()).param("issn", "0028 0836")
                .param("eissn", "1476-4687").param("title", "Nature").param("copyLimit", "8"))
                .andExpect(status().is3xxRedirection());
        JournalRule nature = copyright.journalRules().stream().filter(j -> j.getIssn().equals("0028-0836"))
                .findFirst().orElseThrow();
        assertThat(nature.getEissn()).isEqualTo("1476-4687");
        assertThat(nature.getCopyLimit()).isEqualTo(8);
        assertThat(nature.getWarnAt()).isNull();
        assertThat(body(mvc.perform(get("/admin/copyright").with(ADMIN)))).contains("1476-4687").contains("Nature");
        copyright.removeJournalRule(nature.getId());
    }

    @Test
    void theReportCountsCopiesByJournalAndPublicationYearWithPrintAndOnlineIssnFolded() throws Exception {
        support.copyrightControl(true);
        int year = LocalDate.now().getYear();
        String issn = org.illflow.support.TestIssns.next();
        String eissn = org.illflow.support.TestIssns.next();
        copyright.saveJournalRule(issn, eissn, "Folded Journal", null, 2, false);
        long base = 5_000_000 + SEQ.addAndGet(10);
        // two copies cited by the print ISSN, one by the eISSN alone (from the archive), one of an old article
        copyright.recordCopy(new CopiedArticle(base, "DD-R1", issn, null, "Folded Journal", year - 1, Instant.now()), false);
        copyright.recordCopy(new CopiedArticle(base + 1, "DD-R2", issn, null, "Folded Journal", year - 1, Instant.now()), false);
        copyright.recordCopy(new CopiedArticle(base + 2, "DD-R3", null, eissn, "Folded Journal", year, Instant.now()), true);
        copyright.recordCopy(new CopiedArticle(base + 3, "DD-R4", issn, null, "Folded Journal", year - 20, Instant.now()), false);
        // recorded twice (a retried step): counted once
        copyright.recordCopy(new CopiedArticle(base + 3, "DD-R4", issn, null, "Folded Journal", year - 20, Instant.now()), false);

        assertThat(copyright.report(year)).filteredOn(l -> issn.equals(l.issn())).extracting(
                CopyrightControl.ReportLine::pubYear, CopyrightControl.ReportLine::copies,
                CopyrightControl.ReportLine::fromArchive, CopyrightControl.ReportLine::recentCopiesOfJournal,
                CopyrightControl.ReportLine::overLimit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(year, 1, 1, 3, true),
                        org.assertj.core.groups.Tuple.tuple(year - 1, 2, 0, 3, true),
                        org.assertj.core.groups.Tuple.tuple(year - 20, 1, 0, 3, true));

        String page = body(mvc.perform(get("/staff/reports/copyright").with(STAFF)).andExpect(status().isOk()));
        assertThat(page).contains("Folded Journal").contains(eissn);
        String csv = body(mvc.perform(get("/staff/reports/copyright").param("format", "csv").param("year",
                        String.valueOf(year)).with(STAFF))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "illflow-copyright-" + year + ".csv"))));
        assertThat(csv).contains("ISSN,eISSN,刊名,出版年,复制份数,其中存档再次提供,该刊近年文章合计,上限,超出上限")
                .contains(issn + "," + eissn + ",Folded Journal," + (year - 1) + ",2,0,3,2,是");
        mvc.perform(get("/staff/reports/copyright").param("year", "12").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(get("/staff/reports/copyright").with(user("2024110001").roles("PATRON")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aKbartListPairsPrintAndOnlineIssnAndMarksFreeTitlesOpenAccess() {
        support.copyrightControl(true);
        int year = LocalDate.now().getYear();
        String print = org.illflow.support.TestIssns.next();
        String online = org.illflow.support.TestIssns.next();
        String free = org.illflow.support.TestIssns.next();
        String kbart = "publication_title\tprint_identifier\tonline_identifier\tdate_first_issue_online\t"
                + "num_first_vol_online\tnum_first_issue_online\tdate_last_issue_online\tnum_last_vol_online\t"
                + "num_last_issue_online\ttitle_url\tfirst_author\ttitle_id\tembargo_info\tcoverage_depth\tnotes\t"
                + "publisher_name\tpublication_type\taccess_type\n"
                + "Paired Journal\t" + print + "\t" + online + "\t2000\t\t\t\t\t\thttps://e.example.edu/p\t\tp\t\t"
                + "fulltext\t\tPress\tserial\tP\n"
                + "Free Journal\t" + free + "\t\t2000\t\t\t\t\t\thttps://e.example.edu/f\t\tf\t\t"
                + "fulltext\t\tPress\tserial\tF\n";
        holdingsImport.importKbart("CopyrightTest_Access_2026-01-01.txt", kbart.getBytes(StandardCharsets.UTF_8));
        long base = 6_000_000 + SEQ.addAndGet(10);
        copyright.recordCopy(new CopiedArticle(base, "DD-K1", print, null, "Paired Journal", year, Instant.now()), false);

        // cited by the online ISSN alone: the KBART row makes it the same journal, so this is its second copy
        CopyrightStanding online2 = copyright.standing(new CopiedArticle(null, null, null, online, "Paired Journal",
                year, Instant.now()));
        assertThat(online2.level()).isEqualTo(CopyrightStanding.Level.WITHIN);
        assertThat(online2.nth()).isEqualTo(2);
        // access_type F: open access, never counted against
        assertThat(copyright.standing(new CopiedArticle(null, null, free, null, "Free Journal", year,
                Instant.now())).level()).isEqualTo(CopyrightStanding.Level.OPEN_ACCESS);
    }
}
