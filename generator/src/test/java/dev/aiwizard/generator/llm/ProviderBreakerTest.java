package dev.aiwizard.generator.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The provider's breaker as the gateway sets up Resilience4j's: failures in a row, a pause, one trial. */
class ProviderBreakerTest {
    private static final RuntimeException DOWN = new IllegalStateException("503");
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
    private final ProviderBreaker breaker = new ProviderBreaker(5, Duration.ofSeconds(30), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.allow());
            breaker.failure(DOWN);
        }
    }

    @Test
    void opensAfterFiveConsecutiveFailuresOnly() {
        fail(4);
        assertTrue(breaker.allow());
        breaker.success();
        fail(4);
        assertEquals(State.CLOSED, breaker.state(), "a success in between resets the count");
        assertFalse(breaker.paused());
        fail(1);
        assertEquals(State.OPEN, breaker.state());
        assertTrue(breaker.paused());
        assertEquals(now.plusSeconds(30), breaker.reopensAt());
        assertFalse(breaker.allow());
    }

    @Test
    void halfOpensAfterThirtySecondsForOneTrialWhoseOutcomeDecides() {
        fail(5);
        now = now.plusSeconds(30);
        assertFalse(breaker.allow(), "paused for thirty seconds");
        assertTrue(breaker.paused());
        now = now.plusMillis(1);
        assertFalse(breaker.paused(), "the next call is a trial, so calls are no longer paused");
        assertTrue(breaker.allow(), "one trial");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertFalse(breaker.allow(), "only one at a time");
        breaker.failure(DOWN);
        assertEquals(State.OPEN, breaker.state(), "a failed trial opens it again at once");
        assertEquals(now.plusSeconds(30), breaker.reopensAt());

        now = now.plusSeconds(31);
        assertTrue(breaker.allow());
        breaker.success();
        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.allow() && breaker.allow());
    }

    @Test
    void aCancelledTrialFreesTheHalfOpenSlotWithoutCountingAsAFailure() {
        fail(5);
        now = now.plusSeconds(31);
        assertTrue(breaker.allow());
        breaker.abandon();
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.allow(), "the next trial may go");
    }
}
