package org.illflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.illflow.delivery.DeliveryRequests;
import org.illflow.delivery.DeliveryStatus;
import org.illflow.delivery.DeliveryTestData;
import org.illflow.delivery.DocumentDeliveryProcess;
import org.illflow.delivery.DocumentDeliveryRequest;
import org.illflow.loan.InterlibraryLoanProcess;
import org.illflow.loan.LoanRequest;
import org.illflow.loan.LoanRequests;
import org.illflow.loan.LoanTestData;
import org.illflow.security.IllflowGroups;
import org.illflow.support.IllflowTest;
import org.illflow.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A day at the desk in Chinese, in the real Tasklist and portal: document delivery staff pick their request out
 * of several cards by its number and order and receive it; circulation staff find today's pickups on the
 * request desk. The screenshots are the README's.
 */
@IllflowTest
class StaffDeskBrowserTest {

    static final String LI_MING = "2024110001";

    @Autowired DeliveryRequests deliveries;
    @Autowired LoanRequests loans;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TestSupport support;
    @Autowired Environment environment;

    private Browser open() {
        return Browser.open("http://localhost:" + environment.getProperty("local.server.port"));
    }

    private static By card(String requestNumber) {
        return By.xpath("//li[contains(@class,'task')][contains(normalize-space(.), '" + requestNumber + "')]//h4/a");
    }

    private static By filter(String name) {
        return By.xpath("//*[contains(@class,'task-filters')]//h4/a[contains(normalize-space(.), '" + name + "')]");
    }

