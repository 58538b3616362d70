package dev.aiwizard.core;

import java.time.Duration;

/**
 * Port: what the engine reports for operators' dashboards (the app exports it as metrics). Labels passed here are
 * from small fixed sets (platforms, outcomes, providers, model names the operator configured), never ids, so the
 * metrics they become stay bounded. Methods beyond the first three report nothing unless an implementation wants them.
 */
public interface Telemetry {
    /** Reports nothing; for tests and tools. */
    Telemetry NONE = new Telemetry() {
        @Override
        public void turn(String platform, Duration took) {
        }

        @Override
        public void conversationStarted(String platform) {
        }

        @Override
        public void jobFinished(JobOutcome outcome, Duration took) {
        }
    };

    /** What became of one turn. */
    enum TurnOutcome {
        /** Stored and answered. */
        HANDLED,
        /** A delivery seen before: ignored. */
        DUPLICATE,
        /** Failed with an exception (the thread was told, or the platform retries). */
        FAILED
    }

    /**
     * How a job ended: the final states of {@code job.JobState}, named here so this port (which every package of the
     * core uses) depends on no package of the core.
     */
    enum JobOutcome {
        SUCCEEDED, FAILED, CANCELLED
    }

    /** One message in a thread was handled (stored, answered) in {@code took}. */
    void turn(String platform, Duration took);

    /** One message in a thread ended as {@code outcome} after {@code took}. */
    default void turn(String platform, TurnOutcome outcome, Duration took) {
        turn(platform, took);
    }

    /** A new conversation began. */
    void conversationStarted(String platform);

    /** A job ended as {@code outcome} after running for {@code took}. */
    void jobFinished(JobOutcome outcome, Duration took);

    /** A job was claimed by this replica's runner and starts now. */
    default void jobStarted() {
    }

    /**
     * A generated project was validated (its own build and tests in the sandbox): {@code outcome} is
     * {@code passed}, {@code failed} (timeouts and stopped runs too), {@code not_run} or {@code error} (the validator
     * itself failed), after {@code took}.
     */
    default void validation(String outcome, Duration took) {
    }

    /**
     * One call to a language model ended as {@code outcome} ({@code ok}, {@code failed}, {@code refused} when the
     * breaker was open), with the tokens the provider counted.
     */
    default void modelCall(String provider, String model, String outcome, long inputTokens, long outputTokens) {
    }

    /** One call to GitHub's REST API answered with {@code status} (0: no answer: timeout, connection refused). */
    default void gitHubCall(int status) {
    }

    /** The bot waited {@code waited} for GitHub's {@code limit} ({@code primary} or {@code secondary}) rate limit. */
    default void gitHubRateLimitWait(String limit, Duration waited) {
    }
}
