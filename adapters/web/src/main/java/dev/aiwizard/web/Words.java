package dev.aiwizard.web;

import dev.aiwizard.core.conversation.ConversationState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages name states, platforms and times. */
final class Words {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** {@code PR_OPEN} as people read it: "delivered". */
    static String state(ConversationState state) {
        return switch (state) {
            case QUESTIONING -> "questions";
            case AWAITING_APPROVAL -> "awaiting approval";
            case GENERATING -> "generating";
            case PR_OPEN -> "delivered";
            case REVISING -> "revising";
            case MERGED -> "merged";
            case CLOSED -> "closed";
            case CANCELLED -> "cancelled";
            case FAILED -> "failed";
        };
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
