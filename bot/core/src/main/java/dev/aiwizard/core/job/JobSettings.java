package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the job runner works: how many jobs at once, how long a claim lasts without renewal, how often to look for
 * work nobody announced, how many attempts before giving up, and the limits generated output must respect.
 */
public record JobSettings(int concurrency, Duration lease, Duration pollInterval, int maxAttempts,
                          ProjectLimits limits) {
    public JobSettings {
        requireNonNull(lease, "lease");
        requireNonNull(pollInterval, "pollInterval");
        requireNonNull(limits, "limits");
        if (concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency and maxAttempts must be at least 1");
        }
    }
}
