package dev.aiwizard.app.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.testing.PrivatePostgres;
import dev.aiwizard.core.testing.PrivateRedis;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHttpServer;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drills with real processes: two replicas of the bot (separate JVMs), a PostgreSQL and a Redis of the drill's own
 * that it stops, and Slack and GitHub as local fakes speaking their real protocols. Each drill kills, stops or
 * restarts something real and checks what people would notice: every message answered once, one pull request, one
 * "Done".
 */
@SpawnsProcesses
class ReplicaDrillsIT {
    private static final String TOKEN = "xoxb-drill-token";
    private static final String SECRET = "slack-signing-secret-for-drills";
    private static final String GITHUB_TOKEN = "github-token-for-drills";
    private static final String CHANNEL = "C0DRILL";

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<BotProcess> replicas = new ArrayList<>();
    private PrivatePostgres pg;
    private PrivateRedis redis;
    private FakeSlack slack;

    @BeforeEach
    void setUp() throws Exception {
        pg = PrivatePostgres.start();
        redis = PrivateRedis.start();
        slack = FakeSlack.start(TOKEN);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (BotProcess r : replicas) {
            r.close();
        }
        slack.close();
        redis.close();
        pg.close();
    }

    private BotProcess replica(String name, String... extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("WIZARD_DB_URL", pg.url(), "WIZARD_DB_USER", "postgres",
                "WIZARD_REDIS_URL", redis.url(), "SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.url(), "WIZARD_SLACK_POST_INTERVAL_MS", "0",
                "WIZARD_INBOX_LEASE_SECONDS", "2", "WIZARD_JOB_LEASE_SECONDS", "3"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        BotProcess r = BotProcess.start(name, env);
        replicas.add(r);
        return r;
    }

    /** Drill 3: Redis stopped; the same event to two replicas four times, two of them at once: one turn, one reply. */
    @Test
    void withRedisStoppedOneEventSentFourTimesToTwoReplicasIsOneTurnAndTheConversationGoesOn() throws Exception {
        BotProcess a = replica("a");
        BotProcess b = replica("b");
        FakeSlack.Posted root = startConversation(a, "U1");

        redis.stop();
        String skip = SlackRequests.event("Ev-skip", SlackRequests.threadReply(CHANNEL, root.ts(), "U1", "skip",
                "1700000500.000001"));
        CompletableFuture<HttpResponse<String>> first = postAsync(a, skip, null);
        CompletableFuture<HttpResponse<String>> concurrent = postAsync(b, skip, "1");
        List<Integer> statuses = new ArrayList<>(List.of(first.get().statusCode(), concurrent.get().statusCode()));
        statuses.add(post(a, skip, "2").statusCode());
        statuses.add(post(b, skip, "3").statusCode());

        assertEquals(List.of(200, 200, 200, 200), statuses, "every delivery acknowledged, Redis or not");
        awaitTrue(() -> count(root, "Here is the spec") >= 1, "the spec summary", a, b);
        String generate = SlackRequests.event("Ev-generate", SlackRequests.threadReply(CHANNEL, root.ts(), "U1",
                "generate", "1700000500.000002"));
        assertEquals(200, post(b, generate, null).statusCode());
        awaitTrue(() -> count(root, "Done:") == 1, "the conversation goes on to its delivery", a, b);
        assertEquals(1, count(root, "Here is the spec"), "four deliveries of one event made one turn:\n"
                + texts(root));
        assertEquals(1, count(root, "Approved."), texts(root));
    }

    /**
     * Drill 1: PostgreSQL restarted while 20 Slack threads are mid-conversation. Every answer is acknowledged once
     * stored (or refused with 503 while the database is down, and sent again as Slack would), and every thread gets
     * exactly one reply to it.
     */
    @Test
    void postgresRestartedWhileTwentyThreadsAreMidConversationEveryTurnIsAnsweredOnce() throws Exception {
        BotProcess a = replica("a");
        List<FakeSlack.Posted> roots = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            roots.add(startConversation(a, "U" + i));
        }
        List<String> skips = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            skips.add(SlackRequests.event("Ev-skip-" + i, SlackRequests.threadReply(CHANNEL, roots.get(i).ts(),
                    "U" + i, "skip", "1700000700.0000" + (10 + i))));
        }
        List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(postAsync(a, skips.get(i), null));
            if (i == 9) {
                pg.stop();
            }
        }
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (first.get(i).get().statusCode() != 200) {
                refused.add(i);
            }
        }
        pg.startAgain();
        // Slack sends what it got no 200 for again, a few times, further apart each time.
        for (int i : refused) {
            int retry = 1;
            while (post(a, skips.get(i), Integer.toString(retry)).statusCode() != 200) {
                assertTrue(++retry < 60, "Slack gives up after a few retries; the bot must take it before:\n"
                        + a.log());
                Thread.sleep(500);
            }
        }

        awaitTrue(() -> roots.stream().allMatch(r -> count(r, "Here is the spec") >= 1), "every thread's reply", a);
        for (FakeSlack.Posted r : roots) {
            assertEquals(1, count(r, "Here is the spec"), "one reply to one answer:\n" + texts(r));
        }
        assertTrue(!refused.isEmpty(), "the drill stopped the database while answers were arriving");
    }

    /**
     * Drill 5: SIGTERM with turns queued. Replica A takes 120 answers in one thread and is stopped at once; what it
     * cannot finish within its grace period goes back to the inbox, and replica B answers it: every turn answered,
     * once, in the order it arrived.
     */
    @Test
    void sigtermWithTurnsQueuedEveryTurnIsAnsweredOnceByThisReplicaOrTheOther() throws Exception {
        BotProcess a = replica("a", "WIZARD_SHUTDOWN_GRACE", "1s");
        BotProcess b = replica("b");
        FakeSlack.Posted root = startConversation(a, "U1");
        int turns = 30;
        // A slow Slack: A's first turn waits on its reply while the others queue behind it.
        slack.holdPosts();
        for (int i = 0; i < turns; i++) {
            assertEquals(200, post(a, SlackRequests.event("Ev-status-" + i, SlackRequests.threadReply(CHANNEL,
                    root.ts(), "U1", "status", "1700000800." + String.format("%06d", i))), null).statusCode());
        }
        awaitTrue(() -> slack.waitingPosts() == 1, "A's first turn waiting on Slack", a);

        // Slack answers again once A's grace period is over: its running turn finishes, the queued ones are handed on.
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slack.releasePosts();
        });
        int exit = a.terminate(Duration.ofSeconds(30));

        awaitTrue(() -> count(root, "Conversation ") >= turns, "every status answered", a, b);
        awaitTrue(() -> inboxPending() == 0, "nothing left in the inbox", b);
        assertEquals(turns, count(root, "Conversation "), "each answered once:\n" + texts(root));
        assertTrue(exit == 0 || exit == 143, "a clean exit on SIGTERM, not " + exit + ":\n" + a.log());
        assertTrue(a.log().contains("go back to the inbox"), a.log());
        assertTrue(b.log().contains("replaying slack event"), "the other replica took the rest:\n" + b.log());
    }

    private int inboxPending() {
        try (var c = DriverManager.getConnection(pg.url(), "postgres", "");
             var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox")) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    /**
     * Drill 4: the replica running a job is killed with SIGKILL in the middle of delivering it (its pull request
     * request reached GitHub, the answer never came back); the other replica takes the job over once its lease ran
     * out: one branch, one pull request, one "Done".
     */
    @Test
    void aReplicaKilledMidDeliveryLeavesItsJobToTheOtherAndItIsDeliveredOnce() throws Exception {
        GitHttpServer git = GitHttpServer.start(tmp.resolve("remote"));
        FakeGitHub gitHub = FakeGitHub.start();
        try (git; gitHub) {
            git.createBare("acme", "todo");
            git.acceptToken(GITHUB_TOKEN);
            gitHub.acceptToken(GITHUB_TOKEN);
            gitHub.addRepo("acme", "todo", git.url("acme", "todo"), "main");
            git.initialise("acme", "todo");
            String[] toGitHub = {"WIZARD_TARGET", "acme/todo", "GITHUB_TOKEN", GITHUB_TOKEN, "GITHUB_API_URL",
                    gitHub.apiUrl()};
            BotProcess a = replica("a", toGitHub);
            BotProcess b = replica("b", toGitHub);
            FakeSlack.Posted root = startConversation(a, "U1");
            post(a, SlackRequests.event("Ev-skip", SlackRequests.threadReply(CHANNEL, root.ts(), "U1", "skip",
                    "1700000600.000001")), null);
            awaitTrue(() -> count(root, "Here is the spec") == 1, "the spec summary", a, b);

            gitHub.holdPulls();
            post(a, SlackRequests.event("Ev-generate", SlackRequests.threadReply(CHANNEL, root.ts(), "U1",
                    "generate", "1700000600.000002")), null);
            awaitTrue(() -> gitHub.waitingPulls() == 1, "the delivery in the middle of opening its pull request", a,
                    b);
            BotProcess worker = whoseJob(a, b);
            worker.kill();
            // GitHub got the request before the replica died: it opens the pull request, and nobody hears it did.
            gitHub.releasePulls();
            BotProcess other = worker == a ? b : a;

            awaitTrue(() -> count(root, "Done:") == 1, "the other replica finishes the job", other);
            awaitTrue(() -> jobStates().equals(List.of("SUCCEEDED")), "the job stored as done", other);
            assertEquals(1, gitHub.pulls("acme", "todo").size(), "one pull request");
            assertEquals(1, count(root, "Done:"), texts(root));
            try (Git repo = Git.open(git.repoDir("acme", "todo").toFile())) {
                assertEquals(1, repo.branchList().call().stream()
                        .filter(ref -> ref.getName().startsWith("refs/heads/wizard/")).count(), "one branch");
            }
        }
    }

    /** The replica that holds the running job, by the owner the job row names. */
    private BotProcess whoseJob(BotProcess a, BotProcess b) throws Exception {
        try (var c = DriverManager.getConnection(pg.url(), "postgres", "");
             var rows = c.createStatement().executeQuery("SELECT owner FROM jobs WHERE state = 'RUNNING'")) {
            assertTrue(rows.next(), "a running job");
            String owner = rows.getString(1);
            return owner.endsWith(a.replica()) ? a : b;
        }
    }

    private List<String> jobStates() {
        try (var c = DriverManager.getConnection(pg.url(), "postgres", "");
             var rows = c.createStatement().executeQuery("SELECT state FROM jobs")) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            return List.of("unreadable: " + e.getMessage());
        }
    }

    private FakeSlack.Posted startConversation(BotProcess replica, String user) throws Exception {
        int before = slack.messages().size();
        assertEquals(200, post(replica, SlackRequests.command("/wizard", "a todo service where people manage tasks "
                + "with a title and a done flag", user, CHANNEL, "trig-" + ids.incrementAndGet()), null,
                "application/x-www-form-urlencoded").statusCode());
        awaitTrue(() -> slack.messages().size() >= before + 2, "the root message and the first question", replica);
        return slack.messages().get(before);
    }

    /** How many of the bot's messages in {@code root}'s thread start with {@code start} (after a note, if any). */
    private long count(FakeSlack.Posted root, String start) {
        return slack.thread(CHANNEL, root.ts()).stream()
                .filter(m -> m.text().startsWith(start) || m.text().contains("\n\n" + start)).count();
    }

    private String texts(FakeSlack.Posted root) {
        StringBuilder out = new StringBuilder();
        slack.thread(CHANNEL, root.ts()).forEach(m -> out.append("- ").append(m.text().lines().findFirst()
                .orElse("")).append('\n'));
        return out.toString();
    }

    private HttpResponse<String> post(BotProcess replica, String body, String retry) throws Exception {
        return post(replica, body, retry, "application/json");
    }

    private HttpResponse<String> post(BotProcess replica, String body, String retry, String type) throws Exception {
        return http.send(request(replica, body, retry, type), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(BotProcess replica, String body, String retry) {
        return http.sendAsync(request(replica, body, retry, "application/json"), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(BotProcess replica, String body, String retry, String type) {
        return SlackRequests.signed(URI.create("http://127.0.0.1:" + replica.port() + "/slack/events"), body, type,
                SECRET, retry);
    }

    private static void awaitTrue(BooleanSupplier condition, String what, BotProcess... logs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder all = new StringBuilder("timed out waiting for " + what);
                for (BotProcess p : logs) {
                    all.append("\n--- ").append(p.replica()).append(":\n").append(p.log());
                    if (p.isAlive()) {
                        all.append("\n--- threads of ").append(p.replica()).append(":\n").append(p.threadDump());
                    }
                }
                throw new AssertionError(all.toString());
            }
            Thread.sleep(50);
        }
    }
}
