package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.FakeSlackSocket;
import dev.aiwizard.slack.testing.SlackRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode: with only an app-level token the bot connects out to Slack (here a local WebSocket server handed out
 * by the fake Web API's {@code apps.connections.open}), acknowledges each envelope and runs the same handlers.
 */
class SlackSocketModeIT {
    private static final String TOKEN = "xoxb-socket-token";
    private static final String APP_TOKEN = "xapp-1-socket-token";

    @TempDir
    Path tmp;

    @Test
    void aConversationRunsOverSocketModeWithEveryEnvelopeAcknowledged() throws Exception {
        FakeSlackSocket socket = new FakeSlackSocket().started();
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.socketMode(APP_TOKEN, socket.url());
            AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "SLACK_BOT_TOKEN", TOKEN,
                    "SLACK_APP_TOKEN", APP_TOKEN, "SLACK_API_URL", slack.url(), "WIZARD_SLACK_POST_INTERVAL_MS", "0");
            try (Wizard wizard = Wizard.start(settings, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8))) {
                assertTrue(socket.awaitConnection(20), "the bot connects to the socket it was handed");
                PrometheusScrape before = PrometheusScrape.of(wizard.port());

                socket.envelope("env-1", "slash_commands", """
                        {"token":"legacy","team_id":"T0001","team_domain":"acme","channel_id":"C1",
                         "channel_name":"general","user_id":"U1","user_name":"u1","command":"/wizard",
                         "text":"a todo service where people manage tasks with a title and a done flag",
                         "api_app_id":"A0001","response_url":"https://hooks.slack.example/x","trigger_id":"trig-s1"}""");
                awaitTrue(() -> slack.messages().size() >= 2, "the root message and the first question");
                String root = slack.messages().getFirst().ts();
                socket.envelope("env-2", "events_api", SlackRequests.event("Ev-s2", SlackRequests.threadReply("C1",
                        root, "U1", "skip", "1700000200.000001")));
                awaitTrue(() -> slack.thread("C1", root).getLast().text().contains("Here is the spec"), "the summary");

                awaitTrue(() -> socket.received().stream().anyMatch(m -> m.contains("\"envelope_id\":\"env-2\"")),
                        "the event envelope is acknowledged");
                assertTrue(socket.received().stream().anyMatch(m -> m.contains("\"envelope_id\":\"env-1\"")),
                        socket.received().toString());
                // Both envelopes' acknowledgements were timed, from their arrival to the ack on the socket.
                PrometheusScrape.awaitGrowth(wizard.port(), before, "wizard_ack_seconds_count", Map.of("platform",
                        "slack", "transport", "socket_mode", "outcome", "ok"), 2);
                var http = java.net.http.HttpClient.newHttpClient();
                var res = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + wizard.port() + "/slack/events")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(404, res.statusCode(), "without a signing secret nothing is served over HTTP");
            }
        } finally {
            socket.stop(1000);
        }
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
