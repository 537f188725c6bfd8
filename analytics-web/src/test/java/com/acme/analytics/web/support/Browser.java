package com.acme.analytics.web.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.FluentWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * One headless Debian Chromium driven by chromium-driver, shared by the tests of a class (a browser start costs
 * about a second; the page is reloaded for each test). Started with the flags known to work on these machines:
 * without the background-networking ones Chromium keeps trying to reach Google's hosts.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension WIDE = new Dimension(1280, 900);
    public static final Dimension NARROW = new Dimension(420, 900);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final List<LogEntry> console = new ArrayList<>();

    public Browser() {
        try {
            profile = Files.createTempDirectory("dashboard-browser-");
            screenshots = Path.of(System.getProperty("analytics.test.screenshots", "target/screenshots"));
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("analytics.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is named, so Selenium Manager never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("analytics.test.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads the address afresh (a change of the fragment alone would not reload the page). */
    public void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    public void size(Dimension d) {
        driver.manage().window().setSize(d);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text, read again if the page re-rendered it between finding and reading. */
    public String text(String css) {
        return until(css + " read", () -> find(css).getText());
    }

    /** Waits until the value is there (non-null, not false) and returns it. */
    public <T> T until(String what, Supplier<T> value) {
        return new FluentWait<>(driver).withTimeout(WAIT).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> what + "; the page: " + js("return window.__analytics ? "
                        + "JSON.stringify(window.__analytics.debug()) : document.title")).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    T v = value.get();
                    return Boolean.FALSE.equals(v) ? null : v;
                });
    }

    /** Clicks the element, found again if the page re-rendered it between finding and clicking. */
    public void click(String css) {
        until("clicked " + css, () -> {
            find(css).click();
            return true;
        });
    }

    /** The element's attribute, read again if the page re-rendered it meanwhile (null: the attribute is absent). */
    public String attribute(String css, String name) {
        return until(css + " read", () -> Optional.ofNullable(find(css).getAttribute(name))).orElse(null);
    }

    /** A screenshot of the whole page at the window's width, under target/screenshots. */
    public Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js("return Math.max(document.documentElement.scrollHeight, 600)")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 4000)));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * The console's errors since the last call, leaving out those the test expects (such as the browser's own
     * "Failed to load resource: ... 401" line when a refused token is the point of the test).
     */
    public List<String> consoleErrors(Pattern... expected) {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        List<String> errors = console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> java.util.Arrays.stream(expected).noneMatch(p -> p.matcher(m).find()))
                .toList();
        console.clear();
        return errors;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over temporary profile is harmless
        }
    }
}
