package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.web.testing.FakeGitHubOAuth;
import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Sign in with GitHub" against a fake of GitHub's OAuth web flow on 127.0.0.1. */
class SignInTest {
    private final FakeGitHubOAuth github = FakeGitHubOAuth.start("client-1", "secret-1");
    private final WebFixture web = new WebFixture(base -> new WebSettings("client-1", "secret-1", github.url(),
            github.url(), base, Set.of("admin-person"), Set.of("octocat"), Duration.ofHours(8)),
            dev.aiwizard.core.conversation.Identities.none());

    @AfterEach
    void stop() {
        web.close();
        github.close();
    }

    /** Signs {@code browser} in through the fake, as {@code login}; returns the page it lands on. */
    private HttpResponse<String> signIn(WebClient browser, String login) {
        github.signInAs(login, "Name of " + login);
        return browser.follow(browser.get("/login/github"));
    }

    @Test
    void aPersonWhoIsNotSignedInIsSentToTheSignInPage() {
        WebClient browser = web.browser();

        HttpResponse<String> first = browser.get("/");
        assertEquals(303, first.statusCode());
        assertEquals("/login", first.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> login = browser.follow(first);
        assertTrue(login.body().contains("Sign in with GitHub"), login.body());
    }

    @Test
    void signingInWithGitHubShowsThePersonTheirConversations() {
        WebClient browser = web.browser();

        HttpResponse<String> landed = signIn(browser, "octocat");

        assertEquals(200, landed.statusCode(), landed.body());
        assertTrue(landed.body().contains("My conversations"), landed.body());
        assertTrue(landed.body().contains("Name of octocat"), landed.body());
        assertEquals(1, web.sessions.size());
        var authorize = github.requests().stream().filter(r -> r.path().equals("/login/oauth/authorize")).findFirst()
                .orElseThrow();
        assertTrue(authorize.query().contains("redirect_uri=" + java.net.URLEncoder.encode(web.base()
                + "/login/callback", java.nio.charset.StandardCharsets.UTF_8)), authorize.query());
        var exchange = github.requests().stream().filter(r -> r.path().equals("/login/oauth/access_token"))
                .findFirst().orElseThrow();
        assertTrue(exchange.body().contains("client_secret=secret-1"), "the code is exchanged with the secret");
    }

    @Test
    void anAdminSeesEveryConversationWithFilters() {
        HttpResponse<String> landed = signIn(web.browser(), "admin-person");

        assertTrue(landed.body().contains("All conversations"), landed.body());
        assertTrue(landed.body().contains("name=\"platform\""), "admins can filter");
    }

    @Test
    void aCallbackWithAnotherBrowsersStateIsRefused() {
        WebClient victim = web.browser();
        WebClient attacker = web.browser();
        github.signInAs("octocat", "Octocat");
        // The attacker starts a sign-in and hands the victim GitHub's answer (login CSRF).
        HttpResponse<String> toGitHub = attacker.get("/login/github");
        HttpResponse<String> answer = attacker.get(toGitHub.headers().firstValue("Location").orElseThrow());
        String callback = answer.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> res = victim.get(callback);

        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("could not be checked"), res.body());
        assertEquals(0, web.sessions.size(), "no session was started");
        assertFalse(github.requests().stream().anyMatch(r -> r.path().equals("/login/oauth/access_token")),
                "the code was not even exchanged");
    }

    @Test
    void anAccountTheConfigurationDoesNotLetInIsRefused() {
        HttpResponse<String> res = signIn(web.browser(), "stranger");

        assertEquals(403, res.statusCode());
        assertTrue(res.body().contains("stranger may not use this AI Wizard"), res.body());
        assertEquals(0, web.sessions.size());
    }

    @Test
    void aCodeGitHubDoesNotAcceptStartsNoSession() {
        WebClient browser = web.browser();
        HttpResponse<String> toGitHub = browser.get("/login/github");
        String callback = browser.get(toGitHub.headers().firstValue("Location").orElseThrow()).headers()
                .firstValue("Location").orElseThrow();

        HttpResponse<String> res = browser.get(callback.replaceFirst("code=[^&]+", "code=forged"));

        assertEquals(400, res.statusCode());
        assertEquals(0, web.sessions.size());
    }

    @Test
    void signingOutEndsTheSession() {
        WebClient browser = web.browser();
        String csrf = WebClient.csrf(signIn(browser, "octocat"));

        HttpResponse<String> out = browser.post("/logout", "_csrf", csrf);

        assertEquals(303, out.statusCode());
        assertEquals(303, browser.get("/").statusCode(), "signed out: sent to sign in again");
    }

    @Test
    void withSignInConfiguredNoOneIsSignedInAutomaticallyEvenOnThisMachine() {
        assertEquals(303, web.browser().get("/").statusCode());
        assertEquals(0, web.sessions.size());
    }
}
