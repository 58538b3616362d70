package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import dev.aiwizard.storage.Storage;
import dev.aiwizard.storage.StorageSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown and overload over Slack's real protocol: a closing bot takes nothing new (503, so Slack retries) and
 * finishes what it accepted before its storage closes; a full queue answers 503 instead of growing.
 * "Slow" is a Slack Web API that holds the bot's posts until the test lets them through.
 */
class SlackDrainAndLimitsIT {
    private static final String TOKEN = "xoxb-drain-token";
    private static final String SECRET = "slack-signing-secret-for-drain";
    private static final String CHANNEL = "C0DRAIN";

    @TempDir
    Path tmp;
    private FakeSlack slack;
    private Wizard wizard;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final List<Logger> listened = List.of(Logger.getLogger(ThreadQueues.class.getName()),
            Logger.getLogger(Wizard.class.getName()));
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void fakeSlack() {
        slack = FakeSlack.start(TOKEN);
    }

    @AfterEach
    void tearDown() {
        slack.releasePosts();
        if (wizard != null) {
            wizard.close();
        }
        slack.close();
        listened.forEach(l -> l.removeHandler(capture));
    }

    private void start(String... env) {
        List<String> all = new ArrayList<>(List.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.url(), "WIZARD_SLACK_POST_INTERVAL_MS", "0"));
        all.addAll(List.of(env));
        wizard = Wizard.start(TestSettings.embedded(tmp.resolve("data"), all.toArray(String[]::new)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // After the start: the web server's first start reads the logging configuration, which drops handlers.
        listened.forEach(l -> l.addHandler(capture));
    }

    /** A conversation waiting for its first answer; returns its root message. */
    private FakeSlack.Posted conversation() throws Exception {
        assertEquals(200, post(SlackRequests.command("/wizard", "a todo service where people manage tasks with a "
                + "title and a done flag", "U1", CHANNEL, "trig-1"), "application/x-www-form-urlencoded")
                .statusCode());
        awaitTrue(() -> slack.messages().size() >= 2, "the root message and the first question");
        return slack.messages().getFirst();
    }

    private String status(FakeSlack.Posted root, int n) {
        return SlackRequests.event("Ev-status-" + n, SlackRequests.threadReply(CHANNEL, root.ts(), "U1", "status",
                "1700000100.00000" + n));
    }

    private long statusReplies(FakeSlack.Posted root) {
        return slack.thread(CHANNEL, root.ts()).stream().filter(m -> m.text().startsWith("Conversation ")).count();
    }

    @Test
    void closingAnswersEveryTurnQueuedBehindASlowOneAndStoresItBeforeStorageCloses() throws Exception {
        start("WIZARD_SHUTDOWN_GRACE", "30s");
        FakeSlack.Posted root = conversation();
        slack.holdPosts();
        for (int n = 1; n <= 3; n++) {
            assertEquals(200, post(status(root, n), "application/json").statusCode());
        }
        awaitTrue(() -> slack.waitingPosts() == 1, "the first turn is posting its answer, two wait behind it");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(wizard::close);
        awaitTrue(() -> logged.stream().anyMatch(r -> r.getMessage().startsWith("shutting down: finishing ")),
                "close has begun and waits for the turns");
        slack.releasePosts();
        closing.get(30, TimeUnit.SECONDS);

        assertEquals(3, statusReplies(root), "every accepted turn was answered: " + slack.thread(CHANNEL, root.ts()));
        assertTrue(slack.thread(CHANNEL, root.ts()).stream().noneMatch(m -> m.text().startsWith("Sorry")),
                "no turn failed on a closed store");
        try (Storage again = Storage.open(StorageSettings.embedded(tmp.resolve("data"), TestSettings.dbTimeouts()))) {
            Conversation c = again.conversations().findByThread(new ThreadRef("slack", CHANNEL, root.ts()))
                    .orElseThrow();
            List<String> said = again.conversations().messages(c.id()).stream().map(StoredMessage::text).toList();
            assertEquals(3, said.stream().filter("status"::equals).count(), "each turn's writes were stored: " + said);
        }
        assertTrue(logged.stream().noneMatch(r -> r.getMessage().contains("did not finish")), "nothing dropped");
    }

    @Test
    void onceClosingHasBegunANewSlackRequestGets503SoSlackRetriesIt() throws Exception {
        start("WIZARD_SHUTDOWN_GRACE", "30s");
        FakeSlack.Posted root = conversation();
        slack.holdPosts();
        assertEquals(200, post(status(root, 1), "application/json").statusCode());
        awaitTrue(() -> slack.waitingPosts() == 1, "a turn in progress keeps the bot closing");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(wizard::close);
        awaitTrue(() -> logged.stream().anyMatch(r -> r.getMessage().startsWith("shutting down: finishing ")),
                "close has begun");
        HttpResponse<String> late = post(status(root, 2), "application/json");
        HttpResponse<String> command = post(SlackRequests.command("/wizard", "another idea", "U2", CHANNEL,
                "trig-late"), "application/x-www-form-urlencoded");
        slack.releasePosts();
        closing.get(30, TimeUnit.SECONDS);

        assertEquals(503, late.statusCode());
        assertEquals(503, command.statusCode());
        assertEquals(1, statusReplies(root), "the late event was not taken");
    }

    @Test
    void turnsThatCannotFinishWithinTheGracePeriodAreLoggedByThread() throws Exception {
        start("WIZARD_SHUTDOWN_GRACE", "1s");
        FakeSlack.Posted root = conversation();
        slack.holdPosts();
        for (int n = 1; n <= 2; n++) {
            assertEquals(200, post(status(root, n), "application/json").statusCode());
        }
        awaitTrue(() -> slack.waitingPosts() == 1, "a turn that will not finish in time, one behind it");

        long start = System.nanoTime();
        wizard.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "close keeps to the grace period, took " + took);
        List<String> dropped = logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage).filter(m -> m.contains("did not finish")).toList();
        assertEquals(List.of("shutting down: 2 slack chat turn(s) did not finish within 1 s; those not started go "
                + "back to the inbox for another replica, by thread: {"
                + new ThreadRef("slack", CHANNEL, root.ts()).key() + "=2}"), dropped);
    }

    @Test
    void aThreadWhoseQueueIsFullGets503ForTheNextEventAndSlacksRetryIsHandledOnceThereIsRoom() throws Exception {
        start("WIZARD_MAX_TURNS_PER_THREAD", "2");
        FakeSlack.Posted root = conversation();
        slack.holdPosts();
        assertEquals(200, post(status(root, 1), "application/json").statusCode());
        assertEquals(200, post(status(root, 2), "application/json").statusCode());

        HttpResponse<String> full = post(status(root, 3), "application/json");

        assertEquals(503, full.statusCode(), full.body());
        List<String> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith("slack chat work refused (thread "
                + new ThreadRef("slack", CHANNEL, root.ts()).key() + " has 2 of 2): 1 refused since the last report, "
                + "1 since start; "), warnings.getFirst());
        slack.releasePosts();
        awaitTrue(() -> statusReplies(root) == 2, "the two accepted turns");
        awaitTrue(() -> !wizard.slack().isBusy(), "the queue is empty again");
        assertEquals(200, post(status(root, 3), "application/json", "1").statusCode(), "Slack's retry");
        awaitTrue(() -> statusReplies(root) == 3, "the retried event is answered");
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return post(body, contentType, null);
    }

    private HttpResponse<String> post(String body, String contentType, String retryNum) throws Exception {
        return http.send(SlackRequests.signed(URI.create("http://127.0.0.1:" + wizard.port() + "/slack/events"), body,
                contentType, SECRET, retryNum), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(25);
        }
    }
}
