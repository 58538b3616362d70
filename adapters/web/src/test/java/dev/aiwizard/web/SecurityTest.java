package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.web.testing.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What protects every page: the headers, the cookies' attributes, the CSRF token. */
class SecurityTest {
    @Test
    void everyPageAndAssetCarriesTheSecurityHeaders() {
        try (WebFixture web = new WebFixture(WebSettings.localOnly())) {
            WebClient browser = web.browser();
            HttpResponse<String> page = browser.get("/");
            String js = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
            for (HttpResponse<String> res : java.util.List.of(page, browser.get("/login"), browser.get(js))) {
                assertEquals(200, res.statusCode(), res.uri().toString());
                String csp = res.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                        && !csp.contains("unsafe-inline"), csp);
                assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElse(""));
                assertEquals("same-origin", res.headers().firstValue("Referrer-Policy").orElse(""));
                assertFalse(res.headers().firstValue("Strict-Transport-Security").isPresent(), "no TLS, no HSTS");
            }
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            assertFalse(page.body().contains("<script>"), "no inline script");
        }
    }

    @Test
    void behindTlsTheCookieIsSecureAndHstsIsSent() {
        WebSettings tls = new WebSettings("", "", URI.create("https://github.com"),
                URI.create("https://api.github.com"), "https://wizard.example.com", Set.of(), Set.of(),
                Duration.ofHours(8));
        try (WebFixture web = new WebFixture(tls)) {
            HttpResponse<String> page = web.browser().get("/");

            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith("__Host-wizard-session="), cookie);
            assertTrue(cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("SameSite=Lax"),
                    cookie);
            assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        }
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndChangesNothing() {
        try (WebFixture web = new WebFixture(WebSettings.localOnly())) {
            WebClient browser = web.browser();
            String csrf = WebClient.csrf(browser.get("/"));

            HttpResponse<String> without = browser.post("/logout");
            HttpResponse<String> wrong = browser.post("/logout", "_csrf", csrf + "x");

            assertEquals(403, without.statusCode());
            assertEquals(403, wrong.statusCode());
            assertTrue(without.body().contains("nothing was done"), without.body());
            assertEquals(1, web.sessions.size(), "the session was not ended");
            assertEquals(303, browser.post("/logout", "_csrf", csrf).statusCode(), "with the token it works");
            assertEquals(0, web.sessions.size());
        }
    }
}
