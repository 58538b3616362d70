package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.discord.DiscordConnection;
import dev.aiwizard.discord.DiscordGateway;
import dev.aiwizard.discord.testing.FakeDiscord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole conversations in Discord threads: the real JDA, connected to a local fake of Discord's REST API and gateway,
 * inside the running bot (embedded defaults otherwise).
 */
class DiscordEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String IDEA = "a todo service where people manage tasks with a title and a done flag";

    @TempDir
    Path tmp;
    private FakeDiscord discord;
    private Wizard wizard;
    private long alice;
    private long bob;
    private long carol;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private void start(String... extraEnv) throws InterruptedException {
        discord = FakeDiscord.start();
        alice = discord.addMember("Alice", false);
        bob = discord.addMember("Bob", false);
        carol = discord.addMember("Carol", true);
        List<String> env = new ArrayList<>(List.of("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN, "DISCORD_API_URL",
                discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "DISCORD_GUILD_ID",
                String.valueOf(discord.guildId), "WIZARD_DISCORD_ADMIN_ROLES", "Wizard Admins"));
        env.addAll(List.of(extraEnv));
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), env.toArray(String[]::new));
        wizard = Wizard.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8));
        DiscordConnection.awaitReady(wizard.discordShards());
        FakeDiscord.await("/wizard registered", WAIT, () -> !discord.commands().isEmpty());
    }

    @AfterEach
    void tearDown() {
        if (wizard != null) {
            wizard.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void aWholeConversationFromTheSlashCommandToTheDeliveredBranch() throws Exception {
        start();
        JsonNode command = discord.commands().getFirst();
        assertEquals("wizard", command.get("name").asText());
        assertEquals(String.valueOf(discord.guildId), command.get("guild_id").asText(), "registered in the guild");

        String interaction = discord.slash(discord.channelId, alice, Map.of("idea", IDEA));
        FakeDiscord.await("the deferral", WAIT, () -> discord.callback(interaction).isPresent());
        JsonNode deferral = discord.callback(interaction).orElseThrow();
        assertEquals(5, deferral.get("type").asInt(), "deferred: " + deferral);
        assertEquals(64, deferral.path("data").path("flags").asInt(), "only the person sees the acknowledgement");

        long thread = awaitThread();
        JsonNode starter = discord.botMessages(discord.channelId).getFirst();
        assertEquals("<@" + alice + "> asked for: " + IDEA, starter.get("content").asText());
        assertEquals(starter.get("id").asLong(), thread, "the thread hangs off the visible starter message");
        FakeDiscord.await("the interaction answered", WAIT, () -> discord.original(interaction).isPresent());
        assertEquals("Started: <#" + thread + ">", discord.original(interaction).orElseThrow().get("content").asText());
        JsonNode question = discord.awaitBotMessage(thread, WAIT, c -> c.contains("?"));
        assertTrue(question.get("components").size() > 0, "likely answers as buttons: " + question);

        discord.say(thread, alice, "skip");
        JsonNode summary = discord.awaitBotMessage(thread, WAIT, c -> c.contains("Here is the spec"));
        assertTrue(summary.get("components").toString().contains("\"custom_id\":\"wizard:generate\""),
                summary.toString());
        int afterSummary = discord.botMessages(thread).size();

        // Bob may neither press nor type Alice's decisions; Discord has no private message in a thread outside an
        // interaction, so the refusal is said in the thread without pinging anyone.
        String refusal = "Only <@" + alice + "> can approve this conversation (or an admin).";
        discord.press(thread, summary.get("id").asLong(), bob, "wizard:generate");
        discord.awaitBotMessage(thread, WAIT, c -> c.equals(refusal));
        discord.say(thread, bob, "generate");
        discord.say(thread, bob, "cancel");
        FakeDiscord.await("both typed decisions refused", WAIT, () -> discord.botMessages(thread).stream()
                .filter(m -> m.get("content").asText().startsWith("Only <@" + alice + "> can ")).count() == 3);
        assertTrue(discord.botMessages(thread).stream().anyMatch(m -> m.get("content").asText()
                .equals("Only <@" + alice + "> can cancel this conversation (or an admin).")));
        assertEquals(afterSummary + 3, discord.botMessages(thread).size(), "nothing but the refusals");

        String approve = discord.press(thread, summary.get("id").asLong(), alice, "wizard:generate");
        FakeDiscord.await("the press acknowledged", WAIT, () -> discord.callback(approve).isPresent());
        assertEquals(6, discord.callback(approve).orElseThrow().get("type").asInt(), "deferred update");
        JsonNode done = discord.awaitBotMessage(thread, Duration.ofSeconds(60), c -> c.startsWith("Done:"));
        assertTrue(done.get("content").asText().contains("on branch `wizard/todo-service-"), done.toString());
        List<JsonNode> statuses = discord.botMessages(thread).stream()
                .filter(m -> m.get("content").asText().startsWith("Job ")).toList();
        assertEquals(1, statuses.size(), "one status message for the job: " + statuses);
        assertTrue(statuses.getFirst().get("content").asText().contains("done: pushed"), "edited in place to the end");
        assertTrue(discord.calls().stream().filter(c -> c.method().equals("PATCH") && c.path().startsWith("channels/"))
                .count() >= 2, "the status message was edited as the job went");
    }

    @Test
    void eachInteractionIsTimedFromItsArrivalToDiscordsAnswerToTheAcknowledgement() throws Exception {
        start();
        Map<String, String> ok = Map.of("platform", "discord", "transport", "gateway", "outcome", "ok");
        Map<String, String> refused = Map.of("platform", "discord", "transport", "gateway", "outcome", "refused");
        PrometheusScrape before = PrometheusScrape.of(wizard.port());

        String help = discord.slash(discord.channelId, bob, Map.of("show", "help"));
        FakeDiscord.await("the help deferred", WAIT, () -> discord.callback(help).isPresent());
        String idea = discord.slash(discord.channelId, alice, Map.of("idea", IDEA));
        FakeDiscord.await("the idea deferred", WAIT, () -> discord.callback(idea).isPresent());
        PrometheusScrape after = PrometheusScrape.awaitGrowth(wizard.port(), before, "wizard_ack_seconds_count", ok,
                2);

        assertEquals(0, after.value("wizard_ack_seconds_count", refused) - before.value("wizard_ack_seconds_count",
                refused));
        // Too late for Discord: the deferral is answered "Unknown interaction", which the person sees as a failure.
        discord.expireNextCallback();
        discord.slash(discord.channelId, bob, Map.of("show", "help"));
        PrometheusScrape.awaitGrowth(wizard.port(), before, "wizard_ack_seconds_count", refused, 1);
    }

    @Test
    void aMessageDeliveredTwiceIsOneTurnAndTheBotsOwnMessagesAreIgnored() throws Exception {
        start();
        long thread = startConversation();

        long otherBot = discord.addBot("Another Bot");
        discord.say(thread, otherBot, "skip");
        discord.say(thread, alice, ""); // an attachment only: nothing to answer
        long status = discord.say(thread, alice, "status");
        discord.redeliver(thread, status);
        discord.awaitBotMessage(thread, WAIT, c -> c.startsWith("Conversation "));
        // The gateway's events are taken in order: once a later command is deferred, every message above was taken.
        String later = discord.slash(discord.channelId, alice, Map.of("show", "help"));
        FakeDiscord.await("the later command deferred", WAIT, () -> discord.callback(later).isPresent());
        FakeDiscord.await("the bot idle", WAIT, wizard::isIdle);

        assertEquals(1, discord.botMessages(thread).stream()
                .filter(m -> m.get("content").asText().startsWith("Conversation ")).count(),
                "one turn for two deliveries of one message, and none for the bot's own reply");
        assertTrue(discord.botMessages(thread).stream().noneMatch(m -> m.get("content").asText()
                .startsWith("I can't read")), "no hint about unreadable replies while the intent is on");
        assertTrue(discord.botMessages(thread).stream().noneMatch(m -> m.get("content").asText()
                .contains("Here is the spec")), "another bot's skip was not taken as an answer");
        assertEquals(1, discord.calls().stream().filter(c -> c.path().endsWith("/threads")).count(),
                "one thread, none started from the bot's own messages");
        assertEquals(1, discord.threads().size());
    }

    @Test
    void anAnswerSentWhileTheGatewaySessionWasLostIsReadAfterTheNewSession() throws Exception {
        start();
        long thread = startConversation();

        discord.sayUnseen(thread, alice, "skip");
        discord.invalidateSession();
        FakeDiscord.await("a new gateway session", WAIT, () -> discord.readies() >= 2);

        discord.awaitBotMessage(thread, WAIT, c -> c.contains("Here is the spec"));
        assertTrue(discord.calls().stream().anyMatch(c -> c.method().equals("GET")
                && c.path().equals("channels/" + thread + "/messages")), "the thread's history was read");
    }

    @Test
    void aDirectMessageSentWhileTheGatewaySessionWasLostIsReadAfterTheNewSession() throws Exception {
        start();
        long dm = discord.dmChannel(alice);
        discord.slash(dm, alice, Map.of("idea", IDEA));
        discord.awaitBotMessage(dm, WAIT, c -> c.contains("?"));

        discord.sayUnseen(dm, alice, "skip");
        discord.invalidateSession();
        FakeDiscord.await("a new gateway session", WAIT, () -> discord.readies() >= 2);

        discord.awaitBotMessage(dm, WAIT, c -> c.contains("Here is the spec"));
    }

    @Test
    void aButtonPressAReplicaAcknowledgedBeforeItDiedIsHandledByAnother() throws Exception {
        start("WIZARD_INBOX_LEASE_SECONDS", "1");
        long thread = startConversation();
        discord.say(thread, alice, "skip");
        discord.awaitBotMessage(thread, WAIT, c -> c.contains("Here is the spec"));

        // What a replica that deferred Alice's press and died at once leaves behind: the kept press, its lease gone.
        wizard.storage().inbox().accept(new InboundEvent(InboundEvent.key("discord", "interaction:4242"), "discord",
                Map.of("type", "button", "eventId", "interaction:4242", "user", String.valueOf(alice), "name",
                        "Alice", "text", "generate", "thread", String.valueOf(thread), "parent",
                        String.valueOf(discord.channelId)), Instant.now()), "replica-that-died", Duration.ofMillis(-1));

        discord.awaitBotMessage(thread, Duration.ofSeconds(60), c -> c.startsWith("Done:"));
        FakeDiscord.await("the press forgotten once handled", WAIT, () -> wizard.storage().inbox().pending() == 0);
        assertEquals(1, discord.botMessages(thread).stream().filter(m -> m.get("content").asText()
                .startsWith("Approved.")).count());
    }

    @Test
    void anAdminMayApproveSomebodyElsesConversationAndHelpAnswersPrivately() throws Exception {
        start();
        long thread = startConversation();
        discord.say(thread, alice, "skip");
        JsonNode summary = discord.awaitBotMessage(thread, WAIT, c -> c.contains("Here is the spec"));

        discord.press(thread, summary.get("id").asLong(), carol, "wizard:generate");
        discord.awaitBotMessage(thread, Duration.ofSeconds(60), c -> c.startsWith("Done:"));

        String help = discord.slash(discord.channelId, bob, Map.of("idea", "help"));
        FakeDiscord.await("the help answer", WAIT, () -> discord.original(help).isPresent());
        assertTrue(discord.original(help).orElseThrow().get("content").asText().contains("/wizard idea:"),
                discord.original(help).orElseThrow().toString());
        String list = discord.slash(discord.channelId, bob, Map.of("show", "list"));
        FakeDiscord.await("the list answer", WAIT, () -> discord.original(list).isPresent());
        assertTrue(discord.original(list).orElseThrow().get("content").asText().contains("todo-service"),
                discord.original(list).orElseThrow().toString());
    }

    @Test
    void withoutTheMessageContentIntentAnswersComeByMentionOrTheAnswerOption() throws Exception {
        start("WIZARD_DISCORD_MESSAGE_CONTENT", "false");
        assertFalse(discord.messageContentIntent(), "the intent was not asked for");
        long thread = startConversation();

        discord.say(thread, alice, "skip");
        discord.awaitBotMessage(thread, WAIT, c -> c.startsWith("I can't read plain replies here"));
        discord.say(thread, alice, "<@" + discord.botId + "> skip");
        discord.awaitBotMessage(thread, WAIT, c -> c.contains("Here is the spec"));

        String answer = discord.slash(thread, alice, Map.of("answer", "status"));
        FakeDiscord.await("the answer noted", WAIT, () -> discord.original(answer).isPresent());
        discord.awaitBotMessage(thread, WAIT, c -> c.startsWith("Conversation "));
    }

    @Test
    void longContentIsSplitWithinDiscordsLimit() throws Exception {
        start();
        long thread = startConversation();
        int before = discord.botMessages(thread).size();
        String line = "x".repeat(99) + "\n";

        new DiscordGateway(wizard::discordShards).post(new ThreadRef("discord", String.valueOf(discord.channelId),
                String.valueOf(thread)), BotMessage.text(line.repeat(45)));

        List<JsonNode> parts = discord.botMessages(thread).subList(before, discord.botMessages(thread).size());
        assertEquals(3, parts.size(), "4,500 characters in three messages");
        StringBuilder joined = new StringBuilder();
        for (JsonNode p : parts) {
            String c = p.get("content").asText();
            assertTrue(c.length() <= 2000, "within 2,000 characters: " + c.length());
            joined.append(c).append('\n');
        }
        assertEquals(line.repeat(45).strip(), joined.toString().replaceAll("\n+", "\n").strip(), "nothing lost");
    }

    @Test
    void aConversationInADirectMessage() throws Exception {
        start();
        long dm = discord.dmChannel(alice);

        String interaction = discord.slash(dm, alice, Map.of("idea", IDEA));
        discord.awaitBotMessage(dm, WAIT, c -> c.contains("?"));
        assertTrue(discord.original(interaction).isPresent(), "the interaction was answered");
        discord.say(dm, alice, "skip");
        discord.awaitBotMessage(dm, WAIT, c -> c.contains("Here is the spec"));

        assertTrue(discord.threads().isEmpty(), "no threads in DMs");
        assertEquals(List.of(), discord.botMessages(discord.channelId), "nothing in the guild channel");
    }

    @Test
    void aWrongTokenStopsStartUpWithAClearMessage() {
        discord = FakeDiscord.start();
        AppSettings settings = TestSettings.embedded(tmp.resolve("data"), "DISCORD_BOT_TOKEN", "not-the-token",
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl());

        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Wizard.start(settings, new PrintStream(log, true, StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().contains("DISCORD_BOT_TOKEN"), e.toString());
        assertFalse(e.getMessage().contains("not-the-token"), "the token is never shown: " + e.getMessage());
    }

    /** Alice's conversation in a new thread, with its first question asked; returns the thread. */
    private long startConversation() {
        discord.slash(discord.channelId, alice, Map.of("idea", IDEA));
        long thread = awaitThread();
        discord.awaitBotMessage(thread, WAIT, c -> c.contains("?"));
        return thread;
    }

    private long awaitThread() {
        FakeDiscord.await("a thread", WAIT, () -> !discord.threads().isEmpty());
        return discord.threads().getLast().get("id").asLong();
    }

    private List<JsonNode> followups() {
        return discord.calls().stream().filter(c -> c.method().equals("POST") && c.path().startsWith("webhooks/"))
                .map(FakeDiscord.Call::body).toList();
    }
}
