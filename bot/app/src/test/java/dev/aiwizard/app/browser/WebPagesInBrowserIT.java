package dev.aiwizard.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.web.testing.FakeGitHubOAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The web pages of a running bot in a real browser (Debian's Chromium), signed in through a fake of GitHub's OAuth
 * web flow on 127.0.0.1, as a person uses them: what they see, a clean console, nothing asked of another machine,
 * the CSRF fence holding for a request the page did not make, a conversation held with the keyboard alone, and the
 * pages on a phone's screen.
 */
@SpawnsProcesses
class WebPagesInBrowserIT {
    private static final String CLIENT_ID = "e2e-client";
    private static final String CLIENT_SECRET = "e2e-" + "secret";
    private static final String IDEA = "a todo service where people manage tasks with a title and a done flag";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PHONE_WIDTH = 390;

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

    /** Signs {@code b} in as {@code login} the way a person does: the bot's page, GitHub, and back. */
    private void signInAs(Browser b, String login, String name) {
        github.signInAs(login, name);
        b.open(base.resolve("/"));
        assertEquals("/login", b.url().getPath(), "a visitor is sent to sign in");
        b.waitForVisible("a[href='/login/github']", Duration.ofSeconds(10)).getFirst().click();
        b.waitForVisible("main h1", Duration.ofSeconds(30));
    }

    @Test
    void aPersonSignsInWithGitHubAndSeesTheirConversationsWithACleanConsole() {
        signInAs(browser, "octocat", "The Octocat");

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
    void aPersonHoldsAWholeConversationInTheBrowserAndWatchesItsJobLiveWhileAnotherCannotApprove() {
        signInAs(browser, "octocat", "The Octocat");
        browser.waitForVisible("a[href='/conversations/new']", Duration.ofSeconds(5)).getFirst().click();
        browser.waitForVisible("#idea", Duration.ofSeconds(10)).getFirst().sendKeys(IDEA);
        browser.waitForVisible("form[action='/conversations'] button[type=submit]", Duration.ofSeconds(5)).getFirst()
                .click();
        browser.waitForVisible(".messages li.bot", Duration.ofSeconds(30));
        String page = browser.url().getPath();
        assertTrue(page.startsWith("/conversations/"), page);
        // Everything from here on must arrive in this same page (the script's live updates), never by a reload.
        browser.script("window.sameDocument = true");

        say("in Java with a REST API, kept in memory");
        browser.waitUntil("return document.querySelectorAll('.messages li.bot').length >= 2", WAIT);
        say("skip");
        browser.waitForVisible("form.choices button[value='generate']", WAIT);
        assertEquals("waiting for approval", stateShown());
        assertTrue(browser.waitForVisible("details.spec .markdown", WAIT).getFirst().getText().contains("Task"),
                "the spec is shown for approval");
        assertTrue(browser.waitForVisible(".messages li.bot .text strong", WAIT).getFirst().getText()
                .contains("Task"), "the bot's Markdown is shown formatted");
        assertEquals(false, browser.script("return [...document.querySelectorAll('.messages li.bot .text')]"
                + ".some(e => e.textContent.includes('**'))"), "no Markdown shows through as text");

        try (Browser other = Browser.start()) {
            signInAs(other, "hubot", "Hubot");
            other.open(base.resolve(page));
            assertEquals("No such conversation", other.waitForVisible("main h1", WAIT).getFirst().getText());
            // Hubot's own session and form token, sent to approve someone else's conversation.
            Object status = other.script("return fetch(arguments[0], {method: 'POST', body: new URLSearchParams("
                    + "{_csrf: document.querySelector('meta[name=csrf-token]').content, value: 'generate'})})"
                    + ".then(r => r.status)", page + "/choices");
            assertEquals(404L, status, "another person cannot approve");
            Screenshot refused = other.screenshot("web-conversation-other-person");
            assertTrue(refused.showsContent(0.99), refused.toString());
        }
        browser.open(base.resolve(page));
        browser.script("window.sameDocument = true");
        assertEquals("waiting for approval", stateShown(), "nothing was approved by the other person");

        wizard.runner().stopClaiming();
        browser.waitForVisible("form.choices button[value='generate']", WAIT).getFirst().click();
        browser.waitUntil("return document.querySelector('.status .state').textContent.trim() === 'generating'",
                WAIT);
        wizard.runner().start();
        browser.waitUntil("return document.querySelector('.status .state').textContent.trim() === 'delivered'",
                WAIT);

        assertEquals(true, browser.script("return window.sameDocument === true"), "the job was followed live");
        assertTrue(browser.waitForVisible(".messages", WAIT).getFirst().getText().contains("wizard/"),
                "the delivery names the branch");
        assertEquals(List.of(), browser.log().consoleErrors(), "the browser console has errors");
        assertEquals(List.of(), browser.log().requestsOffThisMachine(), "requests that leave this machine");
        Screenshot shot = browser.screenshot("web-conversation-delivered");
        assertTrue(shot.hasExpectedSize(), shot.toString());
        assertTrue(shot.showsContent(0.99), shot.toString());
        Screenshot status = browser.screenshot("web-conversation-status", browser.waitForVisible(".status", WAIT)
                .getFirst());
        assertTrue(status.hasExpectedSize(), status.toString());
        assertTrue(status.showsContent(0.99), status.toString());

        readsAGeneratedFileAndDownloadsTheZip();
    }

    /** From the delivered conversation: its job's page, one generated file, highlighted, and the ZIP. */
    private void readsAGeneratedFileAndDownloadsTheZip() {
        browser.waitForVisible("#conversation-job", WAIT).getFirst().click();
        assertEquals("delivered", browser.waitForVisible("#job-state", WAIT).getFirst().getText());
        assertTrue(browser.waitForVisible("#job-branch", WAIT).getFirst().getText().startsWith("wizard/"));
        URI jobPage = browser.url();

        browser.waitForVisible("#job-files", WAIT).getFirst().click();
        browser.waitForVisible("#file-tree a[data-file$='.java']", WAIT).getFirst().click();
        String path = browser.waitForVisible("#file-view", WAIT).getFirst().getAttribute("data-path");
        assertTrue(path.endsWith(".java"), path);
        assertTrue(browser.waitForVisible("#file-view [class^='tok-']", WAIT).size() > 10,
                "the code is highlighted");
        showsCodeAtANormalLineHeight("#file-view pre", ".line");
        Screenshot file = browser.screenshot("web-generated-file");
        assertTrue(file.hasExpectedSize(), file.toString());
        assertTrue(file.showsContent(0.99), file.toString());

        browser.open(jobPage);
        browser.waitForVisible("#job-diff", WAIT).getFirst().click();
        browser.waitForVisible("section.diff pre", WAIT);
        showsCodeAtANormalLineHeight("section.diff pre", "code > span");

        browser.open(jobPage);
        browser.waitForVisible("#job-zip", WAIT).getFirst().click();
        Path zip = browser.downloaded("todo-service.zip", WAIT);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<String> names = archive.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("todo-service/" + path), path + " in " + names);
            assertTrue(names.contains("todo-service/README.md"), names.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), browser.log().consoleErrors(), "the browser console has errors");
        assertEquals(List.of(), browser.log().requestsOffThisMachine(), "requests that leave this machine");
    }

    /** Writes {@code text} in the conversation's box and sends it, as a person does. */
    private void say(String text) {
        browser.waitForVisible("#say-text", WAIT).getFirst().sendKeys(text);
        browser.waitForVisible("form.say button[type=submit]", WAIT).getFirst().click();
    }

    private String stateShown() {
        return browser.waitForVisible(".status .state", WAIT).getFirst().getText();
    }

    @Test
    void aPersonHoldsAConversationWithTheKeyboardOnlyAndThePagesFitAPhone() {
        signInAs(browser, "octocat", "The Octocat");
        browser.press(Keys.TAB);
        assertFocusOn("a.skip");
        assertTrue((Long) browser.script("return Math.round(document.activeElement.getBoundingClientRect().left)")
                >= 0, "the focused skip link is on the screen");
        browser.press(Keys.ENTER);
        assertFocusOn("main#main");
        tabTo("main a[href='/conversations/new']", true);
        browser.press(Keys.ENTER);
        browser.waitUntil("return document.activeElement.id === 'idea'", Duration.ofSeconds(10));
        assertFocusOn("#idea");
        browser.press(IDEA, Keys.TAB);
        assertFocusOn("form[action='/conversations'] button[type=submit]");
        browser.shiftTab();
        assertFocusOn("#idea");
        browser.press(Keys.TAB, Keys.ENTER);
        browser.waitForVisible(".messages li.bot", WAIT);

        tabTo("#say-text", true);
        browser.press("in Java with a REST API, kept in memory");
        tabTo("form.say button[type=submit]", true);
        browser.press(Keys.ENTER);
        browser.waitUntil("return document.querySelectorAll('.messages li.bot').length >= 2", WAIT);
        assertFocusOn("#say-text");
        browser.press("skip", Keys.TAB, Keys.ENTER);
        browser.waitForVisible("form.choices button[value='generate']", WAIT);
        assertFocusOn("#say-text");
        tabTo("form.choices button[value='generate']", false);
        browser.press(Keys.SPACE);
        browser.waitUntil("return document.querySelector('.status .state').textContent.trim() === 'delivered'",
                WAIT);
        assertEquals(List.of(), browser.log().consoleErrors(), "the browser console has errors");

        browser.phone(PHONE_WIDTH, 844);
        fitsThePhone("web-phone-conversation");
        browser.waitForVisible("#conversation-job", WAIT).getFirst().click();
        browser.waitForVisible("#job-state", WAIT);
        fitsThePhone("web-phone-job");
        browser.waitForVisible("#job-files", WAIT).getFirst().click();
        browser.waitForVisible("#file-tree a[data-file$='.java']", WAIT).getFirst().click();
        browser.waitForVisible("#file-view", WAIT);
        fitsThePhone("web-phone-file");
        showsCodeAtANormalLineHeight("#file-view pre", ".line");
        assertEquals(List.of(), browser.log().consoleErrors(), "the browser console has errors");
    }

    /** Presses Tab ({@code forward}) or Shift+Tab until {@code css} has the focus; each stop shows its focus. */
    private void tabTo(String css, boolean forward) {
        for (int i = 0; i < 40; i++) {
            if (forward) {
                browser.press(Keys.TAB);
            } else {
                browser.shiftTab();
            }
            if (browser.focused().getTagName().equals("body")) {
                continue;
            }
            assertTrue(browser.focusIsVisible(), "no visible focus on " + browser.focused().getAttribute("outerHTML"));
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
        }
        fail("the keyboard never reached " + css);
    }

    private void assertFocusOn(String css) {
        assertEquals(true, browser.script("return document.activeElement.matches(arguments[0])", css),
                css + " has the focus, not " + browser.focused().getAttribute("outerHTML"));
        if (!css.startsWith("main")) {
            assertTrue(browser.focusIsVisible(), "no visible focus on " + css);
        }
    }

    /** The open page at the phone's size: nothing wider than the screen, text of 14 px or more, drawn. */
    private void fitsThePhone(String name) {
        browser.open(browser.url());
        // A page wider than the phone makes a mobile browser widen its layout viewport past the screen. What a box
        // of its own scrolls (the code) may be wider.
        assertEquals(List.of(), browser.script("const scrolled = e => e.parentElement && (getComputedStyle("
                + "e.parentElement).overflowX !== 'visible' || scrolled(e.parentElement));"
                + "return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > arguments[0] && !scrolled(e))"
                + ".map(e => e.tagName + '.' + e.className)", PHONE_WIDTH), name + " is wider than the phone");
        assertEquals(true, browser.script("return window.innerWidth === arguments[0]"
                + " && document.documentElement.scrollWidth <= window.innerWidth", PHONE_WIDTH),
                name + " scrolls sideways: " + browser.script("return [window.innerWidth,"
                        + " document.documentElement.scrollWidth]"));
        Object small = browser.script("return [...document.querySelectorAll('main *')]"
                + ".filter(e => e.offsetParent && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
                + ".filter(e => parseFloat(getComputedStyle(e).fontSize) < 14)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + getComputedStyle(e).fontSize)");
        assertEquals(List.of(), small, name + ": text smaller than 14 px");
        Screenshot shot = browser.screenshot(name);
        assertTrue(shot.hasExpectedSize(), shot.toString());
        assertTrue(shot.showsContent(0.99), shot.toString());
    }

    /** The lines ({@code line}) of the first code block ({@code pre}) sit at a code line height, not a gap apart. */
    private void showsCodeAtANormalLineHeight(String pre, String line) {
        Number ratio = (Number) browser.script("const pre = document.querySelector(arguments[0]),"
                + " s = getComputedStyle(pre), lines = pre.querySelectorAll(arguments[1]).length,"
                + " height = pre.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);"
                + "return height / lines / parseFloat(s.fontSize)", pre, line);
        assertTrue(ratio.doubleValue() < 1.8, "each line of " + pre + " takes " + ratio + " times the font size");
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndTheSignOutFormStillWorks() {
        signInAs(browser, "hubot", "Hubot");

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
