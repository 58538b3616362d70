package dev.aiwizard.core.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.text.HiddenText;
import dev.aiwizard.core.text.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a sandbox run found, told truthfully: the outcome and why, the command shown to people, the counts from the
 * test runner's own reports ({@code tests} empty when there was no report), the failing tests' names, the tail of
 * the output (secrets masked, capped) and how long it took.
 */
public record SandboxResult(Outcome outcome, String reason, String command, Optional<TestCounts> tests,
                            List<String> failingTests, String output, Duration duration) {
    /** At most this many failing tests are named; the counts still say how many failed. */
    public static final int MAX_FAILING_NAMES = 50;
    /** A failing test's name is cut to this many characters. */
    public static final int MAX_NAME_CHARS = 200;

    public SandboxResult {
        requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        command = command == null ? "" : command;
        requireNonNull(tests, "tests");
        // Names and output were written by the code under test: masked here too, whatever produced the result.
        failingTests = failingTests == null ? List.of() : failingTests.stream().limit(MAX_FAILING_NAMES)
                .map(SandboxResult::clean).map(n -> n.length() > MAX_NAME_CHARS ? n.substring(0, MAX_NAME_CHARS) + "…" : n)
                .toList();
        output = output == null ? "" : Secrets.redact(output).text();
        requireNonNull(duration, "duration");
        if (outcome == Outcome.PASSED && (tests.isEmpty() || tests.get().run() == 0 || tests.get().failed() > 0)) {
            throw new IllegalArgumentException("a run passes only when its tests ran and none failed: " + tests);
        }
    }

    /** How a run ended. */
    public enum Outcome {
        /** The tests ran and none failed. */
        PASSED,
        /** The build or at least one test failed, or no test ran. */
        FAILED,
        /** The wall-clock timeout ended the run; the whole process tree was killed. */
        TIMED_OUT,
        /** A limit other than the wall clock ended the run: CPU time, processes, output. */
        KILLED,
        /** Nothing ran, e.g. no sandbox is available on this node; {@code reason} says why and what to do. */
        NOT_RUN
    }

    private static String clean(String name) {
        return Secrets.redact(HiddenText.strip(name == null ? "" : name).replaceAll("\\s+", " ").strip()).text();
    }

    /** A run that never started. */
    public static SandboxResult notRun(String reason, String command) {
        return new SandboxResult(Outcome.NOT_RUN, reason, command, Optional.empty(), List.of(), "", Duration.ZERO);
    }

    /** Whether the tests ran and passed. */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /**
     * One line for the chat, the pull request and the commit status, e.g. "tests: 41 passed, 3 failed" or "tests:
     * not run (no sandbox available: install bubblewrap)". Never says passed unless they ran and passed.
     */
    public String summary() {
        String counts = tests.map(TestCounts::describe).orElse(null);
        return switch (outcome) {
            case PASSED -> "tests: " + counts;
            case FAILED -> "tests: " + (counts == null ? "failed, no test report (" + reason + ")"
                    : tests.get().run() == 0 ? "none ran (" + reason + ")" : tests.get().failed() == 0
                    ? counts + ", but the run failed (" + reason + ")" : counts);
            case TIMED_OUT -> "tests: timed out" + (reason.isEmpty() ? "" : " (" + reason + ")")
                    + (counts == null || tests.get().run() == 0 ? "" : "; before that " + counts);
            case KILLED -> "tests: stopped" + (reason.isEmpty() ? "" : " (" + reason + ")")
                    + (counts == null || tests.get().run() == 0 ? "" : "; before that " + counts);
            case NOT_RUN -> "tests: not run (" + reason + ")";
        };
    }
}
