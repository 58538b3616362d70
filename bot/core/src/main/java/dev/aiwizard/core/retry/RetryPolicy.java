package dev.aiwizard.core.retry;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a call to a remote service is tried again (the model provider, Slack's Web API): at most {@code attempts}
 * attempts; before each retry the wait the server asked for ({@code Retry-After}), or else {@code backoff} doubled
 * after every failure; and no wait longer than {@code maxWait}: the call is given up instead, so nobody waits minutes
 * for a chat reply. An attempt asks for a retry by throwing {@link TryAgain}; anything else it throws ends the call
 * as it is. GitHub's calls are retried by github-api itself; {@code GitHubLimits} shares the sleeper and the
 * {@code Retry-After} reading.
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxWait) {
    private static final System.Logger LOG = System.getLogger(RetryPolicy.class.getName());

    public RetryPolicy {
        requireNonNull(backoff, "backoff");
        requireNonNull(maxWait, "maxWait");
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + attempts);
        }
    }

    /** Thrown by an attempt that failed in a way another attempt may mend; {@code reason} is fit to show. */
    public static final class TryAgain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Duration retryAfter;

        /** {@code retryAfter}: what the server asked for, or null for the policy's backoff. */
        public TryAgain(String reason, Duration retryAfter, Throwable cause) {
            super(reason, cause);
            this.retryAfter = retryAfter;
        }

        /** The wait the server asked for, if it did. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * Why the call was given up: the last attempt's failure, how many attempts were made, and the wait that was
     * refused for being longer than {@code maxWait} (null when the attempts ran out).
     */
    public record GiveUp(TryAgain last, int attempts, Duration refusedWait) {
    }

    /**
     * Runs {@code attempt} until it succeeds, throws something other than {@link TryAgain}, or the policy gives up;
     * then {@code giveUp} makes the exception the caller throws.
     *
     * @throws InterruptedException when interrupted while waiting for the next attempt
     */
    public <T> T call(Sleeper sleeper, Supplier<T> attempt, Function<GiveUp, RuntimeException> giveUp)
            throws InterruptedException {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (TryAgain failed) {
                if (n >= attempts) {
                    throw giveUp.apply(new GiveUp(failed, n, null));
                }
                Duration wait = failed.retryAfter().orElse(backoff.multipliedBy(1L << Math.min(n - 1, 30)));
                if (wait.compareTo(maxWait) > 0) {
                    throw giveUp.apply(new GiveUp(failed, n, wait));
                }
                LOG.log(System.Logger.Level.INFO, "{0}; retry {1} in {2} ms", failed.getMessage(), n, wait.toMillis());
                sleeper.sleep(wait);
            }
        }
    }
}
