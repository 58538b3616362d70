package dev.aiwizard.core.sandbox;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How generated projects are validated: whether at all ({@code WIZARD_VALIDATE}), the limits of each run, how many
 * runs one node holds at once ({@code WIZARD_SANDBOX_SLOTS}; the rest wait in line), where the shared dependency
 * caches and scratch copies live, and how many repair rounds a model gets when tests fail.
 */
public record SandboxSettings(Mode mode, SandboxLimits limits, int slots, Path workDir, int repairRounds) {
    public SandboxSettings {
        requireNonNull(mode, "mode");
        requireNonNull(limits, "limits");
        requireNonNull(workDir, "workDir");
        if (slots < 1) {
            throw new IllegalArgumentException("WIZARD_SANDBOX_SLOTS must be at least 1, was " + slots);
        }
        if (repairRounds < 0 || repairRounds > 10) {
            throw new IllegalArgumentException("WIZARD_REPAIR_ROUNDS must be between 0 and 10, was " + repairRounds);
        }
    }

    /** Whether projects are validated. */
    public enum Mode {
        /** Every generated project and revision runs in the sandbox before delivery. */
        ALWAYS,
        /** Nothing runs; delivery says the tests were not run. */
        NEVER;

        /** {@code always} or {@code never}, as operators write it. */
        public static Mode parse(String value) {
            return switch (requireNonNull(value, "value").strip().toLowerCase(Locale.ROOT)) {
                case "always" -> ALWAYS;
                case "never" -> NEVER;
                default -> throw new IllegalArgumentException("WIZARD_VALIDATE must be always or never, was '"
                        + value.strip() + "'");
            };
        }
    }
}
