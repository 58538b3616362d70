package dev.aiwizard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages name platforms and times (states: the core's {@code Replies.label}). */
final class Words {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** Where a conversation of {@code platform} was started. */
    static String origin(String platform) {
        return switch (platform) {
            case WebGateway.PLATFORM -> "on these pages";
            case "slack" -> "in Slack";
            case "discord" -> "in Discord";
            case "api" -> "through the job API";
            case "console" -> "on the bot's console";
            default -> "on " + platform;
        };
    }

    static String time(Instant at) {
        return WHEN.format(at);
    }
}
