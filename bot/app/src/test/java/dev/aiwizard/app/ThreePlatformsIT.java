package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.discord.DiscordConnection;
import dev.aiwizard.discord.testing.FakeDiscord;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack, Discord and the console in one process: each conversation stays on the platform it started on. */
class ThreePlatformsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SLACK_TOKEN = "xoxb-three-platforms";
    private static final String SLACK_SECRET = "three-platforms-signing-secret";

    @TempDir
    Path tmp;

    @Test
    void eachConversationStaysOnItsOwnPlatform() throws Exception {
        try (FakeSlack slack = FakeSlack.start(SLACK_TOKEN); FakeDiscord discord = FakeDiscord.start()) {
            long alice = discord.addMember("Alice", false);
            AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "SLACK_BOT_TOKEN", SLACK_TOKEN,
                    "SLACK_SIGNING_SECRET", SLACK_SECRET, "SLACK_API_URL", slack.url(),
                    "WIZARD_SLACK_POST_INTERVAL_MS", "0", "DISCORD_BOT_TOKEN", FakeDiscord.TOKEN, "DISCORD_API_URL",
                    discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "WIZARD_CONSOLE", "true");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
            try (Wizard wizard = Wizard.start(settings, out)) {
                DiscordConnection.awaitReady(wizard.discordShards());

                discord.slash(discord.channelId, alice, Map.of("idea", "a todo service where people manage tasks"));
                String body = SlackRequests.command("/wizard", "a recipe service where cooks manage recipes", "U1",
                        "C0SLACK", "trig-3p");
                long now = Instant.now().getEpochSecond();
                HttpResponse<String> ack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + wizard.port() + "/slack/events"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", String.valueOf(now))
                        .header("X-Slack-Signature", SlackRequests.signature(SLACK_SECRET, now, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ack.statusCode());
                wizard.console(new UserRef("tester", "tester"), out, Duration.ofSeconds(1))
                        .run(new BufferedReader(new StringReader("new a notes service where people keep notes\n")));

                FakeDiscord.await("the Discord thread's first question", WAIT, () -> !discord.threads().isEmpty()
                        && discord.botMessages(discord.threads().getFirst().get("id").asLong()).size() >= 1);
                FakeDiscord.await("the Slack thread's first question", WAIT, () -> slack.messages().size() >= 2);
                long thread = discord.threads().getFirst().get("id").asLong();
                discord.say(thread, alice, "skip");
                discord.awaitBotMessage(thread, WAIT, c -> c.contains("Here is the spec"));
                int slackMessages = slack.messages().size();

                List<Conversation> all = wizard.storage().conversations().listByChannel("discord",
                        String.valueOf(discord.channelId), 5);
                assertEquals(1, all.size(), "one Discord conversation");
                assertTrue(all.getFirst().idea().contains("todo"), all.getFirst().idea());
                assertTrue(slack.messages().stream().noneMatch(m -> m.text().contains("todo")
                        || m.text().contains("notes")), "nothing of the others in Slack");
                assertTrue(discord.botMessages(thread).stream().noneMatch(m -> m.get("content").asText()
                        .contains("recipe") || m.get("content").asText().contains("notes")), "nothing else in Discord");
                String transcript = console.toString(StandardCharsets.UTF_8);
                assertTrue(transcript.contains("notes"), transcript);
                assertTrue(!transcript.contains("Task") && !transcript.contains("recipe")
                        && !transcript.contains("Here is the spec"), "nothing of the others on the console: " + transcript);
                assertEquals(slackMessages, slack.messages().size(), "the Discord answer did not reach Slack");
            }
        }
    }
}
