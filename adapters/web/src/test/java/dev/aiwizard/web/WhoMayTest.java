package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.Identities;
import dev.aiwizard.web.testing.FakeGitHubOAuth;
import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same who-may rule as in chat, decided by the core: people signed in with GitHub, conversations held on the web
 * and in a chat platform ({@code test}, Slack-like), a person linked to their chat identity, an admin, a stranger.
 */
class WhoMayTest {
    private static final UserRef OCTO_IN_CHAT = new UserRef("U-octo", "Octo in chat");
    private static final UserRef OTHER_IN_CHAT = new UserRef("U-other", "Other in chat");

    private final FakeGitHubOAuth github = FakeGitHubOAuth.start("client-1", "secret-1");
    private final WebFixture web = new WebFixture(base -> new WebSettings("client-1", "secret-1", github.url(),
            github.url(), base, Set.of("boss"), Set.of(WebSettings.EVERYONE), Duration.ofHours(8)),
            Identities.none().link("web", "octocat", "test", "U-octo"));

    @AfterEach
    void stop() {
        web.close();
        github.close();
    }

    /** A browser signed in as {@code login}, and its CSRF token. */
    private Signed signedIn(String login) {
        WebClient browser = web.browser();
        github.signInAs(login, "Name of " + login);
        HttpResponse<String> landed = browser.follow(browser.get("/login/github"));
        assertEquals(200, landed.statusCode(), landed.body());
        return new Signed(browser, WebClient.csrf(landed));
    }

    private record Signed(WebClient browser, String csrf) {
    }

    private Conversation now(Conversation c) {
        return web.conversations.find(c.id()).orElseThrow();
    }

    @Test
    void aLinkedPersonFindsTheirChatConversationAndTakesPartFromTheWeb() {
        Conversation mine = web.startedInChat(OCTO_IN_CHAT, "a todo service");
        Conversation theirs = web.startedInChat(OTHER_IN_CHAT, "a recipe book");
        Signed octo = signedIn("octocat");

        String list = octo.browser().get("/").body();
        assertTrue(list.contains("a todo service"), list);
        assertFalse(list.contains("a recipe book"), "only their own: " + list);
        HttpResponse<String> page = octo.browser().get("/conversations/" + mine.id().value());
        assertTrue(page.body().contains("class=\"say\""), "they may write: " + page.body());

        octo.browser().post("/conversations/" + mine.id().value() + "/choices", "_csrf", octo.csrf(),
                "value", "todo-service");
        web.idle();

        assertEquals(ConversationState.AWAITING_APPROVAL, now(mine).state());
        assertTrue(web.chat.lastPosted().contains("Here is the spec."), "the answer goes to the chat thread too: "
                + web.chat.lastPosted());
        assertEquals(ConversationState.QUESTIONING, now(theirs).state());
    }

    @Test
    void someoneElsesChatConversationIsReadOnlyAndTheCoreRefusesAForgedAnswer() {
        Conversation theirs = web.startedInChat(OTHER_IN_CHAT, "a recipe book");
        int said = web.chat.posted().size();
        Signed stranger = signedIn("stranger");
        String href = "/conversations/" + theirs.id().value();

        HttpResponse<String> page = stranger.browser().get(href);
        assertEquals(200, page.statusCode(), "a chat conversation may be read");
        assertFalse(page.body().contains("class=\"say\""), "no box to write in: " + page.body());
        assertFalse(page.body().contains("value=\"todo-service\""), "no choices to press");
        assertTrue(page.body().contains("from here only the person who asked for it, or an admin, can take part"));

        // The form is not offered, but the core decides: a hand-made post is refused there.
        stranger.browser().post(href + "/choices", "_csrf", stranger.csrf(), "value", "todo-service");
        web.idle();

        assertEquals(theirs.version(), now(theirs).version(), "nothing stored");
        assertEquals(said, web.chat.posted().size(), "nothing said in the chat thread");
        assertTrue(stranger.browser().get(href).body().contains("class=\"note\""), "the refusal is shown to them");
    }

    @Test
    void anotherPersonsWebConversationCannotBeSeen() {
        Signed octo = signedIn("octocat");
        String href = octo.browser().post("/conversations", "_csrf", octo.csrf(), "idea", "a todo service")
                .headers().firstValue("Location").orElseThrow();
        Signed stranger = signedIn("stranger");

        assertEquals(404, stranger.browser().get(href).statusCode());
        assertEquals(404, stranger.browser().post(href + "/messages", "_csrf", stranger.csrf(), "text", "skip")
                .statusCode());
        assertFalse(stranger.browser().get("/").body().contains("a todo service"));
    }

    @Test
    void anAdminSeesEveryConversationAndMayCancelAnyone() {
        Conversation theirs = web.startedInChat(OTHER_IN_CHAT, "a recipe book");
        Signed boss = signedIn("boss");

        String list = boss.browser().get("/?platform=test").body();
        assertTrue(list.contains("All conversations") && list.contains("a recipe book"), list);
        assertFalse(boss.browser().get("/?platform=web").body().contains("a recipe book"), "filtered by platform");

        boss.browser().post("/conversations/" + theirs.id().value() + "/messages", "_csrf", boss.csrf(),
                "text", "cancel");
        web.idle();

        assertEquals(ConversationState.CANCELLED, now(theirs).state());
    }

    @Test
    void aSignedInPersonWhoMayNotDecideCannotApproveInTheChatEither() {
        Conversation theirs = web.startedInChat(OTHER_IN_CHAT, "a recipe book");
        web.service.reply(new dev.aiwizard.core.chat.InboundMessage(theirs.thread(), OTHER_IN_CHAT, "skip", null));
        Signed octo = signedIn("octocat");

        octo.browser().post("/conversations/" + theirs.id().value() + "/choices", "_csrf", octo.csrf(),
                "value", "generate");
        web.idle();

        assertEquals(ConversationState.AWAITING_APPROVAL, now(theirs).state(), "not approved by someone else");
    }
}
