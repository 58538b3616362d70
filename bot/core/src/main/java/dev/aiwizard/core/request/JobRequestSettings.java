package dev.aiwizard.core.request;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;

/**
 * Limits of requested jobs: how long an idea may be, how many job requests one person may make per minute, how long
 * an identical request is answered from an earlier one, the stacks there are, and {@code engine}, what else shapes an
 * answer (the configured model and default target), so a changed configuration is never answered from the old one.
 */
public record JobRequestSettings(int maxIdeaLength, int perMinute, Duration cacheFor, Set<String> stacks,
                                 String engine) {
    public JobRequestSettings {
        requireNonNull(cacheFor, "cacheFor");
        requireNonNull(engine, "engine");
        stacks = Set.copyOf(stacks);
        if (maxIdeaLength < 10) {
            throw new IllegalArgumentException("the longest idea must be at least 10 characters, was " + maxIdeaLength);
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("job requests per minute must be at least 1, was " + perMinute);
        }
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("the cache period cannot be negative: " + cacheFor);
        }
    }
}
