package org.openlss.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver by Selenium. Both binaries are named explicitly, so
 * Selenium Manager never looks for (or downloads) others; the browser resolves no host but loopback (127.0.0.1 and
 * localhost, which the container tests' URLs name). Screenshots go
 * to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {
    private static final Path BUILD = Path.of(System.getProperty("openlss.build.dir", "target")).toAbsolutePath();
    public static final Path SCREENSHOTS = BUILD.resolve("screenshots");

    /**
     * Run in every page before its own scripts: each Content Security Policy violation is kept in the tab's
     * session storage, so that those of pages already left are still there to read.
     */
    private static final String RECORD_VIOLATIONS = "document.addEventListener('securitypolicyviolation', e => {"
            + " const seen = JSON.parse(sessionStorage.getItem('openlssViolations') || '[]');"
            + " seen.push(location.pathname + ': ' + e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline')"
            + " + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample);"
            + " sessionStorage.setItem('openlssViolations', JSON.stringify(seen)); });";

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    public static Browser start() {
        try {
            Path profile = Files.createTempDirectory(BUILD, "chromium-profile");
            ChromeOptions options = new ChromeOptions().setBinary(new File("/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile,
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
            return new Browser(service, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText().trim();
    }

    /**
     * Waits for {@code condition} to give something other than null or false, trying again when a page's refresh
     * replaced an element it used; fails naming {@code what}.
     */
    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Does {@code action} (a click) and waits until the browser shows the page it leads to: the old page is marked,
     * and a new page has no mark. (Watching an old element go stale trips over Chromium's own errors mid-navigation.)
     */
    public void leadsToNewPage(String what, Duration timeout, Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.openlssOldPage = true;");
        action.run();
        await(what, timeout, d -> {
            try {
                return js.executeScript("return window.openlssOldPage !== true && document.readyState === 'complete';");
            } catch (WebDriverException navigating) {
                return false;
            }
        });
    }

    /** The Content Security Policy violations of every page this tab showed on the current site. */
    @SuppressWarnings("unchecked")
    public List<String> policyViolations() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(sessionStorage.getItem('openlssViolations') || '[]');");
    }

    /** The page as the browser shows it, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
