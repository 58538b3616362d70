package dev.aiwizard.app;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.web.ThreadLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the web pages link a conversation's chat thread. Slack: its documented deep link {@code app_redirect} opens
 * the channel in the person's own workspace (a thread's own address needs the workspace's domain, which the bot is
 * not told). Discord: {@code discord.com/channels/<guild>/<thread>}, when the guild is configured
 * ({@code DISCORD_GUILD_ID}); without it a thread has no address the bot can build.
 */
final class ThreadAddresses {
    private ThreadAddresses() {
    }

    static ThreadLinks of(AppSettings settings) {
        String guild = settings.chat().discord() == null ? null : settings.chat().discord().guildId();
        return thread -> link(thread, settings.chat().slack() != null, guild);
    }

    static Optional<String> link(ThreadRef thread, boolean slack, String guild) {
        return switch (thread.platform()) {
            case "slack" -> slack ? Optional.of("https://slack.com/app_redirect?channel="
                    + URLEncoder.encode(thread.channel(), StandardCharsets.UTF_8)) : Optional.empty();
            case "discord" -> guild != null && thread.thread().matches("\\d{1,20}")
                    ? Optional.of("https://discord.com/channels/" + guild + "/" + thread.thread()) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
