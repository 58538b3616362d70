package dev.aiwizard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    private static final URI API = URI.create("https://discord.example/api/v10");

    @Test
    void shardsAreListsAndRanges() {
        assertEquals(List.of(0, 1, 2, 3, 8), DiscordSettings.parseShards(" 0-3, 8,2"));
        assertEquals(List.of(), DiscordSettings.parseShards(""));
        assertThrows(IllegalArgumentException.class, () -> DiscordSettings.parseShards("3-1"));
        assertThrows(IllegalArgumentException.class, () -> DiscordSettings.parseShards("first"));
    }

    @Test
    void shardIdsNeedATotalTheyFitIn() {
        IllegalArgumentException noTotal = assertThrows(IllegalArgumentException.class,
                () -> settings(null, 0, List.of(0, 1)));
        assertTrue(noTotal.getMessage().contains("DISCORD_SHARD_TOTAL"), noTotal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings(null, 2, List.of(2)));
        assertEquals(List.of(1), settings(null, 2, List.of(1)).shards());
    }

    @Test
    void aGatewayOverrideMeansOneShardUnlessToldOtherwise() {
        assertEquals(1, settings(URI.create("ws://127.0.0.1:9"), 0, List.of()).shardTotal());
        assertEquals(0, settings(null, 0, List.of()).shardTotal(), "Discord recommends the total");
    }

    @Test
    void badValuesAreRefusedWithTheVariableNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiscordSettings(" ", null, null, null, 0,
                null, true)).getMessage().contains("DISCORD_BOT_TOKEN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiscordSettings("t", "my-guild", API,
                null, 0, null, true)).getMessage().contains("DISCORD_GUILD_ID"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiscordSettings("t", null,
                URI.create("ftp://x/"), null, 0, null, true)).getMessage().contains("DISCORD_API_URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiscordSettings("t", null, API,
                URI.create("http://x/"), 0, null, true)).getMessage().contains("DISCORD_GATEWAY_URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DiscordSettings("t", null, null, null, 0,
                null, true)).getMessage().contains("DISCORD_API_URL"));
    }

    @Test
    void theTokenNeverShowsInTheDescription() {
        DiscordSettings s = new DiscordSettings("secret-token-value", "123", API, null, 0, null, false);
        assertFalse(s.toString().contains("secret-token-value"), s.toString());
        assertEquals("https://discord.example/api/v10/", s.restBase());
    }

    private static DiscordSettings settings(URI gateway, int total, List<Integer> shards) {
        return new DiscordSettings("token", null, API, gateway, total, shards, true);
    }
}
