package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the job, token and admin pages are served from: the jobs and their files, the feed that follows a job live
 * (and how often a quiet stream is kept alive), the personal API tokens, where a chat thread can be opened, and the
 * bot's effective settings as the operator may see them (secrets already masked by whoever supplies them), and the
 * model usage ledger with the prices it is costed at.
 */
public record JobParts(JobStore jobs, JobFeed feed, Duration keepAlive, ApiTokens tokens, ThreadLinks threads,
                       Supplier<List<Setting>> settings, UsageLedger usage, Prices prices) {
    public JobParts {
        requireNonNull(jobs, "jobs");
        requireNonNull(feed, "feed");
        requireNonNull(keepAlive, "keepAlive");
        requireNonNull(tokens, "tokens");
        requireNonNull(threads, "threads");
        requireNonNull(settings, "settings");
        requireNonNull(usage, "usage");
        requireNonNull(prices, "prices");
    }

    /**
     * What some usage of a model ({@code provider/model}) cost in US dollars, from the same price table as the
     * {@code wizard_model_cost_usd_total} metric; empty for a model the table does not price.
     */
    @FunctionalInterface
    public interface Prices {
        Optional<Double> cost(String model, ModelUsage usage);
    }

    /** One effective setting: the environment variable that sets it, and its value as shown (masked if secret). */
    public record Setting(String name, String value) {
        public Setting {
            requireNonNull(name, "name");
            requireNonNull(value, "value");
        }
    }
}
