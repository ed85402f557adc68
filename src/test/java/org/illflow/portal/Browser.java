package org.illflow.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through Debian's chromedriver (never a downloaded browser).
 * Missing browser: the test is skipped, unless ILLFLOW_REQUIRE_BROWSER=true (CI), where it fails.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final Path downloads;
    private final String base;

    private Browser(WebDriver driver, Path downloads, String base) {
        this.driver = driver;
        this.downloads = downloads;
        this.base = base;
    }

    static Browser open(String base) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !"true".equals(System.getenv("ILLFLOW_REQUIRE_BROWSER"))) {
            Assumptions.abort("Debian chromium and chromium-driver are not installed");
        }
        try {
            Path downloads = Files.createTempDirectory("illflow-downloads");
            Path profile = Files.createTempDirectory("illflow-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), downloads, base);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits until the element's text equals {@code expected}, for after a click that loads a new page: reading
     * at once may find the old page's element, or one that goes stale while it is read.
     */
    String awaitText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.cssSelector(css), expected)); // a stale element counts as "not yet"
        return text(css);
    }

    Browser type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Browser click(String css) {
        find(css).click();
        return this;
    }

    String page() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    void login(String user, String password) {
        go("/login");
        type("#username", user).type("#password", password).click("form.form button[type=submit]");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        click("header form.inline button");
    }

    Path waitForDownload(String suffix) {
        // done when Chromium has no partial download left and the file has its bytes (CI once read it empty)
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                return all.stream().noneMatch(f -> f.toString().endsWith(".crdownload"))
                        && all.stream().anyMatch(f -> f.toString().endsWith(suffix) && f.toFile().length() > 0);
            } catch (IOException e) {
                return false;
            }
        });
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
