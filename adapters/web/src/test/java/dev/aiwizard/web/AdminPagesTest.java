package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.conversation.Identities;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.web.testing.FakeGitHubOAuth;
import dev.aiwizard.web.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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

        for (String page : List.of("/admin/audit", "/admin/usage", "/admin/settings")) {
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
    void anAdminSeesUsageAndCostPerPersonAndModel() {
        ConversationId c = ConversationId.random();
        Instant now = Instant.now();
        web.usage.record(c, "alice", "openai/gpt-4.1", new ModelUsage(3, 1_000_000, 500_000), now);
        web.usage.record(c, "alice", "ollama/llama3.1", new ModelUsage(2, 10, 20), now);
        web.usage.record(c, "bob", "openai/gpt-4.1", new ModelUsage(1, 500_000, 0), now.minus(Duration.ofDays(40)));

        String html = signedIn("admin-person").get("/admin/usage").body();

        assertTrue(html.contains("<tr data-person=\"alice\" data-model=\"openai/gpt-4.1\"><td>alice</td><td><code>"
                + "openai/gpt-4.1</code></td><td>3</td><td>1,000,000</td><td>500,000</td><td>$6.0000</td></tr>"), html);
        assertTrue(html.contains("data-model=\"ollama/llama3.1\""), html);
        assertTrue(html.contains("not priced"), html);
        assertTrue(html.contains("<strong id=\"usage-total\">$6.0000</strong>"), html);
        assertFalse(html.contains("data-person=\"bob\""), "older than the 30 days shown");
        assertTrue(signedIn("admin-person").get("/admin/usage?days=60").body().contains("data-person=\"bob\""));
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
