package dev.aiwizard.app.config;

import dev.aiwizard.core.conversation.AdminPolicy;
import dev.aiwizard.discord.DiscordSettings;
import dev.aiwizard.slack.SlackSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Slack and Discord from {@code wizard.slack} and {@code wizard.discord}; tokens, secrets, the Discord gateway and
 * shards from the environment only, under the platforms' usual names.
 */
final class ChatPlatformBinding {
    private ChatPlatformBinding() {
    }

    /** Slack, when {@code SLACK_BOT_TOKEN} is set; otherwise null. */
    static SlackSettings slack(ConfigSection slack, Map<String, String> env) {
        String token = env.getOrDefault("SLACK_BOT_TOKEN", "").strip();
        if (token.isEmpty()) {
            return null;
        }
        try {
            return new SlackSettings(token, env.get("SLACK_SIGNING_SECRET"), env.get("SLACK_APP_TOKEN"),
                    URI.create(slack.string("api-url")), Duration.ofMillis(slack.longValue("post-interval-ms")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Slack settings (SLACK_*): " + e.getMessage());
        }
    }

    /** Discord, when {@code DISCORD_BOT_TOKEN} is set; otherwise null. */
    static DiscordSettings discord(ConfigSection discord, Map<String, String> env) {
        String token = env.getOrDefault("DISCORD_BOT_TOKEN", "").strip();
        if (token.isEmpty()) {
            return null;
        }
        String gateway = env.getOrDefault("DISCORD_GATEWAY_URL", "").strip();
        try {
            String total = env.getOrDefault("DISCORD_SHARD_TOTAL", "").strip();
            return new DiscordSettings(token, env.get("DISCORD_GUILD_ID"), URI.create(discord.string("api-url")),
                    gateway.isEmpty() ? null : URI.create(gateway), total.isEmpty() ? 0 : Integer.parseInt(total),
                    DiscordSettings.parseShards(env.get("DISCORD_SHARDS")), discord.bool("message-content"));
        } catch (NumberFormatException e) {
            throw new ConfigException("Discord settings: DISCORD_SHARD_TOTAL must be a number");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Discord settings (DISCORD_*): " + e.getMessage());
        }
    }

    /** Who besides the requester approves, cancels and changes delivered code: per platform, in the core's terms. */
    static AdminPolicy admins(ConfigSection slack, ConfigSection discord) {
        return AdminPolicy.none().withUsers("slack", slack.list("admins"))
                .withRoles("discord", discord.list("admin-roles"));
    }
}
