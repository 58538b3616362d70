package dev.aiwizard.app.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The job API's limits: job requests per person per minute, the longest idea, how long identical requests are
 * answered from an earlier one, how often an event stream reads the store for a job another replica runs, and how
 * often a quiet event stream sends a keep-alive. Defaults live in {@code application.yaml}; see
 * docs/configuration.md.
 */
public record ApiSettings(int jobsPerMinute, int maxIdeaLength, Duration cacheFor, Duration eventsTail,
                          Duration keepAlive) {
    public ApiSettings {
        requireNonNull(cacheFor, "cacheFor");
        requireNonNull(eventsTail, "eventsTail");
        requireNonNull(keepAlive, "keepAlive");
        if (jobsPerMinute < 1) {
            throw new ConfigException("WIZARD_API_JOBS_PER_MINUTE must be at least 1, was " + jobsPerMinute);
        }
        if (maxIdeaLength < 10) {
            throw new ConfigException("WIZARD_API_MAX_IDEA_LENGTH must be at least 10, was " + maxIdeaLength);
        }
        if (cacheFor.isNegative()) {
            throw new ConfigException("WIZARD_API_CACHE_HOURS cannot be negative");
        }
        if (eventsTail.toMillis() < 10) {
            throw new ConfigException("WIZARD_API_EVENTS_TAIL_MS must be at least 10, was " + eventsTail.toMillis());
        }
        if (keepAlive.toSeconds() < 1) {
            throw new ConfigException("WIZARD_API_EVENTS_KEEPALIVE_SECONDS must be at least 1");
        }
    }

    /** The same with another limit of job requests per person per minute. */
    public ApiSettings withJobsPerMinute(int perMinute) {
        return new ApiSettings(perMinute, maxIdeaLength, cacheFor, eventsTail, keepAlive);
    }
}
