package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.web.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A conversation's page hears, as server-sent events, that something changed: no polling in the page. */
class LiveUpdatesTest {
    private final WebFixture web = new WebFixture(WebSettings.localOnly());

    @AfterEach
    void stop() {
        web.close();
    }

    /** The event stream of {@code href}'s conversation, opened with {@code browser}'s cookies. */
    private Iterator<String> events(WebClient browser, String href) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(browser.cookies()).build();
        HttpResponse<Stream<String>> res = http.send(HttpRequest.newBuilder(URI.create(web.base() + href + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return res.body().iterator();
    }

    /** The next {@code event:} line, within five seconds. */
    private static String nextEvent(Iterator<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event: ")) {
                    return line.substring(7);
                }
            }
            return "closed";
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theBotsAnswerToAWebConversationIsAnnouncedAtOnce() throws Exception {
        WebClient browser = web.browser();
        String csrf = WebClient.csrf(browser.get("/conversations/new"));
        String href = browser.post("/conversations", "_csrf", csrf, "idea", "a todo service").headers()
                .firstValue("Location").orElseThrow();
        Iterator<String> events = events(browser, href);
        assertEquals("ready", nextEvent(events));

        browser.post(href + "/messages", "_csrf", csrf, "text", "todo-service");

        assertEquals("changed", nextEvent(events));
        String part = browser.get(href + "?part=thread").body();
        assertTrue(part.contains("Here is the spec.") && !part.contains("<html"), "the changed part only: " + part);
    }

    @Test
    void aChangeMadeInTheChatPlatformReachesThePageFromTheStore() throws Exception {
        UserRef alice = new UserRef("U-alice", "Alice");
        Conversation c = web.startedInChat(alice, "a recipe book");
        WebClient browser = web.browser();
        Iterator<String> events = events(browser, "/conversations/" + c.id().value());
        assertEquals("ready", nextEvent(events));

        // Said in the chat thread, not through the web: only the store knows.
        web.service.reply(new InboundMessage(c.thread(), alice, "skip", null));

        assertEquals("changed", nextEvent(events));
    }

    @Test
    void aStrangerGetsNoStreamOfAConversationTheyMayNotSee() {
        WebClient browser = web.browser();
        String csrf = WebClient.csrf(browser.get("/conversations/new"));
        String href = browser.post("/conversations", "_csrf", csrf, "idea", "a todo service").headers()
                .firstValue("Location").orElseThrow();

        assertEquals(404, web.browser().get(href.replaceAll("[^/]+$", "nope") + "/events").statusCode());
        assertEquals(403, web.browser().get(href + "/events", "X-Forwarded-For", "203.0.113.9").statusCode(),
                "not signed in");
    }
}
