package dev.aiwizard.discord;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the bot reaches Discord.
 *
 * @param botToken       the bot's token ({@code DISCORD_BOT_TOKEN})
 * @param guildId        a guild to register {@code /wizard} in right away ({@code null}: globally, which Discord
 *                       rolls out more slowly)
 * @param apiUrl         the REST base ({@code DISCORD_API_URL}: Discord's own unless a REST proxy or a test server)
 * @param gatewayUrl     the gateway ({@code null}: the one Discord names through {@code GET /gateway/bot})
 * @param shardTotal     how many shards the bot runs in all ({@code 0}: Discord's recommendation, which needs the
 *                       default gateway)
 * @param shards         the shard ids this process runs (empty: all of them)
 * @param messageContent whether to ask for the privileged Message Content intent (without it, answers come through
 *                       {@code /wizard answer:} or by mentioning the bot)
 */
public record DiscordSettings(String botToken, String guildId, URI apiUrl, URI gatewayUrl, int shardTotal,
                              List<Integer> shards, boolean messageContent) {
    public DiscordSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("DISCORD_BOT_TOKEN is needed for Discord");
        }
        botToken = botToken.strip();
        guildId = guildId == null || guildId.isBlank() ? null : guildId.strip();
        if (guildId != null && !guildId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("DISCORD_GUILD_ID must be a guild id (digits), not '" + guildId + "'");
        }
        if (apiUrl == null || (apiUrl.getHost() == null || apiUrl.getUserInfo() != null
                || !List.of("http", "https").contains(String.valueOf(apiUrl.getScheme()).toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException("DISCORD_API_URL must be an http(s) URL without credentials");
        }
        if (gatewayUrl != null && (gatewayUrl.getHost() == null
                || !List.of("ws", "wss").contains(String.valueOf(gatewayUrl.getScheme()).toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException("DISCORD_GATEWAY_URL must be a ws:// or wss:// URL");
        }
        if (shardTotal < 0) {
            throw new IllegalArgumentException("DISCORD_SHARD_TOTAL must not be negative");
        }
        shards = shards == null ? List.of() : List.copyOf(shards);
        for (int s : shards) {
            if (s < 0 || shardTotal > 0 && s >= shardTotal) {
                throw new IllegalArgumentException("shard " + s + " is outside 0.." + (shardTotal - 1)
                        + " (DISCORD_SHARDS, DISCORD_SHARD_TOTAL)");
            }
        }
        if (!shards.isEmpty() && shardTotal == 0) {
            throw new IllegalArgumentException("DISCORD_SHARDS needs DISCORD_SHARD_TOTAL: every replica must agree "
                    + "on the total");
        }
        if (gatewayUrl != null && shardTotal == 0) {
            shardTotal = 1;
        }
    }

    /**
     * Shard ids from {@code DISCORD_SHARDS}: a comma-separated list of ids and ranges such as {@code 0-3,8}; blank
     * means all.
     */
    public static List<Integer> parseShards(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (to < from) {
                        throw new IllegalArgumentException("DISCORD_SHARDS range " + p + " runs backwards");
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                } else if (!p.isEmpty()) {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_SHARDS must list shard ids such as 0-3,8, not '" + text
                        + "'");
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    /** The REST base JDA calls, ending in {@code /}. */
    public String restBase() {
        String s = apiUrl.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    @Override
    public String toString() {
        return "DiscordSettings[api=" + restBase() + ", gateway=" + (gatewayUrl == null ? "Discord's" : gatewayUrl)
                + ", guild=" + guildId + ", shards=" + (shards.isEmpty() ? "all" : shards) + "/"
                + (shardTotal == 0 ? "auto" : shardTotal) + ", messageContent="
                + messageContent + "]";
    }
}
