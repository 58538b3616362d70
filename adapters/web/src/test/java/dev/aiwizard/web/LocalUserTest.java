package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An install without sign-in: the single local user, on this machine only. */
class LocalUserTest {
    private final WebFixture web = new WebFixture(WebSettings.localOnly());

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theLocalUserIsSignedInAtOnceAndSeesEveryConversation() {
        HttpResponse<String> page = web.browser().get("/");

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Local Person"), page.body());
        assertTrue(page.body().contains("All conversations"), "the local user is the operator");
        assertTrue(page.headers().firstValue("Set-Cookie").orElse("").startsWith("wizard-session="),
                "a session holds the local user's CSRF token");
    }

    @Test
    void theLocalUserKeepsOneSessionAcrossPages() {
        WebClient browser = web.browser();
        String first = WebClient.csrf(browser.get("/"));

        assertEquals(first, WebClient.csrf(browser.get("/conversations")));
        assertEquals(1, web.sessions.size());
    }

    @Test
    void aRequestThroughAProxyIsNotTheLocalUser() {
        HttpResponse<String> page = web.browser().get("/", "X-Forwarded-For", "203.0.113.9");

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Sign-in is not configured"), page.body());
        assertEquals(0, web.sessions.size());
    }

    @Test
    void theSignInPageSaysSignInIsNotConfigured() {
        HttpResponse<String> page = web.browser().get("/login");

        assertTrue(page.body().contains("GITHUB_OAUTH_CLIENT_ID"), page.body());
        assertEquals(404, web.browser().get("/login/github").statusCode());
    }
}
