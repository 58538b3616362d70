package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole conversation in a Slack thread: the real Bolt app behind the running Helidon server, fed requests signed
 * as Slack signs them, with Bolt's Web API client pointed at a local fake of Slack's Web API.
 */
class SlackEndToEndIT {
    private static final String TOKEN = "xoxb-e2e-token";
    private static final String SECRET = "slack-signing-secret-for-tests";
    private static final String CHANNEL = "C0GENERAL";

    @TempDir
    Path tmp;
    private FakeSlack slack;
    private Wizard wizard;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        slack = FakeSlack.start(TOKEN);
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.url(), "WIZARD_SLACK_POST_INTERVAL_MS", "0",
                "WIZARD_SLACK_ADMINS", "UADMIN");
        wizard = Wizard.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        wizard.close();
        slack.close();
    }

    @Test
    void aWholeConversationFromTheSlashCommandToTheDeliveredBranch() throws Exception {
        HttpResponse<String> command = post(SlackRequests.command("/wizard",
                "a todo service where people manage tasks with a title and a done flag", "U1", CHANNEL, "trig-1"),
                "application/x-www-form-urlencoded");
        assertEquals(200, command.statusCode(), command.body());
        awaitTrue(() -> slack.messages().size() >= 2, "the root message and the first question");
        FakeSlack.Posted root = slack.messages().getFirst();
        assertEquals("<@U1> asked for: a todo service where people manage tasks with a title and a done flag",
                root.text());
        FakeSlack.Posted question = slack.thread(CHANNEL, root.ts()).get(1);
        assertEquals(root.ts(), question.threadTs(), "the conversation runs in the root's thread");
        assertTrue(question.blocks().contains("\"type\":\"actions\""), "likely answers as buttons: " + question.blocks());

        String skip = SlackRequests.event("Ev-skip", SlackRequests.threadReply(CHANNEL, root.ts(), "U1", "skip",
                "1700000100.000001"));
        assertEquals(200, post(skip, "application/json").statusCode());
        awaitTrue(() -> last(root).text().contains("Here is the spec"), "the spec summary");
        FakeSlack.Posted summary = last(root);
        assertTrue(summary.blocks().contains("wizard_choice_0") && summary.blocks().contains("\"generate\""),
                summary.blocks());
        int afterSummary = slack.thread(CHANNEL, root.ts()).size();

        assertEquals(200, post(SlackRequests.buttonPress(CHANNEL, root.ts(), summary.ts(), "U2", "wizard_choice_0",
                "generate", "trig-2"), "application/x-www-form-urlencoded").statusCode());
        awaitTrue(() -> !slack.calls("chat.postEphemeral").isEmpty(), "someone else is told only U1 may approve");
        FakeSlack.Call ephemeral = slack.calls("chat.postEphemeral").getFirst();
        assertEquals("U2", ephemeral.param("user"));
        assertEquals("Only <@U1> can approve this conversation (or an admin).", ephemeral.param("text"));
        // Typing it is the same decision as pressing it.
        for (String word : List.of("generate", "yes", "1", "cancel")) {
            post(SlackRequests.event("Ev-u2-" + word, SlackRequests.threadReply(CHANNEL, root.ts(), "U2", word,
                    "1700000200.00000" + word.length())), "application/json");
        }
        awaitTrue(() -> slack.calls("chat.postEphemeral").size() == 5, "every typed decision refused to U2");
        assertEquals("Only <@U1> can cancel this conversation (or an admin).",
                slack.calls("chat.postEphemeral").getLast().param("text"));
        assertEquals(afterSummary, slack.thread(CHANNEL, root.ts()).size(), "nothing happened in the thread");

        assertEquals(200, post(SlackRequests.buttonPress(CHANNEL, root.ts(), summary.ts(), "U1", "wizard_choice_0",
                "generate", "trig-3"), "application/x-www-form-urlencoded").statusCode());
        awaitTrue(() -> last(root).text().startsWith("Done:"), "the delivery message");
        assertTrue(last(root).text().contains("on branch `wizard/todo-service-"), last(root).text());
        List<FakeSlack.Posted> statuses = slack.thread(CHANNEL, root.ts()).stream()
                .filter(m -> m.text().startsWith("Job ")).toList();
        assertEquals(1, statuses.size(), "one status message for the job: " + statuses);
        assertTrue(statuses.getFirst().text().contains("done: pushed"), "edited in place to the end");
        assertTrue(slack.calls("chat.update").size() >= 2, "the status message was edited as the job went");
    }

    @Test
    void eachRequestsAcknowledgementIsTimedWithItsPlatformTransportAndOutcome() throws Exception {
        Map<String, String> ok = Map.of("platform", "slack", "transport", "http", "outcome", "ok");
        Map<String, String> refused = Map.of("platform", "slack", "transport", "http", "outcome", "refused");
        PrometheusScrape before = PrometheusScrape.of(wizard.port());

        assertEquals(200, post(SlackRequests.command("/wizard", "help", "U1", CHANNEL, "trig-ack"),
                "application/x-www-form-urlencoded").statusCode());
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + wizard.port() + "/slack/events")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());

        PrometheusScrape after = PrometheusScrape.awaitGrowth(wizard.port(), before, "wizard_ack_seconds_count", ok, 1);
        PrometheusScrape.awaitGrowth(wizard.port(), before, "wizard_ack_seconds_count", refused, 1);
        assertTrue(after.value("wizard_ack_seconds_bucket", Map.of("platform", "slack", "transport", "http",
                "outcome", "ok", "le", "+Inf")) >= 1, "a histogram with buckets");
    }

    @Test
    void retriedAndConcurrentDuplicateDeliveriesMakeExactlyOneTurn() throws Exception {
        post(SlackRequests.command("/wizard", "a todo service where people manage tasks with a title and a done flag",
                "U1", CHANNEL, "trig-1"), "application/x-www-form-urlencoded");
        awaitTrue(() -> slack.messages().size() >= 2, "the first question");
        FakeSlack.Posted root = slack.messages().getFirst();
        String status = SlackRequests.event("Ev-status", SlackRequests.threadReply(CHANNEL, root.ts(), "U1", "status",
                "1700000100.000002"));

        CompletableFuture<HttpResponse<String>> a = postAsync(status, "application/json", null);
        CompletableFuture<HttpResponse<String>> b = postAsync(status, "application/json", "1");
        assertEquals(200, a.get().statusCode());
        assertEquals(200, b.get().statusCode());
        assertEquals(200, post(status, "application/json", "2").statusCode());
        awaitTrue(() -> last(root).text().startsWith("Conversation "), "the status reply");
        awaitTrue(wizard::isIdle, "the bot is idle");

        assertEquals(1, slack.thread(CHANNEL, root.ts()).stream().filter(m -> m.text().startsWith("Conversation "))
                .count(), "one turn for three deliveries of one event");
    }

    @Test
    void theBotsOwnAndOtherBotsMessagesAndMessagesOutsideAConversationAreIgnored() throws Exception {
        post(SlackRequests.command("/wizard", "a todo service", "U1", CHANNEL, "trig-1"),
                "application/x-www-form-urlencoded");
        awaitTrue(() -> slack.messages().size() >= 2, "the first question");
        FakeSlack.Posted root = slack.messages().getFirst();
        int before = slack.messages().size();

        post(SlackRequests.event("Ev-bot", "{\"type\":\"message\",\"channel\":\"" + CHANNEL + "\",\"bot_id\":\"B0002\","
                + "\"text\":\"skip\",\"ts\":\"1700000100.000003\",\"thread_ts\":\"" + root.ts() + "\"}"),
                "application/json");
        post(SlackRequests.event("Ev-own", SlackRequests.threadReply(CHANNEL, root.ts(), FakeSlack.BOT_USER, "skip",
                "1700000100.000004")), "application/json");
        post(SlackRequests.event("Ev-elsewhere", SlackRequests.threadReply(CHANNEL, "1600000000.000001", "U1",
                "skip", "1700000100.000005")), "application/json");
        awaitTrue(wizard::isIdle, "the bot is idle");

        assertEquals(before, slack.messages().size(), "no reply to any of them");
    }

    @Test
    void aChannelTheBotIsNotInIsExplainedToThePersonOnlyAndHelpAndListAnswerPrivately() throws Exception {
        slack.failNext("chat.postMessage", 200, java.util.Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");

        HttpResponse<String> start = post(SlackRequests.command("/wizard", "a todo service", "U1", "C0PRIVATE",
                "trig-9", slack.url() + "/respond"), "application/x-www-form-urlencoded");
        HttpResponse<String> help = post(SlackRequests.command("/wizard", "help", "U1", CHANNEL, "trig-10"),
                "application/x-www-form-urlencoded");
        HttpResponse<String> list = post(SlackRequests.command("/wizard", "list", "U1", CHANNEL, "trig-11"),
                "application/x-www-form-urlencoded");

        assertEquals(200, start.statusCode());
        awaitTrue(() -> !slack.responses().isEmpty(), "the person hears why");
        assertTrue(slack.responses().getFirst().contains("not_in_channel")
                && slack.responses().getFirst().contains("/invite @AI Wizard"), slack.responses().getFirst());
        assertTrue(help.body().contains("Start a conversation with `/wizard"), help.body());
        assertTrue(list.body().contains("No conversations here yet."), list.body());
        assertEquals(List.of(), slack.messages(), "nothing was posted in any channel");
    }

    @Test
    void badMissingAndStaleSignaturesAre401AndLeaveNothingBehindWhileUrlVerificationEchoes() throws Exception {
        String body = SlackRequests.command("/wizard", "a todo service", "U1", CHANNEL, "trig-1");
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> missing = send(body, "application/x-www-form-urlencoded", null, null, null);
        HttpResponse<String> bad = send(body, "application/x-www-form-urlencoded", now,
                SlackRequests.signature("another secret", now, body), null);
        long stale = now - 6 * 60;
        HttpResponse<String> old = send(body, "application/x-www-form-urlencoded", stale,
                SlackRequests.signature(SECRET, stale, body), null);
        String challenge = "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        HttpResponse<String> verification = post(challenge, "application/json");

        assertEquals(List.of(401, 401, 401), List.of(missing.statusCode(), bad.statusCode(), old.statusCode()));
        assertTrue(verification.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
                verification.body());
        awaitTrue(wizard::isIdle, "the bot is idle");
        assertEquals(List.of(), slack.messages(), "nothing was posted");
        assertTrue(wizard.storage().conversations().list(10, 0).isEmpty(), "nothing was stored");
    }

    @Test
    void aCorrectlySignedRequestTimestampedSixMinutesAheadIsRefusedAndNothingIsHandled() throws Exception {
        long future = Instant.now().getEpochSecond() + 6 * 60;
        String body = SlackRequests.command("/wizard", "a ledger from the future", "U1", CHANNEL, "trig-f");

        HttpResponse<String> res = send(body, "application/x-www-form-urlencoded", future,
                SlackRequests.signature(SECRET, future, body), null);

        assertEquals(401, res.statusCode());
        assertEquals("{\"error\":\"invalid request\"}", res.body());
        assertNothingWasHandledBeforeTheNextGoodRequest("a ledger from the future");
    }

    @Test
    void aCorrectlySignedRequestTimestampedSixMinutesAgoIsRefusedAndNothingIsHandled() throws Exception {
        long past = Instant.now().getEpochSecond() - 6 * 60;
        String body = SlackRequests.command("/wizard", "a replayed ledger", "U1", CHANNEL, "trig-p");

        HttpResponse<String> res = send(body, "application/x-www-form-urlencoded", past,
                SlackRequests.signature(SECRET, past, body), null);

        assertEquals(401, res.statusCode());
        assertNothingWasHandledBeforeTheNextGoodRequest("a replayed ledger");
    }

    @Test
    void aSignatureDifferingFromTheRightOneInOneCharacterIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = SlackRequests.command("/wizard", "a forged ledger", "U1", CHANNEL, "trig-x");
        String right = SlackRequests.signature(SECRET, now, body);
        char last = right.charAt(right.length() - 1);
        String forged = right.substring(0, right.length() - 1) + (last == '0' ? '1' : '0');

        HttpResponse<String> res = send(body, "application/x-www-form-urlencoded", now, forged, null);

        assertEquals(401, res.statusCode());
        assertNothingWasHandledBeforeTheNextGoodRequest("a forged ledger");
    }

    @Test
    void garbledSignatureHeadersAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = SlackRequests.command("/wizard", "a garbled ledger", "U1", CHANNEL, "trig-g");
        String right = SlackRequests.signature(SECRET, now, body);

        List<Integer> statuses = List.of(
                sendRaw(body, "soon", right).statusCode(),
                sendRaw(body, now + ".0", right).statusCode(),
                sendRaw(body, String.valueOf(now), right.substring(3)).statusCode(),
                sendRaw(body, String.valueOf(now), right.toUpperCase(java.util.Locale.ROOT)).statusCode(),
                sendRaw(body, String.valueOf(now), "").statusCode());

        assertEquals(List.of(401, 401, 401, 401, 401), statuses);
        assertNothingWasHandledBeforeTheNextGoodRequest("a garbled ledger");
    }

    @Test
    void aCorrectlySignedRequestFromFourMinutesAheadOrBehindIsHandled() throws Exception {
        for (int minutes : new int[] {4, -4}) {
            long ts = Instant.now().getEpochSecond() + minutes * 60L;
            String body = SlackRequests.command("/wizard", "a clock-skewed ledger " + minutes, "U1", CHANNEL,
                    "trig-s" + minutes);
            assertEquals(200, send(body, "application/x-www-form-urlencoded", ts,
                    SlackRequests.signature(SECRET, ts, body), null).statusCode(), "skew of " + minutes + " min");
        }
        awaitTrue(() -> slack.messages().stream().filter(m -> m.text().contains("asked for: a clock-skewed ledger"))
                .count() == 2, "both conversations started");
    }

    /**
     * Sends a good {@code /wizard} in the same channel and waits until the bot is idle: the channel's work runs in
     * arrival order, so had the refused request been handled, its idea would be in the channel by then.
     */
    private void assertNothingWasHandledBeforeTheNextGoodRequest(String refusedIdea) throws Exception {
        assertEquals(200, post(SlackRequests.command("/wizard", "a plain todo service", "U1", CHANNEL, "trig-ok"),
                "application/x-www-form-urlencoded").statusCode());
        awaitTrue(() -> slack.messages().stream().anyMatch(m -> m.text().contains("asked for: a plain todo service")),
                "the good request's conversation");
        awaitTrue(wizard::isIdle, "the bot is idle");
        assertTrue(slack.messages().stream().noneMatch(m -> m.text().contains(refusedIdea)), slack.messages()
                .toString());
        assertEquals(1, wizard.storage().conversations().list(10, 0).size(), "only the good request's conversation");
    }

    private HttpResponse<String> sendRaw(String body, String timestamp, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private FakeSlack.Posted last(FakeSlack.Posted root) {
        return slack.thread(CHANNEL, root.ts()).getLast();
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return post(body, contentType, null);
    }

    private HttpResponse<String> post(String body, String contentType, String retryNum) throws Exception {
        long now = Instant.now().getEpochSecond();
        return send(body, contentType, now, SlackRequests.signature(SECRET, now, body), retryNum);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String body, String contentType, String retryNum) {
        long now = Instant.now().getEpochSecond();
        return http.sendAsync(request(body, contentType, now, SlackRequests.signature(SECRET, now, body), retryNum),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String body, String contentType, Long timestamp, String signature,
                                      String retryNum) throws Exception {
        return http.send(request(body, contentType, timestamp, signature, retryNum),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String body, String contentType, Long timestamp, String signature, String retryNum) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port()
                + "/slack/events")).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            b.header("X-Slack-Request-Timestamp", String.valueOf(timestamp));
        }
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        if (retryNum != null) {
            b.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return b.build();
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
