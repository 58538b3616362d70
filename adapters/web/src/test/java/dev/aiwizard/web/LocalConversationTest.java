package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole conversation held in the browser by the local user: start, answer, approve, with the core's words. */
class LocalConversationTest {
    private final WebFixture web = new WebFixture(WebSettings.localOnly());
    private final WebClient browser = web.browser();

    @AfterEach
    void stop() {
        web.close();
    }

    /** Starts a conversation with {@code idea}; the page it lands on. */
    private HttpResponse<String> start(String idea) {
        String csrf = WebClient.csrf(browser.get("/conversations/new"));
        return browser.post("/conversations", "_csrf", csrf, "idea", idea);
    }

    private Conversation only() {
        return web.conversations.list(10, 0).getFirst();
    }

    @Test
    void aConversationStartedInTheBrowserIsHeldTheWholeWayThere() {
        HttpResponse<String> started = start("a todo service where people manage tasks");

        assertEquals(303, started.statusCode(), started.body());
        Conversation c = only();
        assertEquals("/conversations/" + c.id().value(), started.headers().firstValue("Location").orElseThrow());
        assertEquals("web", c.thread().platform());
        HttpResponse<String> page = browser.follow(started);
        assertTrue(page.body().contains("What should the project be called?"), "the core's question: " + page.body());
        assertTrue(page.body().contains("value=\"todo-service\""), "its choices are buttons");

        String csrf = WebClient.csrf(page);
        assertEquals(303, browser.post("/conversations/" + c.id().value() + "/choices",
                "_csrf", csrf, "value", "todo-service").statusCode());
        web.idle();
        HttpResponse<String> approval = browser.get("/conversations/" + c.id().value());
        assertTrue(approval.body().contains("Here is the spec."), approval.body());
        for (String choice : new String[] {"generate", "change", "cancel"}) {
            assertTrue(approval.body().contains("value=\"" + choice + "\""), choice + " is offered");
        }

        browser.post("/conversations/" + c.id().value() + "/choices", "_csrf", csrf, "value", "generate");
        web.idle();

        assertEquals(ConversationState.GENERATING, only().state());
        assertTrue(browser.get("/conversations/" + c.id().value()).body().contains("generating"));
        assertTrue(browser.get("/").body().contains("a todo service where people manage tasks"),
                "the conversation is in the list");
    }

    @Test
    void writingAnAnswerWorksLikePressingIt() {
        HttpResponse<String> page = browser.follow(start("a todo service"));
        String csrf = WebClient.csrf(page);
        String href = "/conversations/" + only().id().value();

        browser.post(href + "/messages", "_csrf", csrf, "text", "skip");
        web.idle();

        assertEquals(ConversationState.AWAITING_APPROVAL, only().state());
    }

    @Test
    void anIdeaTheCoreRefusesIsShownWithTheIdeaKept() {
        String idea = "a".repeat(2001);

        HttpResponse<String> res = start(idea);

        assertEquals(422, res.statusCode());
        assertTrue(res.body().contains("That idea is 2001 characters long"), "the core's refusal: " + res.body());
        assertTrue(res.body().contains(">" + idea + "</textarea>"), "the idea is kept for another try");
        assertTrue(web.conversations.list(10, 0).isEmpty());
    }

    @Test
    void whatPeopleWroteIsShownNeverRun() {
        HttpResponse<String> page = browser.follow(start("a shop <script>alert(1)</script> with \"quotes\""));

        assertFalse(page.body().contains("<script>alert(1)</script>"), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
    }

    @Test
    void theBotsMarkdownIsShownFormattedAndWhatPeopleWroteInItStaysText() {
        HttpResponse<String> page = browser.follow(start("a shop [x](javascript:alert(1)) <script>alert(2)</script>"));
        browser.post("/conversations/" + only().id().value() + "/messages", "_csrf", WebClient.csrf(page),
                "text", "skip");
        web.idle();

        String shown = browser.get("/conversations/" + only().id().value()).body();
        assertTrue(shown.contains("<code>generate</code>"), "the spec's message is formatted: " + shown);
        assertFalse(shown.contains("`generate`"), shown);
        assertFalse(shown.contains("<script>alert(2)"), shown);
        assertFalse(shown.contains("href=\"javascript:"), shown);
    }

    @Test
    void aStartWithoutTheFormTokenStartsNothing() {
        browser.get("/");

        HttpResponse<String> res = browser.post("/conversations", "idea", "a todo service");

        assertEquals(403, res.statusCode());
        assertTrue(web.conversations.list(10, 0).isEmpty());
    }

    @Test
    void anAnswerWithoutTheFormTokenChangesNothing() {
        browser.follow(start("a todo service"));
        Conversation before = only();

        HttpResponse<String> res = browser.post("/conversations/" + before.id().value() + "/messages", "text", "skip");
        web.idle();

        assertEquals(403, res.statusCode());
        assertEquals(before.version(), only().version());
    }
}
