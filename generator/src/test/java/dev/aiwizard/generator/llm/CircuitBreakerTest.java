package dev.aiwizard.generator.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterFiveConsecutiveFailuresOnly() {
        for (int i = 0; i < 4; i++) {
            breaker.failure();
        }
        breaker.success();
        for (int i = 0; i < 4; i++) {
            breaker.failure();
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success in between resets the count");
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.allow());
    }

    @Test
    void halfOpensAfterThirtySecondsForOneTrialWhoseOutcomeDecides() {
        for (int i = 0; i < 5; i++) {
            breaker.failure();
        }
        now = now.plusSeconds(29);
        assertFalse(breaker.allow());
        now = now.plusSeconds(1);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.allow(), "one trial");
        assertFalse(breaker.allow(), "only one at a time");
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed trial opens it again at once");

        now = now.plusSeconds(30);
        assertTrue(breaker.allow());
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.allow() && breaker.allow());
    }

    @Test
    void aCancelledTrialFreesTheHalfOpenSlotWithoutCountingAsAFailure() {
        for (int i = 0; i < 5; i++) {
            breaker.failure();
        }
        now = now.plusSeconds(30);
        assertTrue(breaker.allow());
        breaker.abandon();
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.allow(), "the next trial may go");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), ModelHttpClient.retryAfter(" 7 "));
        Duration fromDate = ModelHttpClient.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20)));
        assertTrue(fromDate.toSeconds() >= 18 && fromDate.toSeconds() <= 20, fromDate.toString());
        assertEquals(null, ModelHttpClient.retryAfter("soon"));
    }
}
