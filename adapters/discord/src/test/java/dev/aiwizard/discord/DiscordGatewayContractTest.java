package dev.aiwizard.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.testing.ChatGatewayContract;
import dev.aiwizard.discord.testing.FakeDiscord;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The chat port's contract on Discord: the gateway through JDA, connected to a fake of Discord's REST API and gateway,
 * posting in a guild thread made for each test.
 */
class DiscordGatewayContractTest extends ChatGatewayContract {
    private static FakeDiscord discord;
    private static ShardManager shards;
    private final DiscordGateway gateway = new DiscordGateway(() -> shards);

    @BeforeAll
    static void connect() throws InterruptedException {
        discord = FakeDiscord.start();
        shards = DiscordConnection.start(new DiscordSettings(FakeDiscord.TOKEN, null, URI.create(discord.apiUrl()),
                URI.create(discord.gatewayUrl()), 1, List.of(), true), new ListenerAdapter() {
        });
        DiscordConnection.awaitReady(shards);
    }

    @AfterAll
    static void disconnect() {
        shards.shutdown();
        discord.close();
    }

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    /** A thread on a starter message in the guild's channel, as {@code /wizard} makes one. */
    @Override
    protected ThreadRef openThread() {
        ThreadChannel thread = shards.getTextChannelById(discord.channelId).sendMessage("asked for: a todo app")
                .complete().createThreadChannel("a todo app").complete();
        FakeDiscord.await("the thread in JDA's cache", Duration.ofSeconds(10),
                () -> shards.getThreadChannelById(thread.getIdLong()) != null);
        return new ThreadRef(DiscordGateway.PLATFORM, String.valueOf(discord.channelId), thread.getId());
    }

    @Override
    protected List<Shown> shown(ThreadRef thread) {
        return discord.botMessages(Long.parseLong(thread.thread())).stream().map(m -> {
            List<String> buttons = new ArrayList<>();
            for (JsonNode row : m.path("components")) {
                row.path("components").forEach(b -> buttons.add(b.path("label").asText()));
            }
            return new Shown(List.of(m.path("content").asText()), buttons);
        }).toList();
    }

    @Override
    protected int pieceLimit() {
        return DiscordGateway.MAX_CONTENT;
    }

    @Override
    protected void refuseNext() {
        discord.refuseNextPost();
    }
}
