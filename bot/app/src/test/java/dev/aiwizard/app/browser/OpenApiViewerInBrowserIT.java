package dev.aiwizard.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.aiwizard.core.testing.SpawnsProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The job API's viewer page in a real browser (Debian's Chromium), served by a running bot: it renders the
 * operations from the bot's own files and document, with no error in the console and no request off this machine
 * (issue 17: "works without any CDN", "no errors in the browser console").
 */
@SpawnsProcesses
class OpenApiViewerInBrowserIT {
    @TempDir
    Path data;
    private Wizard wizard;
    private Browser browser;

    @BeforeEach
    void start() {
        wizard = Wizard.start(SettingsLoader.load(Map.of("WIZARD_PORT", "0", "WIZARD_HOST", "127.0.0.1",
                "WIZARD_DATA_DIR", data.toString(), "WIZARD_CONSOLE", "false")),
                new PrintStream(new ByteArrayOutputStream()));
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        wizard.close();
    }

    @Test
    void theViewerShowsEveryJobOperationFromTheBotAloneWithACleanConsole() {
        browser.open(URI.create("http://127.0.0.1:" + wizard.port() + "/openapi/ui"));

        List<WebElement> operations = browser.waitForVisible(".opblock", Duration.ofSeconds(30));
        List<String> paths = operations.stream()
                .map(o -> o.findElement(By.cssSelector(".opblock-summary-path")).getText()).toList();
        assertTrue(paths.contains("/jobs"), paths.toString());
        assertTrue(paths.contains("/jobs/{id}/events"), paths.toString());
        assertEquals(List.of(), browser.log().consoleErrors(), "the browser console has errors");
        List<URI> requests = browser.log().requests();
        assertTrue(requests.stream().anyMatch(u -> "/openapi/ui/swagger-ui-bundle.js".equals(u.getPath())),
                requests.toString());
        assertTrue(requests.stream().anyMatch(u -> "/openapi".equals(u.getPath())), "the document is fetched: "
                + requests);
        assertEquals(List.of(), browser.log().requestsOffThisMachine(), "requests that leave this machine");

        Screenshot page = browser.screenshot("openapi-viewer");
        assertTrue(page.hasExpectedSize(), page.toString());
        assertTrue(page.showsContent(0.95), page.toString());
        Screenshot operation = browser.screenshot("openapi-viewer-operation", operations.getFirst());
        assertTrue(operation.hasExpectedSize(), operation.toString());
        assertTrue(operation.showsContent(0.99), operation.toString());
    }
}
