package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.Identities;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.web.testing.FakeGitHubOAuth;
import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who sees what: admin pages for admins only; any job for every signed-in person, read-only. */
class AdminPagesTest {
    private final FakeGitHubOAuth github = FakeGitHubOAuth.start("client-1", "secret-1");
    private final WebFixture web = new WebFixture(base -> new WebSettings("client-1", "secret-1", github.url(),
            github.url(), base, Set.of("admin-person"), Set.of("octocat"), Duration.ofHours(8)), Identities.none());
    private final JobSamples samples = new JobSamples(web);

    @AfterEach
    void stop() {
        web.close();
        github.close();
    }

    private WebClient signedIn(String login) {
        WebClient browser = web.browser();
        github.signInAs(login, "Name of " + login);
        assertEquals(200, browser.follow(browser.get("/login/github")).statusCode());
        return browser;
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefusedTheAdminPages() {
        WebClient octocat = signedIn("octocat");

        for (String page : List.of("/admin/audit", "/admin/settings")) {
            HttpResponse<String> res = octocat.get(page);
            assertEquals(403, res.statusCode(), page);
            assertTrue(res.body().contains("Admins only"), res.body());
            assertFalse(res.body().contains("WIZARD_PORT"), res.body());
        }
        assertFalse(octocat.get("/").body().contains("href=\"/admin/audit\""), "nor are they linked");
    }

    @Test
    void anAdminReadsTheAuditTrail() {
        Conversation c = samples.conversation("alice", "a todo app");
        web.conversations.audit(c.id(), "GENERATION_QUEUED", "job j-abcdef by alice");

        HttpResponse<String> res = signedIn("admin-person").get("/admin/audit");

        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("data-conversation=\"" + c.id().value() + "\""), res.body());
        assertTrue(res.body().contains("GENERATION_QUEUED: job j-abcdef by alice"), res.body());
    }

    @Test
    void anAdminSeesTheEffectiveSettingsAsSupplied() {
        HttpResponse<String> res = signedIn("admin-person").get("/admin/settings");

        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("<tr data-setting=\"WIZARD_PORT\">"), res.body());
        assertTrue(res.body().contains("set (hidden)"), res.body());
    }

    @Test
    void anyoneSignedInMayLookAtSomeoneElsesJobButNotSignedOutPeople() {
        Job job = samples.queued(samples.conversation("alice", "a todo app"), "todo");

        assertEquals(200, signedIn("octocat").get("/jobs/" + job.id().value()).statusCode());
        HttpResponse<String> anonymous = web.browser().get("/jobs/" + job.id().value());
        assertEquals(303, anonymous.statusCode());
        assertEquals("/login", anonymous.headers().firstValue("Location").orElseThrow());
        assertEquals(303, web.browser().get("/jobs/" + job.id().value() + "/events").statusCode());
    }
}
