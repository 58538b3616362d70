package dev.aiwizard.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.web.testing.FakeGitHubOAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages of a running bot in a real browser (Debian's Chromium), signed in through a fake of GitHub's OAuth
 * web flow on 127.0.0.1, as a person uses them: what they see, a clean console, nothing asked of another machine,
 * and the CSRF fence holding for a request the page did not make.
 */
@Tag("processes")
class WebPagesInBrowserIT {
    private static final String CLIENT_ID = "e2e-client";
    private static final String CLIENT_SECRET = "e2e-" + "secret";

    @TempDir
    Path data;
    private final FakeGitHubOAuth github = FakeGitHubOAuth.start(CLIENT_ID, CLIENT_SECRET);
    private Wizard wizard;
    private Browser browser;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        // The public URL is the callback GitHub sends the browser back to, so the port is chosen before the start.
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        wizard = Wizard.start(SettingsLoader.load(Map.ofEntries(Map.entry("WIZARD_PORT", String.valueOf(port)),
                Map.entry("WIZARD_HOST", "127.0.0.1"), Map.entry("WIZARD_DATA_DIR", data.toString()),
                Map.entry("WIZARD_CONSOLE", "false"), Map.entry("WIZARD_VALIDATE", "never"),
                Map.entry("WIZARD_PUBLIC_URL", base.toString()), Map.entry("WIZARD_WEB_USERS", "octocat,hubot"),
                Map.entry("GITHUB_OAUTH_CLIENT_ID", CLIENT_ID), Map.entry("GITHUB_OAUTH_CLIENT_SECRET", CLIENT_SECRET),
                Map.entry("GITHUB_OAUTH_URL", github.url().toString()),
                Map.entry("GITHUB_OAUTH_API_URL", github.url().toString()))),
                new PrintStream(new ByteArrayOutputStream()));
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        wizard.close();
        github.close();
    }

    /** Signs the browser in as {@code login} the way a person does: the bot's page, GitHub, and back. */
    private void signInAs(String login, String name) {
        github.signInAs(login, name);
        browser.open(base.resolve("/"));
        assertEquals("/login", browser.url().getPath(), "a visitor is sent to sign in");
        browser.waitForVisible("a[href='/login/github']", Duration.ofSeconds(10)).getFirst().click();
        browser.waitForVisible("main h1", Duration.ofSeconds(30));
    }

    @Test
    void aPersonSignsInWithGitHubAndSeesTheirConversationsWithACleanConsole() {
        signInAs("octocat", "The Octocat");

        assertEquals(base.resolve("/"), browser.url());
        assertEquals("My conversations", browser.waitForVisible("main h1", Duration.ofSeconds(5)).getFirst()
                .getText());
        assertEquals("The Octocat", browser.waitForVisible(".who span", Duration.ofSeconds(5)).getFirst().getText());
        assertTrue(github.requests().stream().anyMatch(r -> r.path().equals("/login/oauth/access_token")),
                "the code was exchanged with GitHub");
        assertEquals(List.of(), browser.log().consoleErrors(), "the browser console has errors");
        assertEquals(List.of(), browser.log().requestsOffThisMachine(), "requests that leave this machine");
        Screenshot page = browser.screenshot("web-my-conversations");
        assertTrue(page.hasExpectedSize(), page.toString());
        assertTrue(page.showsContent(0.99), page.toString());
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndTheSignOutFormStillWorks() {
        signInAs("hubot", "Hubot");

        // The same browser, with its session cookie, but without the page's token: as a forged form would send it.
        Object status = browser.script("return fetch('/logout', {method: 'POST'}).then(r => r.status)");

        assertEquals(403L, status);
        browser.open(base.resolve("/"));
        assertEquals("My conversations", browser.waitForVisible("main h1", Duration.ofSeconds(5)).getFirst()
                .getText(), "still signed in");
        browser.waitForVisible(".who form button", Duration.ofSeconds(5)).getFirst().click();
        browser.waitForVisible("a[href='/login/github']", Duration.ofSeconds(10));
        assertEquals("/login", browser.url().getPath(), "signed out with the form's token");
        browser.open(base.resolve("/"));
        assertEquals("/login", browser.url().getPath(), "the session is over");
        assertTrue(browser.log().consoleErrors().stream().allMatch(e -> e.contains("/logout") && e.contains("403")),
                "only the refused request is an error: " + browser.log().consoleErrors());
    }
}
