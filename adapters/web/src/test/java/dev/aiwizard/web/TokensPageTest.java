package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.access.Principal;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Personal API tokens made, listed and revoked in the page. */
class TokensPageTest {
    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\"[^>]*value=\"(" + ApiTokens.PREFIX
            + "[a-z0-9]+)\"");
    private final WebFixture web = new WebFixture(WebSettings.localOnly());

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aTokenIsShownOnceAndWorksUntilRevoked() {
        WebClient browser = web.browser();
        String csrf = WebClient.csrf(browser.get("/tokens"));

        HttpResponse<String> made = browser.post("/tokens", "_csrf", csrf, "name", "laptop");

        assertEquals(201, made.statusCode(), made.body());
        Matcher m = SECRET.matcher(made.body());
        assertTrue(m.find(), made.body());
        String secret = m.group(1);
        Principal owner = web.tokens.recognise(secret).orElseThrow();
        assertEquals(Person.LOCAL_LOGIN, owner.user().id());
        HttpResponse<String> listed = browser.get("/tokens");
        assertTrue(listed.body().contains("laptop"), listed.body());
        assertFalse(listed.body().contains(secret), "the list never shows the token again");

        String id = web.tokens.list(owner).getFirst().id();
        HttpResponse<String> revoked = browser.post("/tokens/" + id + "/revoke", "_csrf", csrf);

        assertEquals(303, revoked.statusCode());
        assertTrue(web.tokens.recognise(secret).isEmpty(), "a revoked token stops working at once");
        assertTrue(browser.get("/tokens").body().contains("revoked"));
    }

    @Test
    void aFormWithoutTheTokenMakesNoToken() {
        WebClient browser = web.browser();
        browser.get("/tokens");

        HttpResponse<String> res = browser.post("/tokens", "name", "laptop");

        assertEquals(403, res.statusCode());
        assertTrue(web.tokens.list(Principal.operatorItself()).isEmpty());
    }

    @Test
    void aBadNameIsSaidAndNothingIsMade() {
        WebClient browser = web.browser();
        String csrf = WebClient.csrf(browser.get("/tokens"));

        HttpResponse<String> res = browser.post("/tokens", "_csrf", csrf, "name", "<bad>");

        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("id=\"token-problem\""), res.body());
        assertTrue(web.tokens.list(Principal.operatorItself()).isEmpty());
    }

    @Test
    void someoneElsesTokenCannotBeRevokedHere() {
        var other = (ApiTokens.Issue.Issued) web.tokens.issue(Principal.operatorItself(), new UserRef("bob", "Bob"),
                "bobs phone");
        WebClient browser = web.browser();
        String csrf = WebClient.csrf(browser.get("/tokens"));

        HttpResponse<String> res = browser.post("/tokens/" + other.token().id() + "/revoke", "_csrf", csrf);

        assertEquals(404, res.statusCode());
        assertTrue(web.tokens.recognise(other.secret()).isPresent());
        assertFalse(browser.get("/tokens").body().contains("bobs phone"), "nor is it listed");
    }
}
