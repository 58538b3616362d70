package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.FILES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.Fence;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobTakenOverException;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.core.job.Verification;
import dev.aiwizard.core.spec.Placement;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHttpServer;
import dev.aiwizard.git.testing.GitTestSettings;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to {@code owner/repo} on GitHub, end to end through the real JGit and github-api clients: a local git
 * server that wants a token, and a local fake of GitHub's REST API.
 */
class GitHubPublisherTest {
    private static final String TOKEN = "ghp_test0000000000000000000000000000000";
    private static final String BODY = "## Spec\n\nA todo app.\n";

    @TempDir
    Path tmp;
    private GitHttpServer git;
    private FakeGitHub gitHub;
    private GitSettings settings;
    private ObjectId main;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        git = GitHttpServer.start(tmp.resolve("remote"));
        git.createBare("acme", "todo");
        git.acceptToken(TOKEN);
        gitHub = FakeGitHub.start();
        gitHub.acceptToken(TOKEN);
        gitHub.addRepo("acme", "todo", git.url("acme", "todo"), "main");
        main = ObjectId.fromString(git.initialise("acme", "todo"));
        settings = GitTestSettings.local(tmp.resolve("data")).withAllowedTargets(List.of("acme/*"));
    }

    @AfterEach
    void tearDown() {
        git.close();
        gitHub.close();
    }

    private GitPublisher publisher(GitHubSettings access) {
        return new GitPublisher(settings, access.withApiUrl(URI.create(gitHub.apiUrl())), waits::add,
                Clock.systemUTC(), branch -> {
                });
    }

    private GitPublisher publisher() {
        return publisher(GitTestSettings.gitHub().withToken(TOKEN).withPullRequests(true, List.of("ai-generated"),
                List.of("alice")));
    }

    @Test
    void aFirstDeliveryOpensOneDraftPullRequestWithBodyLabelsAndReviewersAndLeavesTheDefaultBranchAlone()
            throws Exception {
        PublishResult r = publisher().publish(request(null, FILES, BODY, null));

        assertEquals(1, r.pullRequest());
        assertEquals("https://github.example/acme/todo/pull/1", r.pullRequestUrl());
        assertEquals(git.url("acme", "todo"), r.location(), "people clone from GitHub's clone URL");
        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertEquals(r.branch(), pr.head());
        assertEquals("main", pr.base());
        assertTrue(pr.draft());
        assertEquals("Generate todo-app", pr.title());
        assertEquals(BODY, pr.body());
        assertEquals(List.of("ai-generated"), pr.labels());
        assertEquals(List.of("alice"), pr.reviewers());
        Path bare = git.repoDir("acme", "todo");
        assertEquals(main, Repos.tip(bare, "main"), "the default branch is never written");
        assertEquals(main, Repos.commit(bare, r.commitId()).getParent(0).getId(), "the branch grows from main");
        assertEquals(Map.of("README.md", "# todo\n", "todo-app/README.md", "# todo-app\n",
                "todo-app/src/main/java/App.java", "class App {}\n", "todo-app/docs/spec.md", "# spec\n"),
                Repos.files(bare, r.commitId()), "the project in its own folder, next to the repository's README");
        assertTrue(gitHub.requests().stream().noneMatch(q -> q.body().contains(TOKEN)), "the token is never sent as data");
    }

    @Test
    void anEmptyRepositoryIsRefusedWithHowToInitialiseItAndNothingIsPushedToIt() throws Exception {
        git.createBare("acme", "empty");
        gitHub.addRepo("acme", "empty", git.url("acme", "empty"), "main");
        PublishRequest r = Deliveries.request(ALICE, "acme/empty", null, FILES);

        PublishException e = assertThrows(PublishException.class, () -> publisher().publish(
                new PublishRequest(ALICE, r.spec(), null, FILES, r.commitMessage(), null, BODY, null)));

        assertTrue(e.getMessage().contains("the repository acme/empty is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("Initialise it with a first commit (e.g. a README), then say `generate` "
                + "again"), e.getMessage());
        assertEquals(0, git.pushes(), "GitHub would make a first pushed branch the default branch");
        assertEquals(List.of(), Repos.branches(git.repoDir("acme", "empty")));
        assertEquals(List.of(), gitHub.pulls("acme", "empty"));
    }

    @Test
    void aProjectPlacedInGithubWorkflowsIsRefusedBeforeAnythingIsPushed() throws Exception {
        PublishRequest r = Deliveries.request(ALICE, "acme/todo", null, FILES);
        Spec placed = r.spec().withPlacement(new Placement(null, ".github/workflows"));
        List<GeneratedFile> planned = List.of(new GeneratedFile("ci.yml", "on: push\njobs: {}\n"),
                new GeneratedFile("README.md", "# todo-app\n"));

        PublishException e = assertThrows(PublishException.class, () -> publisher().publish(
                new PublishRequest(ALICE, placed, null, planned, r.commitMessage(), null, BODY, null)));

        assertTrue(e.getMessage().contains(".github/workflows") && e.getMessage().contains("protected location"),
                e.getMessage());
        assertEquals(0, git.pushes());
        assertEquals(List.of("main"), Repos.branches(git.repoDir("acme", "todo")));
        assertEquals(main, Repos.tip(git.repoDir("acme", "todo"), "main"));
        assertEquals(List.of(), gitHub.pulls("acme", "todo"));
    }

    @Test
    void approvingTwiceOrARetriedJobYieldsOneBranchOneCommitAndOnePullRequest() throws Exception {
        GitPublisher publisher = publisher();
        PublishResult first = publisher.publish(request(null, FILES, BODY, null));
        int pushes = git.pushes();

        PublishResult again = publisher.publish(request(null, FILES, BODY, null));

        assertEquals(first, again);
        assertEquals(pushes, git.pushes(), "nothing new to push");
        assertEquals(1, gitHub.pulls("acme", "todo").size());
        assertEquals(List.of("main", first.branch()), Repos.branches(git.repoDir("acme", "todo")));
    }

    @Test
    void aRevisionCommitsOnTheSameBranchUpdatesTheBodyAndCommentsOncePerCommit() throws Exception {
        GitPublisher publisher = publisher();
        PublishResult first = publisher.publish(request(null, FILES, BODY, null));
        List<GeneratedFile> revised = List.of(new GeneratedFile("README.md", "# todo-app v2\n"));

        PublishResult second = publisher.publish(request(first.branch(), revised, BODY + "v2\n",
                "Revised by AI Wizard:\n- added entity Tag"));
        publisher.publish(request(first.branch(), revised, BODY + "v2\n", "Revised by AI Wizard:\n- added entity Tag"));

        assertEquals(first.branch(), second.branch());
        assertEquals(1, second.pullRequest());
        assertEquals(first.commitId(), Repos.commit(git.repoDir("acme", "todo"), second.commitId()).getParent(0)
                .getName());
        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertEquals(BODY + "v2\n", pr.body());
        assertEquals(1, pr.comments().size(), pr.comments().toString());
        assertTrue(pr.comments().getFirst().contains("added entity Tag"), pr.comments().getFirst());
        assertTrue(pr.comments().getFirst().contains(second.commitId()), pr.comments().getFirst());
    }

    @Test
    void aPublisherWhoseJobWasTakenOverAfterThePushOpensNoPullRequest() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        JobId job = JobId.random();
        Fence takenOverAfterThePush = () -> {
            if (checks.incrementAndGet() > 1) {
                throw new JobTakenOverException(job);
            }
        };

        assertThrows(JobTakenOverException.class,
                () -> publisher().publish(request(null, FILES, BODY, null), takenOverAfterThePush));

        assertEquals(2, checks.get(), "checked before the push and before the pull request");
        assertTrue(Repos.branches(git.repoDir("acme", "todo")).stream().anyMatch(b -> b.startsWith("wizard/")),
                "the push itself happened");
        assertTrue(gitHub.pulls("acme", "todo").isEmpty(), "no pull request");
    }

    @Test
    void aPushGitHubRejectsIsReportedWithTheReasonAndOpensNoPullRequest() {
        git.protect("wizard/todo-app-alice001");
        PublishException protectedBranch = assertThrows(PublishException.class,
                () -> publisher().publish(request(null, FILES, BODY, null)));

        String readOnly = "ghp_readonly000000000000000000000000000";
        git.readOnlyToken(readOnly);
        gitHub.acceptToken(readOnly);
        PublishException noPermission = assertThrows(PublishException.class,
                () -> publisher(GitTestSettings.gitHub().withToken(readOnly)).publish(request(null, FILES, BODY, null)));

        assertTrue(protectedBranch.getMessage().contains("protected branch hook declined"),
                protectedBranch.getMessage());
        assertTrue(noPermission.getMessage().contains("not allowed"), noPermission.getMessage());
        assertFalse(noPermission.getMessage().contains(readOnly), "the token is never shown");
        assertEquals(List.of(), gitHub.pulls("acme", "todo"));
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutForAtLeastAMinuteAndTheCallMadeOnce() throws Exception {
        gitHub.failNext("POST", "/repos/acme/todo/pulls", 403, Map.of("retry-after", "3"),
                "{\"message\":\"You have exceeded a secondary rate limit.\"}");

        PublishResult r = publisher().publish(request(null, FILES, BODY, null));

        assertEquals(List.of(Duration.ofMinutes(1)), waits, "retry-after 3 s is stretched to a minute");
        assertEquals(1, r.pullRequest());
        assertEquals(1, gitHub.pulls("acme", "todo").size());
    }

    @Test
    void aSecondaryLimitThatComesBackIsWaitedOutTwiceAsLong() throws Exception {
        for (int i = 0; i < 2; i++) {
            gitHub.failNext("POST", "/repos/acme/todo/pulls", 429, Map.of("retry-after", "90"),
                    "{\"message\":\"You have exceeded a secondary rate limit.\"}");
        }

        PublishResult r = publisher().publish(request(null, FILES, BODY, null));

        assertEquals(List.of(Duration.ofSeconds(90), Duration.ofSeconds(180)), waits,
                "retry-after when longer than a minute, then doubled");
        assertEquals(1, r.pullRequest());
        assertEquals(1, gitHub.pulls("acme", "todo").size(), "each refused call was made again once, not twice");
    }

    @Test
    void anExhaustedRateLimitThatResetsTooLateFailsSayingWhenToTryAgain() {
        long reset = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        gitHub.failNext("GET", "/repos/acme/todo", 403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset",
                String.valueOf(reset)), "{\"message\":\"API rate limit exceeded\"}");

        PublishException e = assertThrows(PublishException.class,
                () -> publisher().publish(request(null, FILES, BODY, null)));

        assertTrue(e.getMessage().contains("rate limit is used up; try again after"), e.getMessage());
        assertEquals(List.of(), waits, "an hour is longer than the bot waits");
        assertEquals(0, git.pushes());
    }

    @Test
    void aRejectedTokenIsReportedWithoutTheToken() {
        String wrong = "ghp_wrong00000000000000000000000000000";

        PublishException e = assertThrows(PublishException.class,
                () -> publisher(GitTestSettings.gitHub().withToken(wrong)).publish(request(null, FILES, BODY, null)));

        assertTrue(e.getMessage().contains("did not accept the bot's credentials"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void withoutGitHubAccessAGitHubTargetIsRefusedWithWhatToConfigure() {
        PublishException e = assertThrows(PublishException.class,
                () -> new GitPublisher(settings).publish(request(null, FILES, BODY, null)));

        assertTrue(e.getMessage().contains("set GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY")
                || e.getMessage().contains("sets GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY"),
                e.getMessage());
        assertEquals(List.of(), gitHub.requests());
    }

    @Test
    void aGitHubAppSignsInWithItsKeyAndPushesWithAnInstallationTokenItRenewsBeforeExpiry() throws Exception {
        KeyPair keys = PemKeysTest.rsa();
        String pkcs1 = PemKeysTest.pem("RSA PRIVATE KEY", PemKeysTest.pkcs1Of(keys.getPrivate().getEncoded()));
        gitHub.installApp(42, keys.getPublic(), 7, Duration.ofMinutes(4));
        git.acceptIf(gitHub::isValidToken);
        GitPublisher publisher = publisher(GitTestSettings.gitHub().withApp("42", pkcs1));

        PublishResult r = publisher.publish(request(null, FILES, BODY, null));
        int afterFirst = gitHub.installationTokensIssued();
        publisher.publish(request(r.branch(), List.of(new GeneratedFile("README.md", "v2\n")), BODY, "Revised"));

        assertEquals(1, r.pullRequest());
        assertTrue(afterFirst >= 1, "an installation token was issued");
        assertTrue(gitHub.installationTokensIssued() > afterFirst,
                "a token that expires within five minutes is renewed before the next use");
        assertTrue(gitHub.requests().stream().anyMatch(q -> q.path().equals("/repos/acme/todo/installation")
                && q.authorization().startsWith("Bearer ")), "the installation is found with the app's JWT");
    }

    @Test
    void aLongLivedInstallationTokenIsReused() throws Exception {
        KeyPair keys = PemKeysTest.rsa();
        gitHub.installApp(42, keys.getPublic(), 7, Duration.ofHours(1));
        git.acceptIf(gitHub::isValidToken);
        GitPublisher publisher = publisher(GitTestSettings.gitHub().withApp("42",
                PemKeysTest.pem("PRIVATE KEY", keys.getPrivate().getEncoded())));

        PublishResult r = publisher.publish(request(null, FILES, BODY, null));
        publisher.publish(request(r.branch(), List.of(new GeneratedFile("README.md", "v2\n")), BODY, "Revised"));

        assertEquals(1, gitHub.installationTokensIssued());
    }

    private static Verification tests(Verification.Outcome outcome, int passed, int failed) {
        return new Verification(outcome, "mvn -o -B test", passed + failed, passed, failed, 0, Duration.ofSeconds(9),
                failed == 0 ? List.of() : List.of("AppTest.works"), "", null, 1);
    }

    private static PublishRequest verified(String branch, List<GeneratedFile> files, Verification v) {
        PublishRequest r = request(branch, files, BODY, branch == null ? null : "Revised");
        return new PublishRequest(ALICE, r.spec(), branch, files, r.commitMessage(), null, BODY, r.changeNote(), v);
    }

    private GitPublisher readyForReview() {
        return publisher(GitTestSettings.gitHub().withToken(TOKEN).withPullRequests(false, List.of("ai-generated"),
                List.of()));
    }

    @Test
    void passingTestsLeaveAPullRequestReadyForReviewWithASuccessStatusOnItsCommit() {
        PublishResult r = readyForReview().publish(verified(null, FILES, tests(Verification.Outcome.PASSED, 41, 0)));

        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertFalse(pr.draft());
        assertEquals(List.of("ai-generated"), pr.labels());
        assertEquals(List.of(new FakeGitHub.Status(r.commitId(), "success", "tests: 41 passed", "ai-wizard/tests",
                null)), gitHub.statuses("acme", "todo"));
    }

    @Test
    void failingTestsOpenALabelledDraftWithAFailureStatusUntilARevisionTurnsThemGreen() {
        GitPublisher publisher = readyForReview();
        PublishResult first = publisher.publish(verified(null, FILES, tests(Verification.Outcome.FAILED, 41, 3)));

        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertTrue(pr.draft(), "failing code is not ready for review");
        assertEquals(List.of("ai-generated", "wizard:tests-failing"), pr.labels());
        FakeGitHub.Status failed = gitHub.statuses("acme", "todo").getLast();
        assertEquals(first.commitId(), failed.sha());
        assertEquals("failure", failed.state());
        assertEquals("tests: 41 passed, 3 failed", failed.description());

        PublishResult second = publisher.publish(verified(first.branch(), List.of(new GeneratedFile("README.md",
                "fixed\n")), tests(Verification.Outcome.PASSED, 44, 0)));

        pr = gitHub.pulls("acme", "todo").getFirst();
        assertEquals(List.of("ai-generated"), pr.labels(), "the failing label goes once the tests pass");
        FakeGitHub.Status passed = gitHub.statuses("acme", "todo").getLast();
        assertEquals(second.commitId(), passed.sha());
        assertEquals("success", passed.state());
        assertTrue(second.notes().stream().anyMatch(n -> n.contains("still a draft: mark it ready for review")),
                second.notes().toString());
    }

    @Test
    void codeThatWasNeverRunGetsAnErrorStatusAndADraftButNoFailingLabel() {
        PublishResult r = readyForReview().publish(verified(null, FILES, Verification.notRun("mvn -o -B test",
                "no sandbox available (install bubblewrap: apt-get install bubblewrap); " + "x".repeat(200))));

        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertTrue(pr.draft());
        assertEquals(List.of("ai-generated"), pr.labels());
        FakeGitHub.Status status = gitHub.statuses("acme", "todo").getLast();
        assertEquals("error", status.state());
        assertEquals(140, status.description().length(), "GitHub refuses longer descriptions");
        assertTrue(status.description().startsWith("tests not run: no sandbox available"), status.description());
        assertEquals(r.commitId(), status.sha());
    }

    private static PublishRequest request(String branch, List<GeneratedFile> files, String body, String changeNote) {
        PublishRequest r = Deliveries.request(ALICE, "acme/todo", branch, files);
        return new PublishRequest(ALICE, r.spec(), branch, files, r.commitMessage(), null, body, changeNote);
    }
}
