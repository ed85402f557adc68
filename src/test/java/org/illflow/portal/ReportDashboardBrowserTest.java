package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import org.illflow.report.LegacyImport;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics dashboard in a real browser after a history import: every chart is drawn (ECharts from the
 * webjar) and the README's screenshot is taken ({@code target/screenshots/dashboard.png}).
 */
@IllflowTest
class ReportDashboardBrowserTest {

    static final String[] COLLEGES = {"物理学院", "化学化工学院", "生命科学学院", "经济学院", "外国语学院", "医学院", "计算机学院"};
    static final String[] TYPES = {"FACULTY", "PHD_STUDENT", "MASTER_STUDENT", "STAFF"};
    static final String[] SUPPLIERS = {"NSTL", "CALIS", "CASHL", "REPRINTS"};
    static final String[] LENDERS = {"NLC", "SHL", "FUDAN", "SJTU"};
    static final String[] JOURNALS = {"Nature,0028-0836", "Science,0036-8075", "The Lancet,0140-6736",
            "计算机学报,0254-4164", "Journal of Catalysis,0021-9517", "经济研究,0577-9154"};

    @Autowired LegacyImport legacyImport;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;

    @Test
    void staffSeeTenYearsOfHistoryDrawn() {
        jdbc.update("delete from legacy_request where request_number like 'SHOT-%'");
        LegacyImport.Result result = legacyImport.importCsv("history-demo.csv", history());
        assertThat(result.problems()).isEmpty();

        try (Browser browser = Browser.open("http://localhost:" + environment.getProperty("local.server.port"))) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1700));
            browser.login("admin", "admin2026");
            browser.go("/staff/reports?from=2017-01-01&to=2025-12-31&lang=zh");
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
            wait.until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == 6);
            assertThat(browser.text("#chart-volumes table")).contains("2017", "2025", "文献传递", "馆际互借");
            assertThat(browser.text("#chart-colleges table")).contains("物理学院");
            browser.screenshot("dashboard");
        }
    }

    /** Nine years of a mid-sized library's requests, generated the same way every time. */
    private static byte[] history() {
        Random random = new Random(2026);
        StringBuilder csv = new StringBuilder(String.join(",", LegacyImport.COLUMNS)).append('\n');
        int number = 0;
        for (int year = 2017; year <= 2025; year++) {
            int volume = 60 + (year - 2017) * 12;
            for (int i = 0; i < volume; i++) {
                boolean loan = random.nextInt(4) == 0;
                LocalDate submitted = LocalDate.of(year, 1, 1).plusDays(random.nextInt(360));
                int outcome = random.nextInt(10);
                String status = outcome == 0 ? "UNFILLED" : outcome == 1 ? "CANCELLED" : "FILLED";
                String delivered = status.equals("FILLED") ? submitted.plusDays(1 + random.nextInt(loan ? 20 : 8)).toString() : "";
                String[] journal = loan ? new String[] {"", ""} : JOURNALS[random.nextInt(JOURNALS.length)].split(",");
                String supplier = loan ? LENDERS[random.nextInt(LENDERS.length)] : SUPPLIERS[random.nextInt(SUPPLIERS.length)];
                String cost = status.equals("FILLED") ? String.format(Locale.ROOT, "%.2f", loan ? 30 + random.nextInt(20)
                        : 2 + random.nextInt(30) * 0.3) : "";
                csv.append(String.join(",", "SHOT-" + (++number), loan ? "ILL" : "DD", submitted.toString(), delivered,
                        status, TYPES[random.nextInt(TYPES.length)], COLLEGES[random.nextInt(COLLEGES.length)],
                        "R" + random.nextInt(300), supplier, journal[0], journal[1], "Item " + number, "", cost, ""))
                        .append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
