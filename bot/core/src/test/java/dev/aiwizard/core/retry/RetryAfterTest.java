package dev.aiwizard.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After as the model providers, Slack and GitHub send it. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", NOW));
        String in20 = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(20).atOffset(ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ofSeconds(20)), RetryAfter.parse(in20, NOW));
    }

    @Test
    void aWaitIsNeverNegative() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("-5", NOW));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(20).atOffset(ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(past, NOW));
    }

    @Test
    void anAbsentOrUnreadableHeaderAsksForNothing() {
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void theBotsOwnRetryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertEquals("1", RetryAfter.seconds(Duration.ZERO));
        assertEquals("1", RetryAfter.seconds(Duration.ofMillis(1)));
        assertEquals("2", RetryAfter.seconds(Duration.ofMillis(1001)));
        assertEquals("60", RetryAfter.seconds(Duration.ofSeconds(60)));
        assertEquals(Optional.of(Duration.ofSeconds(2)), RetryAfter.parse(RetryAfter.seconds(Duration.ofMillis(1500)),
                NOW), "what it writes, it reads back");
    }
}
