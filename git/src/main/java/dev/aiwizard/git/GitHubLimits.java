package dev.aiwizard.git;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.retry.RetryAfter;
import dev.aiwizard.core.retry.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * How the bot honours GitHub's limits, as GitHub's REST guidance asks: an exhausted primary limit
 * ({@code x-ratelimit-remaining: 0}) waits for {@code x-ratelimit-reset}; a secondary limit (403 or 429 with
 * {@code retry-after}) waits at least a minute, or what {@code retry-after} says if longer, and twice as long each time
 * it comes back within ten minutes. A wait longer than {@code maxWait} is not taken: the call fails with a message
 * saying when to try again. github-api retries the call after a handler returns (twice at most).
 */
final class GitHubLimits {
    private static final Duration SECONDARY_MINIMUM = Duration.ofMinutes(1);
    private static final Duration STREAK_WINDOW = Duration.ofMinutes(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration maxWait;
    private final Telemetry telemetry;
    private int streak;
    private Instant lastSecondary = Instant.MIN;

    GitHubLimits(Sleeper sleeper, Clock clock, Duration maxWait) {
        this(sleeper, clock, maxWait, Telemetry.NONE);
    }

    GitHubLimits(Sleeper sleeper, Clock clock, Duration maxWait, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    GitHubRateLimitHandler primary() {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                Duration wait = untilReset(response);
                waitOrFail(response, wait == null ? SECONDARY_MINIMUM : wait, "primary",
                        "GitHub's API rate limit is used up");
            }
        };
    }

    GitHubAbuseLimitHandler secondary() {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                waitOrFail(response, secondaryWait(response), "secondary",
                        "GitHub asked the bot to slow down (secondary rate limit)");
            }
        };
    }

    private synchronized Duration secondaryWait(GitHubConnectorResponse response) {
        Instant now = clock.instant();
        streak = Duration.between(lastSecondary, now).compareTo(STREAK_WINDOW) < 0 ? streak + 1 : 0;
        lastSecondary = now;
        Duration asked = RetryAfter.parse(response.header("retry-after"), serverNow(response)).orElse(null);
        Duration reset = "0".equals(response.header("x-ratelimit-remaining")) ? untilReset(response) : null;
        Duration wait = SECONDARY_MINIMUM;
        for (Duration d : new Duration[] {asked, reset}) {
            if (d != null && d.compareTo(wait) > 0) {
                wait = d;
            }
        }
        return wait.multipliedBy(1L << Math.min(streak, 10));
    }

    private void waitOrFail(GitHubConnectorResponse response, Duration wait, String limit, String what)
            throws IOException {
        if (wait.compareTo(maxWait) > 0) {
            throw new HttpException(what + "; try again after " + TIME.format(clock.instant().plus(wait)),
                    response.statusCode(), "rate limited", response.request().url().toString());
        }
        telemetry.gitHubRateLimitWait(limit, wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for GitHub's rate limit");
        }
    }

    private static Duration untilReset(GitHubConnectorResponse response) {
        String v = response.header("x-ratelimit-reset");
        if (v == null) {
            return null;
        }
        try {
            Duration d = Duration.between(serverNow(response), Instant.ofEpochSecond(Long.parseLong(v.strip())));
            // A second more: the reset is a whole second and clocks disagree a little.
            return d.isNegative() ? Duration.ofSeconds(1) : d.plusSeconds(1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** GitHub's own clock (the {@code Date} header), so a skewed local clock does not shorten the wait. */
    private static Instant serverNow(GitHubConnectorResponse response) {
        String date = response.header("Date");
        if (date != null) {
            try {
                return DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);
            } catch (RuntimeException e) {
                // fall through to the local clock
            }
        }
        return Instant.now();
    }
}
