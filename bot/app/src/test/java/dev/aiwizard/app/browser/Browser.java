package dev.aiwizard.app.browser;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through its own chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}, found on the {@code PATH}; nothing is downloaded: both are given to Selenium, so Selenium
 * Manager is never asked). Each browser has a new empty profile, so nothing is cached between browsers, and a
 * downloads folder of its own; it keeps what the page wrote to its console and every request it made
 * ({@link BrowserLog}). Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {
    /**
     * Headless, and nothing of Chromium's own traffic: on a machine without a network it would otherwise wait on
     * refused connections (sign-in, updates, safe browsing, QUIC) at every start. No host name but localhost
     * resolves, so a page under test cannot reach another machine by name even by mistake ({@link BrowserLog} still
     * sees that it tried).
     */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Selenium looks for a DevTools binding of the browser's exact version and warns when there is none; this
     * harness uses none (it sends raw DevTools commands and reads chromedriver's logs), so Chromium may move on
     * without Selenium. Held here so the logger is not collected; its level is set at each start, since the bot's
     * start resets the logging configuration.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    /** The browser's own folder: its profile and its downloads. */
    private final Path home;
    private final BrowserLog log;

    private Browser(ChromeDriver driver, Path home) {
        this.driver = driver;
        this.home = home;
        this.log = new BrowserLog(driver);
    }

    /** Starts a browser; fails, saying what to install, when Chromium or its driver is not on this machine. */
    public static Browser start() {
        Path chromium = onPath("chromium");
        Path chromedriver = onPath("chromedriver");
        Path home;
        try {
            home = Files.createTempDirectory("wizard-chromium");
            Files.createDirectories(home.resolve("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments(FLAGS)
                .addArguments("--user-data-dir=" + home.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory",
                home.resolve("downloads").toString(), "download.prompt_for_download", false));
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        Browser browser = new Browser(new ChromeDriver(service, options), home);
        browser.log.forget();
        return browser;
    }

    /**
     * The executable {@code name} in a folder of the {@code PATH}, or a failure that says how to get it: browser
     * tests never skip.
     */
    static Path onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("Browser tests need Debian's Chromium and its driver, "
                        + "but '" + name + "' is not on the PATH. Install them with: apt-get install chromium "
                        + "chromium-driver (./wizard test does it when run as root)."));
    }

    /** Opens {@code url} and waits until the page and its assets have loaded. */
    public Browser open(URI url) {
        driver.get(url.toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(script(
                "return document.readyState")));
        return this;
    }

    /** The address of the page that is open now. */
    public URI url() {
        return URI.create(driver.getCurrentUrl());
    }

    /** Waits until at least one element matching {@code css} is visible, and returns all that match. */
    public List<WebElement> waitForVisible(String css, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits until the browser has saved a download named {@code name} (and is done writing it) and returns the file.
     */
    public Path downloaded(String name, Duration timeout) {
        Path file = home.resolve("downloads").resolve(name);
        // Chromium writes to a .crdownload file and renames it when the download is complete.
        new WebDriverWait(driver, timeout).until(d -> Files.isRegularFile(file));
        return file;
    }

    /** Waits until {@code condition}, a function body run in the page, returns {@code true}. */
    public void waitUntil(String condition, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage("waiting in the browser for: " + condition)
                .until(d -> Boolean.TRUE.equals(script(condition)));
    }

    /** Runs {@code js} in the page (as a function body; {@code arguments} holds {@code args}) and returns its value. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Presses {@code keys} on the keyboard, as a person does, into whatever has the focus. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Moves the focus back one stop with Shift+Tab. */
    public Browser shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        return this;
    }

    /** The element that has the keyboard focus now ({@code body} when none has). */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Whether the focused element shows that it has the focus: it matches {@code :focus-visible} and its computed
     * outline or box shadow draws something.
     */
    public boolean focusIsVisible() {
        return Boolean.TRUE.equals(script("const e = document.activeElement, s = getComputedStyle(e);"
                + "return e.matches(':focus-visible') && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                + " || s.boxShadow !== 'none')"));
    }

    /** Emulates a phone's screen of {@code width} x {@code height} CSS pixels, as Chrome's device mode does. */
    public Browser phone(int width, int height) {
        devTools("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /** Runs Chrome DevTools command {@code method} on the page (a protocol command, not a versioned binding). */
    public Map<String, Object> devTools(String method, Map<String, Object> params) {
        return driver.executeCdpCommand(method, params);
    }

    /** The console and the requests of every page opened so far. */
    public BrowserLog log() {
        return log;
    }

    /** How the page that is open now loaded: its document and every asset, from the browser's own timing. */
    public PageLoad pageLoad() {
        return PageLoad.of(script(PageLoad.SCRIPT));
    }

    /** Takes a screenshot of the viewport into {@code target/screenshots/<name>.png}. */
    public Screenshot screenshot(String name) {
        Number width = (Number) script("return Math.round(window.innerWidth * window.devicePixelRatio)");
        Number height = (Number) script("return Math.round(window.innerHeight * window.devicePixelRatio)");
        return Screenshot.save(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES),
                width.intValue(), height.intValue());
    }

    /** Takes a screenshot of {@code element} alone into {@code target/screenshots/<name>.png}. */
    public Screenshot screenshot(String name, WebElement element) {
        requireNonNull(element, "element");
        return Screenshot.save(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES),
                element.getRect().getWidth(), element.getRect().getHeight());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A profile left in the temp folder harms nothing; the browser itself is gone.
            }
        }
    }
}