    /**
     * Tasklist redraws its list while it refreshes: click once the element holds still. A long list puts the card
     * under Tasklist's fixed footer, so it is scrolled to the middle of the window first, as a person would.
     */
    private static void clickWhenSettled(WebDriverWait wait, By element) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    org.openqa.selenium.WebElement target = d.findElement(element);
                    ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
                    target.click();
                    return true;
                });
    }

    @Test
    void ddStaffFindTheirRequestByNumberAmongTheCardsAndOrderAndReceiveIt() throws Exception {
        DocumentDeliveryRequest other = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        String number = request.getRequestNumber();
        try (Browser browser = open()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(40));
            browser.login("ddstaff", "staff2026");
            browser.go("/camunda/app/tasklist/default/");
            wait.until(ExpectedConditions.elementToBeClickable(filter("文献传递·待订购"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(card(other.getRequestNumber())));
            wait.until(ExpectedConditions.elementToBeClickable(card(number)));
            String cardText = browser.driver.findElement(By.xpath("//li[contains(@class,'task')][contains("
                    + "normalize-space(.), '" + number + "')]")).getText();
            assertThat(cardText).contains("订购 Order from supplier · 国家科技图书文献中心", "申请号 Request", number, "读者 Patron", "李明", "到期");
            // Tasklist itself speaks Chinese, and the end-of-life banner is gone
            assertThat(browser.page()).contains("启动流程").doesNotContain("It is time to migrate");
            assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")))
                    .allMatch(banner -> !banner.isDisplayed());
            browser.screenshot("tasklist-zh-cards");
            clickWhenSettled(wait, card(number));

            StaffTasklistBrowserTest.claim(browser, wait);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("illflow-order-sheet"), number));
            new Select(browser.find("#illflow-order-outcome")).selectByValue("ordered");
            StaffTasklistBrowserTest.complete(browser, wait);
            wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                    .taskDefinitionKey(DocumentDeliveryProcess.TASK_RECEIVE).count() == 1);

            browser.go("/camunda/app/tasklist/default/");
            wait.until(ExpectedConditions.elementToBeClickable(filter("文献传递·待收货"))).click();
            clickWhenSettled(wait, card(number));
            StaffTasklistBrowserTest.claim(browser, wait);
            WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("illflow-pdf")));
            Path pdf = Files.createTempFile("copy", ".pdf");
            Files.write(pdf, org.illflow.archive.Pdfs.pdf(6));
            file.sendKeys(pdf.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("illflow-upload-status"), "6"));
            new Select(browser.find("#illflow-receive-outcome")).selectByValue("delivered");
            StaffTasklistBrowserTest.complete(browser, wait);
            wait.until(d -> deliveries.visibleTo(number, "ddstaff", true).getStatus() == DeliveryStatus.DELIVERED);
        }
        assertThat(deliveries.visibleTo(number, "ddstaff", true).getSupplierCode()).isEqualTo("NSTL");
    }

    @Test
    void illStaffFindTodaysPickupsOnTheRequestDesk() {
        LoanRequest loan = loans.submit(LoanTestData.book(), LI_MING);
        support.executeDueJobs();
        String number = loan.getRequestNumber();
        for (String task : List.of(InterlibraryLoanProcess.TASK_REQUEST_FROM_LENDER,
                InterlibraryLoanProcess.TASK_RECEIVE_BOOK)) {
            Task open = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(task)
                    .singleResult();
            identityService.setAuthentication("illstaff", List.of(IllflowGroups.ILL_STAFF));
            try {
                taskService.claim(open.getId(), "illstaff");
                taskService.complete(open.getId(), task.equals(InterlibraryLoanProcess.TASK_RECEIVE_BOOK)
                        ? Map.of(InterlibraryLoanProcess.VAR_RECEIVE_OUTCOME, InterlibraryLoanProcess.RECEIVED)
                        : Map.of(InterlibraryLoanProcess.VAR_REQUEST_OUTCOME, InterlibraryLoanProcess.REQUESTED));
            } finally {
                identityService.clearAuthentication();
            }
        }
        support.executeDueJobs();

        try (Browser browser = open()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            browser.login("illstaff", "staff2026");
            browser.go("/staff/requests");
            browser.click("#view-pickup");
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-number='" + number + "']")));
            assertThat(row.getText()).contains("已满足", "李明", "借给读者 Lend to patron", "尚未认领");
            assertThat(browser.text("h1")).isEqualTo("申请台");
            browser.screenshot("request-desk");
            row.findElement(By.linkText(number)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-timeline")));
            assertThat(browser.text("#desk-timeline")).contains("已向出借馆申请", "书已到馆，等待取书", "illstaff");
            browser.screenshot("request-desk-timeline");
        }
    }

    @Test
    void aPatronAndDocumentDeliveryStaffExchangeMessagesAndBothAreMailed() {
        DocumentDeliveryRequest request = deliveries.submit(DeliveryTestData.stmArticle(), LI_MING);
        support.executeDueJobs();
        String number = request.getRequestNumber();
        support.purgeMail();
        try (Browser browser = open()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            browser.login(LI_MING, "reader2026");
            browser.go("/requests/" + number);
            assertThat(browser.text("#messages h2")).isEqualTo("留言");
            browser.type("#message-text", "请问这篇文章大概几天能到？我下周答辩。");
            browser.click("#message-send");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "留言已发送"));
            assertThat(browser.text("#messages")).contains("我下周答辩");
            browser.logout();

            browser.login("ddstaff", "staff2026");
            browser.go("/staff/requests");
            browser.click("#view-unread");
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-number='" + number + "']")));
            assertThat(row.findElement(By.cssSelector(".badge.unread")).getText()).isEqualTo("1");
            row.findElement(By.linkText(number)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("messages")));
            assertThat(browser.text("#messages")).contains("我下周答辩", "未读");
            browser.screenshot("request-desk-messages");
            browser.type("#message-text", "已向国家科技图书文献中心订购，一般 3 个工作日内送达。");
            browser.click("#message-send");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "3 个工作日内送达"));
            assertThat(browser.text("#desk-timeline")).contains("读者留言", "馆员留言", "ddstaff");
            browser.logout();

            browser.login(LI_MING, "reader2026");
            browser.go("/requests/" + number);
            assertThat(browser.text("#messages")).contains("图书馆", "3 个工作日内送达");
        }
        List<jakarta.mail.internet.MimeMessage> mails = support.mails().stream()
                .filter(m -> org.illflow.support.MailText.subject(m).contains(number)).toList();
        assertThat(mails).extracting(org.illflow.support.MailText::to)
                .anyMatch(to -> to.contains("dd@library.example.edu"))
                .anyMatch(to -> to.contains("liming@stu.example.edu"));
        assertThat(mails).extracting(org.illflow.support.MailText::subject)
                .anyMatch(subject -> subject.startsWith("读者留言"))
                .anyMatch(subject -> subject.startsWith("图书馆就您的申请"));
    }

    @Test
    void aRefusedStartFormShowsItsReasonUnderTheFieldItNames() {
        try (Browser browser = open()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(40));
            browser.login("ddstaff", "staff2026");
            browser.go("/camunda/app/tasklist/default/");
            clickWhenSettled(wait, By.xpath("//a[contains(normalize-space(.), '启动流程')]"));
            clickWhenSettled(wait, By.xpath("//*[contains(@class,'modal')]//a[contains(normalize-space(.), '文献传递')]"));
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id$='Field_PatronCardNumber']")));
            card.sendKeys(LI_MING);
            browser.driver.findElement(By.cssSelector("[id$='Field_Title']")).sendKeys("Pages the wrong way round");
            // the form's own rules let it pass; the platform's page-range rule refuses it
            browser.driver.findElement(By.cssSelector("[id$='Field_Pages']")).sendKeys("90-10");
            WebElement start = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[ng-click='startProcessInstance()']")));
            assertThat(start.getText()).isNotBlank();
            start.click();
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'fjs-form-field')][.//*[contains(@id,'Field_Pages')]]"
                            + "//*[contains(@class,'illflow-refusal')]")));
            assertThat(refusal.getText()).contains("页码（pages）：页码无效", " / Pages: ");
            Boolean inView = (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "var r = arguments[0].getBoundingClientRect();"
                            + " return r.top >= 0 && r.bottom <= window.innerHeight;", refusal);
            assertThat(inView).as("the reason is in view, next to the field").isTrue();
            browser.screenshot("tasklist-refusal-at-field");
        }
    }
}
