package dev.aiwizard.generator.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a failing provider: opens after {@code threshold} consecutive failures, and after {@code openFor}
 * lets one trial call through (half-open); its success closes the breaker, its failure opens it again.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may start now; in half-open state only one at a time. */
    synchronized boolean allow() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void success() {
        failures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    /** A call ended without telling anything about the provider (we cancelled it): frees a half-open trial. */
    synchronized void abandon() {
        trialInFlight = false;
    }

    synchronized void failure() {
        trialInFlight = false;
        failures++;
        if (openedAt != null || failures >= threshold) {
            openedAt = clock.instant();
        }
    }

    synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** When an open breaker lets the next trial through. */
    synchronized Instant reopensAt() {
        return openedAt == null ? clock.instant() : openedAt.plus(openFor);
    }
}
