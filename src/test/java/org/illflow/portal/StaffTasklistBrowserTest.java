package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illflow.delivery.DocumentDeliveryProcess.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.delivery.ArticleRequestForm;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryStatus;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Document delivery staff in the real Tasklist, signed in once through the portal: the Order form shows the
 * order sheet with the supplier account, the Receive form uploads the PDF into the archive, and completing it
 * delivers the request.
 */
@IllflowTest
class StaffTasklistBrowserTest {

    @Autowired TestSupport support;
    @Autowired DeliveryRequests deliveries;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired Environment environment;

    @Test
    void staffOrderAndReceiveACopyInTasklist() throws Exception {
        ArticleRequestForm form = new ArticleRequestForm();
        form.setTitle("Tasklist journey on <b>perovskite</b> <script>alert(1)</script> solar cells " + System.nanoTime());
        form.setJournal("Solar Energy Letters");
        form.setYear(2022);
        form.setPages("1-8");
        form.setSubjectArea("STM");
        form.setLanguage("en");
        DocumentDeliveryRequest request = deliveries.submit(form, "2024110001");
        support.passSavePoint(request.getRequestNumber());
        Task order = taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber()).singleResult();

        try (Browser browser = Browser.open("http://localhost:" + environment.getProperty("local.server.port"))) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            browser.login("ddstaff", "staff2026");
            browser.go("/camunda/app/tasklist/default/#/?task=" + order.getId());
            claim(browser, wait);
            try {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("illflow-order-sheet"),
                        request.getRequestNumber()));
            } catch (RuntimeException e) {
                browser.screenshot("DEBUG-order");
                System.out.println("DEBUGSHEET " + browser.text("#illflow-order-sheet"));
                browser.driver.manage().logs().get("browser").forEach(l -> System.out.println("DEBUGLOG " + l));
                throw e;
            }
            String sheet = browser.text("#illflow-order-sheet");
            assertThat(sheet).contains("NSTL").contains("illflow-demo").contains("https://www.nstl.gov.cn/");
            // claimed: the holder of the task asks for the password of the demo account and sees it
            if (!sheet.contains("demo-nstl-2026")) {
                // scripted click: Tasklist's sticky footer may lie over the button in the headless window
                ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].click();",
                        browser.find("#illflow-show-password"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("illflow-order-sheet"),
                        "demo-nstl-2026"));
            }
            sheet = browser.text("#illflow-order-sheet");
            // the title is shown as text in Tasklist's form, never as markup
            assertThat(sheet).contains("<b>perovskite</b> <script>alert(1)</script>");
            assertThat(browser.driver.findElements(By.cssSelector("#illflow-order-sheet b"))).isEmpty();
            browser.screenshot("tasklist-order-from-supplier");
            new org.openqa.selenium.support.ui.Select(browser.find("#illflow-order-outcome")).selectByValue("ordered");
            complete(browser, wait);
            wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                    .taskDefinitionKey(TASK_RECEIVE).count() == 1);

            Task receive = taskService.createTaskQuery().processInstanceBusinessKey(request.getRequestNumber())
                    .singleResult();
            browser.go("/camunda/app/tasklist/default/#/?task=" + receive.getId());
            claim(browser, wait);
            WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("illflow-pdf")));
            Path pdf = Files.createTempFile("copy", ".pdf");
            Files.write(pdf, org.illflow.archive.Pdfs.pdf(8));
            file.sendKeys(pdf.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("illflow-upload-status"), "8 pages"));
            new org.openqa.selenium.support.ui.Select(browser.find("#illflow-receive-outcome")).selectByValue("delivered");
            browser.screenshot("tasklist-receive-copy");
            complete(browser, wait);
            wait.until(d -> deliveries.visibleTo(request.getRequestNumber(), "ddstaff", true).getStatus()
                    == DeliveryStatus.DELIVERED);
        }
        DocumentDeliveryRequest delivered = deliveries.visibleTo(request.getRequestNumber(), "ddstaff", true);
        assertThat(delivered.getDocumentId()).isNotNull();
        assertThat(delivered.getSupplierCode()).isEqualTo("NSTL");
    }

    static void claim(Browser browser, WebDriverWait wait) {
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        claim.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }

    static void complete(Browser browser, WebDriverWait wait) {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[@type='submit' and (contains(normalize-space(.), 'Complete')"
                        + " or contains(normalize-space(.), '完成'))]")));
        // Tasklist's footer may cover the button in a small window: click it as the page's own script would
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].click();", complete);
    }
}
