package io.servicerecovery.console;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's chromium and chromium-driver packages), headless, driven by
 * Selenium. Where the packages are missing the browser tests are skipped with a message
 * saying how to install them, except on CI (CI=true), where a missing browser fails the run.
 * <p>
 * A browser that met a Content-Security-Policy violation (Chromium reports each in its console) fails the
 * test when it is closed, unless the test took the violations it expected with {@link #cspViolations()}.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    private final WebDriver driver;
    private final String base;
    private final Path userData;
    private final List<String> cspViolations = new ArrayList<>();

    private Browser(WebDriver driver, String base, Path userData) {
        this.driver = driver;
        this.base = base;
        this.userData = userData;
    }

    /** A new browser with an empty profile (no cookies), speaking the given language. */
    public static Browser open(String baseUrl, String language) {
        requireInstalled();
        try {
            Path userData = Files.createTempDirectory("console-browser-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,1100", "--lang=" + language,
                    "--user-data-dir=" + userData);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, baseUrl.replaceAll("/$", ""), userData);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireInstalled() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (installed) {
            return;
        }
        String message = "Browser tests need Debian's chromium and chromium-driver (" + INSTALL + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ": missing on CI");
        }
        Assumptions.assumeTrue(false, message + "; skipped");
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return await().until(d -> d.findElement(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    public Browser signIn(String user) {
        return signIn(user, "/console");
    }

    /** Signs in with the demo password and waits for the page the user lands on (an operator: incidents). */
    public Browser signIn(String user, String landing) {
        go("/");
        find(By.id("j_username")).sendKeys(user);
        find(By.id("j_password")).sendKeys(user);
        find(By.cssSelector("form button[type=submit]")).click();
        await().until(d -> path().equals(landing));
        return this;
    }

    public void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Saves what the page looks like now (docs/screenshots are taken from these). */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole page, as tall as it is, at the window's width (for the docs: a case page is longer than a screen). */
    public Path fullPageScreenshot(String name) {
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(),
                Math.min(8000, height.intValue() + (window.getHeight() - viewportHeight()))));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private int viewportHeight() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight")).intValue();
    }

    /**
     * The serious and critical accessibility violations axe-core finds on the page, each as
     * "rule: description (selectors)"; an accessible page answers none.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Content-Security-Policy violations reported in the browser's console (any page, any frame) since the
     * last call, each as Chromium words it ("Refused to ... because it violates the following Content Security
     * Policy directive: ...").
     */
    public List<String> cspViolations() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                cspViolations.add(entry.getMessage());
            }
        }
        List<String> seen = List.copyOf(cspViolations);
        cspViolations.clear();
        return seen;
    }

    /** Quits the browser; fails if it met a Content-Security-Policy violation the test did not take. */
    @Override
    public void close() {
        List<String> violations;
        try {
            violations = cspViolations();
        } finally {
            driver.quit();
            try (var files = Files.walk(userData)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations in the browser:\n" + String.join("\n", violations));
        }
    }
}
