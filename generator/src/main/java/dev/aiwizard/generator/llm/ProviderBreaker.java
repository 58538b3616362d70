package dev.aiwizard.generator.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The circuit breaker every call to one model provider shares: Resilience4j's, set up to open after {@code threshold}
 * failures in a row (a count window of that size that must fail entirely) and, {@code openFor} later, to let one trial
 * call through, whose success closes it and whose failure opens it again. Only what the gateway reports counts (no
 * exception filter, no slow calls); time is the given clock's, so tests step it.
 */
final class ProviderBreaker {
    private final CircuitBreaker breaker;
    private final Clock clock;
    private volatile Instant reopensAt = Instant.MIN;

    ProviderBreaker(int threshold, Duration openFor, Clock clock) {
        this.clock = clock;
        this.breaker = CircuitBreaker.of("model", CircuitBreakerConfig.custom()
                .slidingWindow(threshold, threshold, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .slowCallRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(openFor)
                .clock(clock)
                .build());
        // The library keeps when an open breaker lets the next trial through to itself; the "paused until" people
        // read and the paused gauge need it too.
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                reopensAt = clock.instant().plus(openFor);
            }
        });
    }

    /** Whether a call may start now; while half-open only one at a time. */
    boolean allow() {
        return breaker.tryAcquirePermission();
    }

    void success() {
        // Durations are not reported: a slow answer is not a failure here (the call timeout is).
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }

    void failure(Throwable e) {
        breaker.onError(0, TimeUnit.NANOSECONDS, e);
    }

    /** A call ended without telling anything about the provider (we cancelled it): frees a half-open trial. */
    void abandon() {
        breaker.releasePermission();
    }

    /** Whether calls are refused now: open, and the wait before the next trial not over. */
    boolean paused() {
        return breaker.getState() == CircuitBreaker.State.OPEN && !clock.instant().isAfter(reopensAt);
    }

    /** When an open breaker lets the next trial through. */
    Instant reopensAt() {
        return reopensAt;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
