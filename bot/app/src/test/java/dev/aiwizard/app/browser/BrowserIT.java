package dev.aiwizard.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import dev.aiwizard.core.testing.SpawnsProcesses;
import org.junit.jupiter.api.Test;

/**
 * The browser harness sees what a person would: a console error, a request meant for another machine, a page that
 * drew nothing. Pages come from a small server on 127.0.0.1; the other machine's name never resolves.
 */
@SpawnsProcesses
class BrowserIT {
    private static final Map<String, String> PAGES = Map.of(
            "/clean", "<!DOCTYPE html><html lang=\"en\"><head><title>clean</title><link rel=\"icon\" href=\"data:,\">"
                    + "</head><body>"
                    + "<h1 id=\"title\">Jobs</h1><div style=\"background:#2a6;width:300px;height:200px\"></div>"
                    + "</body></html>",
            "/blank", "<!DOCTYPE html><html lang=\"en\"><head><title>blank</title></head><body></body></html>",
            "/noisy", "<!DOCTYPE html><html lang=\"en\"><head><title>noisy</title>"
                    + "<script src=\"/noisy.js\"></script></head><body><h1>Noisy</h1>"
                    + "<img alt=\"logo\" src=\"http://cdn.example.com/logo.png\"></body></html>",
            "/noisy.js", "console.error('broken on purpose');",
            "/files", "<!DOCTYPE html><html lang=\"en\"><head><title>files</title><link rel=\"icon\" href=\"data:,\">"
                    + "</head><body><a id=\"zip\" href=\"/files.zip\">Download the files</a></body></html>",
            "/files.zip", "PK the bytes of an archive");

    private static HttpServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".js") ? "text/javascript"
                    : path.endsWith(".zip") ? "application/zip" : "text/html; charset=utf-8");
            if (path.endsWith(".zip")) {
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"todo.zip\"");
            }
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        browser = Browser.start();
    }

    @BeforeEach
    void forgetEarlierPages() {
        browser.log().forget();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop(0);
    }

    private static URI page(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aCleanPageHasNoConsoleErrorsAsksOnlyThisMachineAndItsScreenshotShowsIt() {
        browser.open(page("/clean"));

        browser.waitForVisible("#title", Duration.ofSeconds(10));
        assertEquals(List.of(), browser.log().consoleErrors());
        assertEquals(List.of(page("/clean")), browser.log().requests().stream()
                .filter(u -> "http".equals(u.getScheme())).toList());
        assertEquals(List.of(), browser.log().requestsOffThisMachine());
        Screenshot shot = browser.screenshot("browser-clean");
        assertTrue(shot.hasExpectedSize(), shot.toString());
        assertTrue(shot.showsContent(0.99), shot.toString());
    }

    @Test
    void aPageThatLogsAnErrorAndAsksAnotherMachineIsCaughtAtBoth() {
        browser.open(page("/noisy"));

        List<String> errors = browser.log().consoleErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("broken on purpose")), errors.toString());
        assertEquals(List.of(URI.create("http://cdn.example.com/logo.png")), browser.log().requestsOffThisMachine());
    }

    @Test
    void aFileTheServerSendsAsAnAttachmentIsSavedWhole() throws IOException {
        browser.open(page("/files"));

        browser.waitForVisible("#zip", Duration.ofSeconds(10)).getFirst().click();

        Path saved = browser.downloaded("todo.zip", Duration.ofSeconds(30));
        assertEquals(PAGES.get("/files.zip"), Files.readString(saved));
    }

    @Test
    void aPageThatDrewNothingIsNotTakenForContent() {
        browser.open(page("/blank"));

        Screenshot shot = browser.screenshot("browser-blank");
        assertTrue(shot.hasExpectedSize(), shot.toString());
        assertFalse(shot.showsContent(0.99), shot.toString());
    }
}
