package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.archive.ArchivedDocument;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.patron.PatronRegistrationProcess;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The reader's journey in a real browser: register, be approved, arrive from a database through OpenURL,
 * see the one-stop check, send the request, follow it while staff work, and download the PDF. Screenshots of
 * the key pages go to target/screenshots/.
 */
@IllflowTest
class PatronJourneyBrowserTest {

    @Autowired TestSupport support;
    @Autowired TaskService taskService;
    @Autowired DeliveryRequests deliveries;
    @Autowired Environment environment;

    private String base() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aNewReaderRequestsAnArticleThroughOpenUrlAndDownloadsItInChinese() throws Exception {
        journey("zh", "已送达", "全文已送达", "提交前先看一下");
    }

    @Test
    void theSameJourneyInEnglish() throws Exception {
        journey("en", "Delivered", "Delivered", "Before you order");
    }

    private void journey(String language, String deliveredBadge, String deliveredEvent, String checkHeading)
            throws Exception {
        String card = "W" + (System.nanoTime() % 1_000_000_000L);
        String password = "journey2026";
        String title = "Photocatalytic water splitting on <script>alert(1)</script> layered oxides " + card;
        try (Browser browser = Browser.open(base())) {
            browser.go("/?lang=" + language);
            browser.screenshot("home-" + language);

            browser.go("/register");
            browser.type("#name", "zh".equals(language) ? "赵读者" : "Robin Reader")
                    .type("#cardNumber", card).type("#email", card.toLowerCase() + "@stu.example.edu")
                    .type("#phone", "13912345678").type("#college", "zh".equals(language) ? "化学学院" : "Chemistry");
            new Select(browser.find("#patronType")).selectByValue("PHD_STUDENT");
            browser.click("input[name=language][value=" + language + "]");
            browser.type("#password", password).type("#passwordConfirmation", password);
            browser.screenshot("register-" + language);
            browser.click("form.form button[type=submit]");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().endsWith("/register/done"));

            support.passSavePoint(card); // the job executor, a moment after the registration was stored
            // staff approve in Tasklist (here through the engine API)
            Task review = taskService.createTaskQuery().processInstanceBusinessKey(card)
                    .taskDefinitionKey(PatronRegistrationProcess.TASK_REVIEW).singleResult();
            taskService.complete(review.getId(), Map.of(PatronRegistrationProcess.VAR_DECISION, "approve"));
            support.executeDueJobs();

            browser.login(card, password);
            String openUrl = "/openurl?url_ver=Z39.88-2004&rft_val_fmt=" + enc("info:ofi/fmt:kev:mtx:journal")
                    + "&rft.genre=article&rft.atitle=" + enc(title) + "&rft.jtitle=" + enc("Journal of Catalysis Research")
                    + "&rft.issn=2434-561X&rft.date=2021&rft.volume=7&rft.spage=10&rft.epage=19"
                    + "&rft_id=" + enc("info:doi/10.9999/journey." + card) + "&rfr_id=" + enc("info:sid/example.com:db");
            browser.go(openUrl);
            assertThat(browser.find("#title").getAttribute("value")).isEqualTo(title);
            assertThat(browser.find("#issn").getAttribute("value")).isEqualTo("2434-561X");
            assertThat(browser.text("#one-stop-check")).contains(checkHeading);
            // the title is shown as text, never run as markup
            assertThat(browser.page()).doesNotContain("<script>alert(1)</script>");
            browser.screenshot("openurl-article-" + language);
            browser.click("#submit-button");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("/requests/DD-"));
            String number = browser.url().replaceAll(".*/requests/", "");
            assertThat(number).matches("DD-\\d{4}-\\d{6}");
            support.passSavePoint(number); // the checks after the save point: suppliers ranked

            // staff order and receive the copy (engine API and the archive, as the Tasklist forms do)
            Task order = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            taskService.complete(order.getId(), Map.of(VAR_ORDER_OUTCOME, ORDERED));
            Task receive = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            String supplier = (String) taskService.getVariable(receive.getId(), VAR_SUPPLIER_CODE);
            ArchivedDocument copy = deliveries.receiveCopy(number, supplier,
                    org.illflow.archive.Pdfs.pdf(10), "ddstaff");
            taskService.complete(receive.getId(), Map.of(VAR_RECEIVE_OUTCOME, DELIVERED, VAR_DOCUMENT_ID, copy.id()));
            support.executeDueJobs();

            browser.go("/requests");
            assertThat(browser.text("#my-requests")).contains(number).contains(deliveredBadge);
            browser.screenshot("my-requests-" + language);
            browser.go("/requests/" + number);
            assertThat(browser.text("#status")).isEqualTo(deliveredBadge);
            assertThat(browser.text("#timeline")).contains(deliveredEvent);
            browser.screenshot("request-detail-" + language);
            browser.click("#download");
            Path pdf = browser.waitForDownload(".pdf");
            assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            // another reader can neither see nor open it
            browser.logout();
            browser.login("2025120002", "reader2026");
            browser.go("/requests");
            assertThat(browser.page()).doesNotContain(number);
            browser.go("/requests/" + number);
            assertThat(browser.page()).contains("does not exist");
        }
    }

    @Test
    void aBookTheLibraryHoldsShowsWhereItIs() {
        try (Browser browser = Browser.open(base())) {
            browser.login("2024110001", "reader2026");
            browser.go("/openurl?rft_val_fmt=" + enc("info:ofi/fmt:kev:mtx:book") + "&rft.genre=book&rft.btitle="
                    + enc("三体") + "&rft.isbn=9787536692930&rft.pub=" + enc("重庆出版社"));
            assertThat(browser.text("#check-holding")).contains("I247.55/2231").contains("总馆 三楼 社科书库");
            browser.screenshot("book-held-locally");
        }
    }

    /**
     * On a phone (390 px wide) My requests shows each request as a card: every value labelled, nothing clipped,
     * no sideways scrolling. Cancel asks first: the first click only opens the question.
     */
    @Test
    void onAPhoneMyRequestsAreCardsAndCancelAsksFirst() {
        org.illflow.delivery.ArticleRequestForm form = new org.illflow.delivery.ArticleRequestForm();
        form.setTitle("A narrow screen study of request lists " + System.nanoTime());
        form.setJournal("Journal of Catalysis Research");
        form.setIssn("2434-561X");
        form.setYear(2022);
        form.setPages("1-9");
        form.setSubjectArea("STM");
        form.setLanguage("en");
        String number = deliveries.submit(form, "2024110001").getRequestNumber();
        support.passSavePoint(number);
        try (Browser browser = Browser.open(base())) {
            browser.login("2024110001", "reader2026");
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.go("/requests?lang=zh");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            assertThat((Boolean) js.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scrolling at 390 px").isTrue();
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('#my-requests tbody tr'))"
                    + ".display")).isEqualTo("block");
            Number kindWidth = (Number) js.executeScript("var td = document.querySelectorAll('#my-requests tbody tr')[0]"
                    + ".children[1]; return td.getBoundingClientRect().width;");
            assertThat(kindWidth.doubleValue()).as("the kind cell spans the card").isGreaterThan(250);
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('#my-requests tbody td'),"
                    + " '::before').content")).asString().contains("申请号");
            browser.screenshot("my-requests-phone");

            browser.go("/requests/" + number);
            assertThat(browser.find("#cancel-confirm").isDisplayed()).as("hidden until asked").isFalse();
            browser.click("#cancel summary");
            assertThat(browser.text("#cancel")).contains("确定要取消");
            browser.click("#cancel-confirm");
            assertThat(browser.awaitText("#status", "已取消")).isEqualTo("已取消");
        }
    }
}
