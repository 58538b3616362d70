package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.testing.NeedsServices;
import dev.aiwizard.core.testing.TcpProxy;
import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged to Slack is lost: an event is stored before its acknowledgement, a storage outage is answered
 * so that Slack retries, and an event a dead replica acknowledged is taken over. The bot runs on the test
 * PostgreSQL through a proxy the test can cut, in a schema of its own.
 */
@NeedsServices
class SlackDurabilityIT {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String TOKEN = "xoxb-durable-token";
    private static final String SECRET = "slack-signing-secret-for-durability";
    private static final String CHANNEL = "C0DURABLE";

    @TempDir
    Path tmp;
    private final String schema = "wizard_durable_" + Ids.random(8);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private TcpProxy database;
    private FakeSlack slack;
    private Wizard wizard;

    @BeforeEach
    void setUp() throws Exception {
        try {
            DriverManager.getConnection(PG, "postgres", "").close();
        } catch (SQLException e) {
            fail("PostgreSQL is needed for this test but is not reachable at " + PG + ": " + e.getMessage());
        }
        database = TcpProxy.to("127.0.0.1", 5432);
        slack = FakeSlack.start(TOKEN);
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.url(), "WIZARD_SLACK_POST_INTERVAL_MS", "0",
                "WIZARD_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + schema
                        + "&connectTimeout=2&socketTimeout=5",
                "WIZARD_DB_USER", "postgres", "WIZARD_INBOX_LEASE_SECONDS", "1");
        wizard = Wizard.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (wizard != null) {
            wizard.close();
        }
        slack.close();
        database.close();
        try (var c = DriverManager.getConnection(PG, "postgres", ""); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsDownIsRefusedSoSlackRetriesAndTheRetryIsHandledOnce()
            throws Exception {
        FakeSlack.Posted root = startConversation();
        String skip = SlackRequests.event("Ev-skip", SlackRequests.threadReply(CHANNEL, root.ts(), "U1", "skip",
                "1700000300.000001"));

        database.cut();
        HttpResponse<String> refused = post(skip, "application/json", null);
        assertEquals(503, refused.statusCode(), "not a 200 followed by silence: " + refused.body());

        database.restore();
        assertEquals(200, awaitAccepted(skip, "1"), "Slack's retry once the database is back");
        awaitTrue(() -> summaries(root) == 1, "the spec summary");
        assertEquals(200, post(skip, "application/json", "2").statusCode());
        awaitTrue(() -> !wizard.slack().isBusy(), "quiet");

        assertEquals(1, summaries(root), "three deliveries, one turn");
        // Forgetting handled events is not waited for; one lost in the outage is found handled when claimed.
        awaitTrue(() -> wizard.storage().inbox().pending() == 0, "nothing left in the inbox");
    }

    @Test
    void anEventAReplicaAcknowledgedBeforeItDiedIsHandledByAnother() throws Exception {
        FakeSlack.Posted root = startConversation();
        // What a replica that died right after its acknowledgement leaves behind: the stored event, its lease gone.
        wizard.storage().inbox().accept(new InboundEvent(InboundEvent.key("slack", "Ev-orphan"), "slack",
                Map.of("type", "message", "eventId", "Ev-orphan", "channel", CHANNEL, "thread", root.ts(),
                        "user", "U1", "text", "skip"), Instant.now()), "replica-that-died", Duration.ofMillis(-1));

        awaitTrue(() -> summaries(root) == 1, "the orphaned answer handled by this replica");
        awaitTrue(() -> wizard.storage().inbox().pending() == 0, "and forgotten");
        assertEquals(1, slack.thread(CHANNEL, root.ts()).stream().filter(m -> m.text().contains("Here is the spec"))
                .count(), "once");
    }

    private FakeSlack.Posted startConversation() throws Exception {
        assertEquals(200, post(SlackRequests.command("/wizard", "a todo service where people manage tasks with a "
                + "title and a done flag", "U1", CHANNEL, "trig-1"), "application/x-www-form-urlencoded", null)
                .statusCode());
        awaitTrue(() -> slack.messages().size() >= 2, "the root message and the first question");
        return slack.messages().getFirst();
    }

    private long summaries(FakeSlack.Posted root) {
        return slack.thread(CHANNEL, root.ts()).stream().filter(m -> m.text().contains("Here is the spec")).count();
    }

    /** Posts until the bot accepts it, as Slack's retries would (it waits longer between them). */
    private int awaitAccepted(String body, String retry) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = post(body, "application/json", retry).statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private HttpResponse<String> post(String body, String contentType, String retryNum) throws Exception {
        return http.send(SlackRequests.signed(URI.create("http://127.0.0.1:" + wizard.port() + "/slack/events"), body,
                contentType, SECRET, retryNum), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
