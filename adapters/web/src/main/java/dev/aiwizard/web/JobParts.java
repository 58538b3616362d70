package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the job, token and admin pages are served from: the jobs and their files, the feed that follows a job live
 * (and how often a quiet stream is kept alive), the personal API tokens, where a chat thread can be opened, and the
 * bot's effective settings as the operator may see them (secrets already masked by whoever supplies them).
 */
public record JobParts(JobStore jobs, JobFeed feed, Duration keepAlive, ApiTokens tokens, ThreadLinks threads,
                       Supplier<List<Setting>> settings) {
    public JobParts {
        requireNonNull(jobs, "jobs");
        requireNonNull(feed, "feed");
        requireNonNull(keepAlive, "keepAlive");
        requireNonNull(tokens, "tokens");
        requireNonNull(threads, "threads");
        requireNonNull(settings, "settings");
    }

    /** One effective setting: the environment variable that sets it, and its value as shown (masked if secret). */
    public record Setting(String name, String value) {
        public Setting {
            requireNonNull(name, "name");
            requireNonNull(value, "value");
        }
    }
}
