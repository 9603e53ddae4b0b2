package dev.ecopulse.aggregator.page;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, paths overridable with CHROMIUM and
 * CHROMEDRIVER) at a fixed viewport, with a fresh profile, reading the page's console.
 */
final class Browser implements AutoCloseable {

    static final int WIDTH = 1280;
    static final int HEIGHT = 900;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        viewport(WIDTH, HEIGHT, false);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page URL and waits until the page has rendered it (or said why not). */
    void open(String path) {
        driver.get(base + path);
        awaitState();
    }

    /** Waits for the page to finish rendering, whatever the outcome; returns it (ready, not-found, error, ...). */
    String awaitState() {
        await().atMost(WAIT).until(() -> !"loading".equals(state()) && state() != null);
        return state();
    }

    String state() {
        return driver.findElement(By.id("main")).getDomAttribute("data-state");
    }

    String view() {
        return driver.findElement(By.id("main")).getDomAttribute("data-view");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The console's errors since the last call: messages logged at SEVERE (console.error, exceptions, failed loads). */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** Emulates a screen of this size (a phone when mobile), independent of the window. */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** A PNG of the viewport, written to {@code file}. */
    void screenshot(Path file) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of the whole page at the current width, written to {@code file} (for looking at, not for the docs). */
    void fullPage(Path file) {
        Number height = (Number) script("return document.documentElement.scrollHeight");
        Number width = (Number) script("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Milliseconds from the start of the navigation until the page marked itself ready (all its API answers in and
     * rendered), from the browser's own performance timeline.
     */
    double millisUntilReady() {
        return ((Number) script("const m = performance.getEntriesByName('ecopulse:ready', 'mark');"
                + " return m.length ? m[m.length - 1].startTime : -1;")).doubleValue();
    }

    /**
     * Presses TAB from the top of the page until the focus comes back round (or {@code max} presses) and returns the
     * {@code data-tab} marks of the elements that received focus, in order. {@link #markControls()} marks them.
     */
    List<String> tabThrough(int max) {
        script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<String> reached = new ArrayList<>();
        Actions actions = new Actions(driver);
        for (int i = 0; i < max; i++) {
            actions.sendKeys(Keys.TAB).perform();
            String mark = (String) script("const a = document.activeElement;"
                    + " return a && a !== document.body ? (a.dataset.tab || a.tagName) : null;");
            if (mark == null || (!reached.isEmpty() && mark.equals(reached.get(0)))) {
                break;
            }
            reached.add(mark);
        }
        return reached;
    }

    /** Marks every visible control a keyboard user must reach with data-tab and returns the marks. */
    @SuppressWarnings("unchecked")
    List<String> markControls() {
        return (List<String>) script("const controls = [...document.querySelectorAll("
                + "'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')]"
                + ".filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'"
                + " || e.classList.contains('skip'));"
                + " return controls.map((e, i) => { e.dataset.tab = 'c' + i + ':' + e.tagName.toLowerCase() + ':'"
                + " + (e.textContent || e.value || '').trim().slice(0, 30); return e.dataset.tab; });");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover profile under target/ is harmless
        }
    }
}
