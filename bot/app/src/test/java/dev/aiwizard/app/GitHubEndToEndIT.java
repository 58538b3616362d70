package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole GitHub flow as a person meets it: a console conversation opens a pull request on a GitHub repository,
 * a reviewer's comment on it revises the same branch, and the merge ends the conversation. GitHub is a local fake of
 * its REST API and a local git server that wants the token; webhooks arrive signed, as GitHub sends them.
 */
class GitHubEndToEndIT {
    private static final String TOKEN = "ghp_e2e00000000000000000000000000000000";
    private static final String SECRET = "a webhook secret for tests";

    @TempDir
    Path tmp;
    private GitHttpServer git;
    private FakeGitHub gitHub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        git = GitHttpServer.start(tmp.resolve("remote"));
        git.createBare("acme", "todo");
        git.acceptToken(TOKEN);
        gitHub = FakeGitHub.start();
        gitHub.acceptToken(TOKEN);
        gitHub.addRepo("acme", "todo", git.url("acme", "todo"), "main");
        git.initialise("acme", "todo");
        gitHub.setPermission("acme", "todo", "bob", "write");
        gitHub.setPermission("acme", "todo", "eve", "read");
    }

    @AfterEach
    void tearDown() {
        git.close();
        gitHub.close();
    }

    @Test
    void aConsoleConversationOpensAPullRequestThatReviewCommentsReviseAndTheMergeEnds() throws Exception {
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "WIZARD_TARGET", "acme/todo",
                "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl(), "GITHUB_WEBHOOK_SECRET", SECRET,
                "WIZARD_GITHUB_REVIEWERS", "alice");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Wizard wizard = Wizard.start(settings, out)) {
            wizard.console(new UserRef("tester", "tester"), out, settings.chat().consoleWait())
                    .run(new BufferedReader(new StringReader("""
                            new a todo service where people manage tasks with a title and a done flag
                            skip
                            generate
                            """)));
            String transcript = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(transcript.contains("Pull request #1: https://github.example/acme/todo/pull/1"), transcript);
            Matcher branch = Pattern.compile("on branch `(wizard/todo-service-[a-z0-9]+)`").matcher(transcript);
            assertTrue(branch.find(), transcript);
            FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
            assertTrue(pr.draft());
            assertEquals(List.of("ai-generated"), pr.labels());
            assertEquals(List.of("alice"), pr.reviewers());
            assertTrue(pr.body().contains("## How to run the tests"), pr.body());
            assertTrue(pr.body().contains("the console thread"), pr.body());
            Conversation c = wizard.storage().conversations().findByBranch(branch.group(1)).getFirst();

            String comment = issueComment("eve", "@ai-wizard add a due date to task");
            assertEquals(401, post(wizard, "issue_comment", UUID.randomUUID().toString(), comment, null).statusCode());
            assertEquals(401, post(wizard, "issue_comment", UUID.randomUUID().toString(), comment, "sha256=00")
                    .statusCode());
            assertEquals(202, post(wizard, "issue_comment", UUID.randomUUID().toString(), comment, sign(comment))
                    .statusCode());
            awaitTrue(wizard::isIdle, "the bot is idle");
            assertEquals(1, wizard.storage().jobs().forConversation(c.id()).size(),
                    "someone without write access cannot ask for changes");

            String fromBob = issueComment("bob", "@ai-wizard add a due date to task");
            String delivery = UUID.randomUUID().toString();
            HttpResponse<String> accepted = post(wizard, "issue_comment", delivery, fromBob, sign(fromBob));
            HttpResponse<String> duplicate = post(wizard, "issue_comment", delivery, fromBob, sign(fromBob));
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertEquals(200, duplicate.statusCode());
            assertTrue(duplicate.body().contains("duplicate"), duplicate.body());
            awaitTrue(() -> revisionsDone(wizard, c) == 1, "the revision job finishes");
            awaitTrue(() -> gitHub.pulls("acme", "todo").getFirst().comments().size() == 1, "the PR gets a comment");
            assertEquals(1, revisionsDone(wizard, c), "a duplicate delivery starts nothing");
            String note = gitHub.pulls("acme", "todo").getFirst().comments().getFirst();
            assertTrue(note.contains("added to Task: dueDate date"), note);
            assertEquals(1, gitHub.pulls("acme", "todo").size(), "still one pull request");
            try (Git repo = Git.open(git.repoDir("acme", "todo").toFile())) {
                List<RevCommit> commits = new java.util.ArrayList<>();
                repo.log().add(repo.getRepository().resolve("refs/heads/" + branch.group(1))).call()
                        .forEach(commits::add);
                assertEquals(3, commits.size(), "the repository's README commit, the first delivery, the revision");
            }

            String merged = closed(1, branch.group(1), "acme/todo", true, "bob");
            assertEquals(202, post(wizard, "pull_request", UUID.randomUUID().toString(), merged, sign(merged))
                    .statusCode());
            awaitTrue(() -> wizard.storage().conversations().find(c.id()).orElseThrow().state()
                    == ConversationState.MERGED, "the conversation ends as merged");
            awaitTrue(() -> bytes.toString(StandardCharsets.UTF_8).contains("The pull request #1 was merged by @bob"),
                    "the thread hears who merged it");
        }
    }

    @Test
    void aReviewCommentOnALineRevisesTheBranchBotsAreIgnoredAndClosingWithoutMergeClosesTheConversation()
            throws Exception {
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "WIZARD_TARGET", "acme/todo",
                "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl(), "GITHUB_WEBHOOK_SECRET", SECRET,
                "WIZARD_GITHUB_DRAFT", "false", "WIZARD_GITHUB_MENTION", "@wiz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Wizard wizard = Wizard.start(settings, out)) {
            wizard.console(new UserRef("tester", "tester"), out, settings.chat().consoleWait())
                    .run(new BufferedReader(new StringReader("""
                            new a todo service where people manage tasks with a title and a done flag
                            skip
                            generate
                            """)));
            Matcher branch = Pattern.compile("on branch `(wizard/todo-service-[a-z0-9]+)`")
                    .matcher(bytes.toString(StandardCharsets.UTF_8));
            assertTrue(branch.find());
            assertEquals(false, gitHub.pulls("acme", "todo").getFirst().draft(), "WIZARD_GITHUB_DRAFT=false");
            Conversation c = wizard.storage().conversations().findByBranch(branch.group(1)).getFirst();

            String fromABot = reviewComment(1, branch.group(1), "acme/todo", "ci-bot", "Bot",
                    "@wiz add a due date to task");
            post(wizard, "pull_request_review_comment", UUID.randomUUID().toString(), fromABot, sign(fromABot));
            String fromBob = reviewComment(1, branch.group(1), "acme/todo", "bob", "User",
                    "@wiz add a due date to task");
            assertEquals(202, post(wizard, "pull_request_review_comment", UUID.randomUUID().toString(), fromBob,
                    sign(fromBob)).statusCode());
            awaitTrue(() -> revisionsDone(wizard, c) == 1, "the revision job finishes");
            assertEquals(2, wizard.storage().jobs().forConversation(c.id()).size(), "the bot's comment started nothing");
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("@bob (GitHub) asked for a change in a review "
                    + "comment on pull request #1: in src/main/java/App.java (line 12): add a due date to task"),
                    bytes.toString(StandardCharsets.UTF_8));

            String closed = closed(1, branch.group(1), "acme/todo", false, "carol");
            post(wizard, "pull_request", UUID.randomUUID().toString(), closed, sign(closed));
            awaitTrue(() -> wizard.storage().conversations().find(c.id()).orElseThrow().state()
                    == ConversationState.CLOSED, "the conversation is closed");
            awaitTrue(() -> bytes.toString(StandardCharsets.UTF_8).contains("closed without merging (by @carol)"),
                    "the thread hears it was closed");
        }
    }

    /** A review comment on a line of pull request {@code number}, whose head is {@code branch} of {@code headRepo}. */
    private static String reviewComment(int number, String branch, String headRepo, String login, String type,
                                        String body) {
        return """
                {"action":"created","pull_request":{"number":%d,"head":{"ref":"%s","repo":{"full_name":"%s"}},
                  "base":{"ref":"main","repo":{"full_name":"acme/todo"}}},
                 "comment":{"id":21,"body":"%s","path":"src/main/java/App.java","line":12,
                            "user":{"login":"%s","type":"%s"}},
                 "repository":{"full_name":"acme/todo"},"sender":{"login":"%s"}}"""
                .formatted(number, branch, headRepo, body, login, type, login);
    }

    /** Pull request {@code number} (head: {@code branch} of {@code headRepo}) closed by {@code by}, or merged. */
    private static String closed(int number, String branch, String headRepo, boolean merged, String by) {
        return """
                {"action":"closed","number":%d,"pull_request":{"number":%d,"merged":%s,"merged_by":%s,
                  "head":{"ref":"%s","repo":{"full_name":"%s"}},"base":{"ref":"main","repo":{"full_name":"acme/todo"}}},
                 "repository":{"full_name":"acme/todo"},"sender":{"login":"%s"}}"""
                .formatted(number, number, merged, merged ? "{\"login\":\"" + by + "\"}" : "null", branch, headRepo,
                        by);
    }

    @Test
    void aForksPullRequestWithTheBotsBranchNameNeitherRevisesNorClosesAnything() throws Exception {
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "WIZARD_TARGET", "acme/todo",
                "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl(), "GITHUB_WEBHOOK_SECRET", SECRET);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Wizard wizard = Wizard.start(settings, out)) {
            String branch = delivered(wizard, settings, out, bytes);
            Conversation c = wizard.storage().conversations().findByBranch(branch).getFirst();
            // Mallory's fork has a branch of the same name; bob (who has write access) comments on her pull request.
            int fork = gitHub.addForkPull("acme", "todo", "mallory", branch, "Improve the todo service");

            String forkClosed = closed(fork, branch, "mallory/todo", false, "mallory");
            String forkReview = reviewComment(fork, branch, "mallory/todo", "bob", "User",
                    "@ai-wizard add a secret field to task");
            String forkComment = issueComment(fork, "bob", "@ai-wizard add an owner field to task");
            assertEquals(202, post(wizard, "pull_request", UUID.randomUUID().toString(), forkClosed,
                    sign(forkClosed)).statusCode());
            assertEquals(202, post(wizard, "pull_request_review_comment", UUID.randomUUID().toString(), forkReview,
                    sign(forkReview)).statusCode());
            assertEquals(202, post(wizard, "issue_comment", UUID.randomUUID().toString(), forkComment,
                    sign(forkComment)).statusCode());
            // Then the bot's own pull request gets a real request; it can only be carried out on an open
            // conversation, and by the time it is done the fork's events (a look-up each) were long handled.
            String ours = issueComment(1, "bob", "@ai-wizard add a due date to task");
            assertEquals(202, post(wizard, "issue_comment", UUID.randomUUID().toString(), ours, sign(ours))
                    .statusCode());
            awaitTrue(() -> revisionsDone(wizard, c) == 1, "the revision asked for on the bot's pull request");
            assertTrue(wizard.runner().awaitIdle(c.id(), Duration.ofSeconds(30)));

            Conversation after = wizard.storage().conversations().find(c.id()).orElseThrow();
            assertEquals(ConversationState.PR_OPEN, after.state(), "the fork's closed pull request closed nothing");
            assertEquals(2, wizard.storage().jobs().forConversation(c.id()).size(),
                    "the first delivery and the one revision, nothing from the fork's comments");
            String transcript = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(!transcript.contains("secret field") && !transcript.contains("owner field")
                    && !transcript.contains("closed without merging"), transcript);
            assertTrue(transcript.contains("asked for a change in a comment on pull request #1: add a due date"),
                    transcript);
            assertEquals(List.of("open", "open"), gitHub.pulls("acme", "todo").stream().map(FakeGitHub.Pull::state)
                    .toList());
        }
    }

    @Test
    void aRedeliveredWebhookIsHandledOnceEvenAfterTheCoordinationStoreForgotIt() throws Exception {
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "WIZARD_TARGET", "acme/todo",
                "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl(), "GITHUB_WEBHOOK_SECRET", SECRET);
        String delivery = UUID.randomUUID().toString();
        String fromBob = issueComment("bob", "@ai-wizard add a due date to task");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Conversation c;
        try (Wizard wizard = Wizard.start(settings, out)) {
            c = wizard.storage().conversations().findByBranch(delivered(wizard, settings, out, bytes)).getFirst();
            assertEquals(202, post(wizard, "issue_comment", delivery, fromBob, sign(fromBob)).statusCode());
            awaitTrue(() -> revisionsDone(wizard, c) == 1, "the revision job finishes");
        }
        // A restart without Redis: the in-process coordination store starts empty, the database remembers.
        try (Wizard wizard = Wizard.start(settings, out)) {
            HttpResponse<String> again = post(wizard, "issue_comment", delivery, fromBob, sign(fromBob));

            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("duplicate"), again.body());
            assertEquals(1, revisionsDone(wizard, c));
            assertEquals(2, wizard.storage().jobs().forConversation(c.id()).size());
        }
    }

    @Test
    void aDeliveryAReplicaKeptButDidNotHandleBeforeItDiedIsHandledByAnother() throws Exception {
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "WIZARD_TARGET", "acme/todo",
                "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl(), "GITHUB_WEBHOOK_SECRET", SECRET,
                "WIZARD_INBOX_LEASE_SECONDS", "1");
        String delivery = UUID.randomUUID().toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Wizard wizard = Wizard.start(settings, out)) {
            Conversation c = wizard.storage().conversations().findByBranch(delivered(wizard, settings, out, bytes))
                    .getFirst();
            // What a replica that answered 202 and died at once leaves behind: the kept delivery, its lease gone.
            wizard.storage().inbox().accept(new InboundEvent(InboundEvent.key("github", delivery), "github",
                    Map.of("event", "issue_comment", "delivery", delivery,
                            "payload", issueComment("bob", "@ai-wizard add a due date to task")), Instant.now()),
                    "replica-that-died", Duration.ofMillis(-1));

            awaitTrue(() -> revisionsDone(wizard, c) == 1, "the kept delivery's revision");
            awaitTrue(() -> wizard.storage().inbox().pending() == 0, "and the delivery forgotten");
            HttpResponse<String> redelivered = post(wizard, "issue_comment", delivery,
                    issueComment("bob", "@ai-wizard add a due date to task"),
                    sign(issueComment("bob", "@ai-wizard add a due date to task")));
            assertTrue(redelivered.body().contains("duplicate"), redelivered.body());
        }
    }

    /** A console conversation delivered as pull request #1; returns its branch. */
    private static String delivered(Wizard wizard, AppSettings settings, PrintStream out, ByteArrayOutputStream bytes)
            throws Exception {
        wizard.console(new UserRef("tester", "tester"), out, settings.chat().consoleWait())
                .run(new BufferedReader(new StringReader("""
                        new a todo service where people manage tasks with a title and a done flag
                        skip
                        generate
                        """)));
        String transcript = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(transcript.contains("Pull request #1: "), transcript);
        Matcher branch = Pattern.compile("on branch `(wizard/todo-service-[a-z0-9]+)`").matcher(transcript);
        assertTrue(branch.find(), transcript);
        return branch.group(1);
    }

    private static long revisionsDone(Wizard wizard, Conversation c) {
        return wizard.storage().jobs().forConversation(c.id()).stream()
                .filter(j -> j.kind() == JobKind.REVISE && j.state().isFinal()).map(Job::id).count();
    }

    private static String issueComment(String login, String body) {
        return issueComment(1, login, body);
    }

    private static String issueComment(int number, String login, String body) {
        return """
                {"action":"created","issue":{"number":%d,"pull_request":{"url":"x"}},
                 "comment":{"id":11,"body":"%s","user":{"login":"%s","type":"User"}},
                 "repository":{"full_name":"acme/todo"},"sender":{"login":"%s"}}"""
                .formatted(number, body, login, login);
    }

    private HttpResponse<String> post(Wizard wizard, String event, String delivery, String body, String signature)
            throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port()
                        + "/webhooks/github"))
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            req.header("X-Hub-Signature-256", signature);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs as GitHub does, independently of the bot's own code. */
    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
