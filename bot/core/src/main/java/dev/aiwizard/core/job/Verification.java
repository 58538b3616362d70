package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.text.Secrets;
import java.time.Duration;
import java.util.List;

/**
 * What running a generated project's own build and tests showed: the command, the counts its test runner reported
 * (never guessed), the tests that failed, the end of its output (secrets removed) and, when it did not run or did not
 * finish, why. {@code repairRounds} is how many times the model was asked to fix it first.
 */
public record Verification(Outcome outcome, String command, int run, int passed, int failed, int skipped,
                           Duration duration, List<String> failing, String output, String reason, int repairRounds) {
    /** How it ended. */
    public enum Outcome {
        /** Built, and every test that ran passed. */
        PASSED,
        /** Did not build, a test failed, or it was stopped at a limit. */
        FAILED,
        /** Not run at all (no sandbox here, or validation is switched off). */
        NOT_RUN
    }

    public Verification {
        requireNonNull(outcome, "outcome");
        requireNonNull(command, "command");
        requireNonNull(duration, "duration");
        failing = failing == null ? List.of() : List.copyOf(failing);
        output = output == null ? "" : Secrets.redact(output).text();
        if (run < 0 || passed < 0 || failed < 0 || skipped < 0 || repairRounds < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (outcome != Outcome.PASSED && (reason == null || reason.isBlank()) && failed == 0) {
            throw new IllegalArgumentException("a run that did not pass needs a reason or a failed test");
        }
        if (outcome == Outcome.PASSED && failed > 0) {
            throw new IllegalArgumentException("a run with failed tests did not pass");
        }
    }

    /** Nothing ran: {@code reason} says why and what to do about it. */
    public static Verification notRun(String command, String reason) {
        return new Verification(Outcome.NOT_RUN, command, 0, 0, 0, 0, Duration.ZERO, List.of(), "", reason, 0);
    }

    public boolean succeeded() {
        return outcome == Outcome.PASSED;
    }

    /** The same result after {@code rounds} repair rounds. */
    public Verification withRepairRounds(int rounds) {
        return new Verification(outcome, command, run, passed, failed, skipped, duration, failing, output, reason,
                rounds);
    }

    /** One line for the status message, the chat and the commit status: "tests: 41 passed, 3 failed". */
    public String summary() {
        if (outcome == Outcome.NOT_RUN) {
            return "tests not run: " + reason;
        }
        if (run == 0) {
            return outcome == Outcome.PASSED ? "build passed; no tests ran" : "tests did not run: " + reason;
        }
        StringBuilder s = new StringBuilder("tests: ").append(passed).append(" passed");
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        if (skipped > 0) {
            s.append(", ").append(skipped).append(" skipped");
        }
        if (outcome == Outcome.FAILED && failed == 0) {
            s.append(" (").append(reason).append(')');
        }
        return s.toString();
    }
}
