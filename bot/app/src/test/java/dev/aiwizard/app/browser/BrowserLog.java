package dev.aiwizard.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What the pages of one browser wrote to the console and which addresses they asked for, from chromedriver's
 * browser and performance logs (the DevTools {@code Network.requestWillBeSent} events). Chromedriver hands each
 * entry out once, so this keeps what it has read.
 */
public final class BrowserLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Addresses that never leave this machine. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    /** Schemes the browser answers itself, without a connection. */
    private static final Set<String> IN_BROWSER = Set.of("data", "blob", "about", "chrome");

    private final WebDriver driver;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<URI> requests = new ArrayList<>();

    BrowserLog(WebDriver driver) {
        this.driver = driver;
    }

    /** Console messages of level SEVERE: errors the page logged, failed loads, blocked scripts, policy violations. */
    public synchronized List<String> consoleErrors() {
        read();
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Every address the pages asked for, in order (documents, assets, scripts' requests, event streams). */
    public synchronized List<URI> requests() {
        read();
        return List.copyOf(requests);
    }

    /** The requests that would leave this machine: any address but loopback and what the browser answers itself. */
    public List<URI> requestsOffThisMachine() {
        return requests().stream().filter(u -> !IN_BROWSER.contains(u.getScheme())
                && (u.getHost() == null || !LOOPBACK.contains(u.getHost()))).toList();
    }

    /** Drops what was logged so far (the browser's own start page), so only the pages opened from now on count. */
    synchronized void forget() {
        read();
        console.clear();
        requests.clear();
    }

    private void read() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = parse(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                String url = message.path("params").path("request").path("url").asText();
                // data: URLs can be long and hold anything; only their scheme matters here.
                requests.add(url.startsWith("data:") ? URI.create("data:,") : URI.create(url));
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("chromedriver wrote a performance log entry that is not JSON", e);
        }
    }
}
