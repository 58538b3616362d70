package dev.aiwizard.core.coordination;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The answer of a rate limit: allowed, or not and when to try again. */
public record RateDecision(boolean allowed, Duration retryAfter) {
    public RateDecision {
        requireNonNull(retryAfter, "retryAfter");
    }

    public static RateDecision allow() {
        return new RateDecision(true, Duration.ZERO);
    }

    public static RateDecision deny(Duration retryAfter) {
        return new RateDecision(false, retryAfter);
    }
}
