package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.web.testing.WebClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages as `./wizard` serves them, on the bot's own server with the embedded database: the local user opens
 * the address, starts a conversation, answers, approves, and sees it delivered.
 */
class WebIT {
    @TempDir
    Path data;
    private Wizard wizard;

    @AfterEach
    void stop() {
        if (wizard != null) {
            wizard.close();
        }
    }

    @Test
    void theLocalUserHoldsAWholeConversationInTheBrowser() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data), new PrintStream(new ByteArrayOutputStream()));
        WebClient browser = new WebClient(URI.create("http://127.0.0.1:" + wizard.port()));

        HttpResponse<String> home = browser.get("/");
        assertEquals(200, home.statusCode(), home.body());
        String csrf = WebClient.csrf(home);
        HttpResponse<String> page = browser.follow(browser.post("/conversations", "_csrf", csrf,
                "idea", "a todo service where people manage tasks with a title and a done flag"));
        assertEquals(200, page.statusCode(), page.body());
        String href = page.uri().getPath();
        Conversation c = wizard.storage().conversations().list(1, 0).getFirst();
        assertEquals("/conversations/" + c.id().value(), href);
        assertEquals("web", c.thread().platform());

        browser.post(href + "/messages", "_csrf", csrf, "text", "skip");
        awaitState(c, ConversationState.AWAITING_APPROVAL);
        browser.post(href + "/choices", "_csrf", csrf, "value", "generate");
        awaitState(c, ConversationState.PR_OPEN);

        String shown = browser.get(href).body();
        assertTrue(shown.contains("delivered"), shown);
        assertTrue(browser.get("/").body().contains("a todo service where people manage tasks"));
        assertTrue(browser.get("/assets/app.js").body().contains("EventSource"), "the script is served by the bot");
        assertScriptIsGzippedForBrowsersThatAccept();
    }

    private void assertScriptIsGzippedForBrowsersThatAccept() throws Exception {
        URI script = URI.create("http://127.0.0.1:" + wizard.port() + "/assets/app.js");
        HttpClient http = HttpClient.newHttpClient();
        byte[] plain = http.send(HttpRequest.newBuilder(script).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(script)
                .header("Accept-Encoding", "gzip, deflate, br, zstd").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse("none"));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    private void awaitState(Conversation c, ConversationState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (wizard.storage().conversations().find(c.id()).orElseThrow().state() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + wizard.storage().conversations().find(c.id()).orElseThrow()
                        .state() + ", not " + state);
            }
            Thread.sleep(20);
        }
    }
}
