package dev.aiwizard.core.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header, which the model providers, Slack and GitHub all send, and writes the one
 * the bot's own API sends.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * How long {@code value} asks to wait: whole seconds, or an HTTP date taken against {@code now} (the server's own
     * clock where its {@code Date} header gives it, so a skewed local clock does not shorten the wait). Never
     * negative; empty when the header is absent or unreadable.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** {@code wait} as a {@code Retry-After} value: whole seconds, rounded up, at least 1 (0 would invite a storm). */
    public static String seconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
