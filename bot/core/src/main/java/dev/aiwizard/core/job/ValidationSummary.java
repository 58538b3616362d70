package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

/**
 * What a job's validation showed, as kept with the job for those who ask later (the job API): the outcome and the
 * one line the chat and the pull request show ("tests: 41 passed, 3 failed").
 */
public record ValidationSummary(Verification.Outcome outcome, String summary) {
    public ValidationSummary {
        requireNonNull(outcome, "outcome");
        requireNonNull(summary, "summary");
    }

    /** The summary of {@code verification}; {@code null} when nothing was validated (validation is off). */
    public static ValidationSummary of(Verification verification) {
        return verification == null ? null : new ValidationSummary(verification.outcome(), verification.summary());
    }
}
