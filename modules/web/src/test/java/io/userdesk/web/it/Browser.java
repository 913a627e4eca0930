package io.userdesk.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) for the browser tests, with the flags that keep it
 * off the network, a throw-away profile, waits that understand PrimeFaces' ajax, and screenshots under
 * {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    public Browser() {
        try {
            profile = Files.createTempDirectory("userdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--lang=en-US", "--user-data-dir=" + profile);
        // keep the console, so tests can prove no Content-Security-Policy violation happened
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        // PrimeFaces' ajax replaces elements under the test's feet; a wait simply looks again
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(PortalDeployment.baseUrl() + path);
        waitForPage();
    }

    public WebElement find(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public void type(String cssSelector, String text) {
        WebElement field = find(cssSelector);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String cssSelector) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click();
        waitForPage();
    }

    /**
     * Clicks a link by its text once the page's ajax updates have settled, trying again when a late update (a search
     * field's delayed keyup) replaced the element in between.
     */
    public void clickLink(String linkText) {
        waitForPage();
        wait.until(d -> {
            d.findElement(By.linkText(linkText)).click();
            return true;
        });
        waitForPage();
    }

    public void waitForText(String cssSelector, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
    }

    /** The visible text of an element, read again when an ajax update replaced the element while reading it. */
    public String text(String cssSelector) {
        return wait.until(d -> {
            WebElement element = d.findElement(By.cssSelector(cssSelector));
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    /** Waits until an element, replaced by ajax as often as it likes, no longer shows the given text. */
    public void waitForTextGone(String cssSelector, String text) {
        wait.until(d -> !d.findElement(By.cssSelector(cssSelector)).getText().contains(text));
    }

    /** Signs in with the built-in form, from the sign-in page if the browser is on it, else after opening it. */
    public void signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/signin.xhtml")) {
            open("/signin.xhtml");
        }
        type("#signinForm\\:username", username);
        type("#signinForm\\:password", password);
        // the form posts without ajax: wait until the next page has replaced this one (signed in or refused), or a
        // navigation that follows could overtake the answer that carries the new session
        driver.executeScript("window.userdeskSignInPage = true;");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#signinForm\\:signIn"))).click();
        wait.until(d -> {
            try {
                // a new document does not carry the marker; while it loads the script may fail, so look again
                return Boolean.TRUE.equals(driver.executeScript(
                        "return window.userdeskSignInPage === undefined && document.readyState === 'complete';"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
        waitForPage();
    }

    /** Waits for the document and for PrimeFaces' ajax queue to be idle. */
    public void waitForPage() {
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Console messages since the last call (e.g. "Refused to execute inline script ... Content Security Policy"). */
    public java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    public void screenshot(String name) {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
