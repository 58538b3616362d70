package dev.aiwizard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aiwizard.discord.testing.FakeDiscord;
import java.net.URI;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

/** The real JDA ShardManager against the fake gateway, which routes the guild as Discord does. */
class DiscordShardingTest {
    @Test
    void twoShardsInOneProcessSplitTheGuildsAsDiscordRoutesThem() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            ShardManager shards = DiscordConnection.start(settings(discord, List.of()), new ListenerAdapter() {
            });
            try {
                DiscordConnection.awaitReady(shards);
                assertEquals(List.of("0/2", "1/2"), discord.identifiedShards().stream().sorted().toList());
                int home = (int) ((discord.guildId >> 22) % 2);
                assertNotNull(shards.getShardById(home).getGuildById(discord.guildId));
                assertNull(shards.getShardById(1 - home).getGuildById(discord.guildId));
                assertNotNull(shards.getTextChannelById(discord.channelId), "the manager finds it on any shard");
            } finally {
                shards.shutdown();
            }
        }
    }

    @Test
    void aReplicaRunsOnlyTheShardsItIsGiven() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            ShardManager shards = DiscordConnection.start(settings(discord, List.of(1)), new ListenerAdapter() {
            });
            try {
                DiscordConnection.awaitReady(shards);
                assertEquals(List.of("1/2"), discord.identifiedShards());
                assertEquals(List.of(1), shards.getShards().stream().map(j -> j.getShardInfo().getShardId())
                        .toList());
                JDA only = shards.getShards().getFirst();
                assertEquals(2, only.getShardInfo().getShardTotal());
            } finally {
                shards.shutdown();
            }
        }
    }

    private static DiscordSettings settings(FakeDiscord discord, List<Integer> shards) {
        return new DiscordSettings(FakeDiscord.TOKEN, null, URI.create(discord.apiUrl()),
                URI.create(discord.gatewayUrl()), 2, shards, true);
    }
}
