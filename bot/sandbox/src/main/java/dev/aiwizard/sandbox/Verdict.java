package dev.aiwizard.sandbox;

import dev.aiwizard.core.sandbox.OutputTail;
import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a finished step means, told without guessing: the wall clock, the output limit, the CPU limit (SIGXCPU, exit
 * 152) and the process limit each say so; exit 0 passes only with a report that shows tests and no failure.
 */
final class Verdict {
    private Verdict() {
    }

    /** The result of a step that ended as {@code ended} says; {@code step} names a dependency step that failed. */
    static SandboxResult of(Supervisor.Ended ended, SandboxLimits limits, String command,
                             Optional<TestReports.Found> report, long start, String step) {
        Outcome outcome;
        String reason;
        if (ended.timedOut()) {
            outcome = Outcome.TIMED_OUT;
            reason = "after " + describe(limits.timeout()) + ", every process killed";
        } else if (ended.outputExceeded()) {
            outcome = Outcome.KILLED;
            reason = "more than " + bytes(limits.outputBytes()) + " of output";
        } else if (ended.exitCode() == 128 + 24) {
            outcome = Outcome.KILLED;
            reason = "CPU time limit of " + describe(limits.cpuTime()) + " reached";
        } else if (ended.exitCode() == 0) {
            outcome = report.isEmpty() || report.get().counts().run() == 0 || report.get().counts().failed() > 0
                    ? Outcome.FAILED : Outcome.PASSED;
            reason = report.isEmpty() ? "the command succeeded but left no test report"
                    : report.get().counts().run() == 0 ? "no tests found" : "";
        } else {
            outcome = Outcome.FAILED;
            reason = "exit code " + ended.exitCode() + (ended.exitCode() == 137 ? " (killed: CPU or memory limit)" : "");
        }
        if (ended.peakTasks() >= limits.maxProcesses() && outcome != Outcome.PASSED) {
            outcome = Outcome.KILLED;
            reason = "process limit of " + limits.maxProcesses() + " reached; " + reason;
        }
        if (!step.isEmpty()) {
            reason = step + ": " + reason;
            if (outcome == Outcome.PASSED) {
                outcome = Outcome.FAILED;
            }
        }
        String output = OutputTail.of(ended.output().head(), ended.output().omitted(), ended.output().tail());
        return new SandboxResult(outcome, reason, command, report.map(TestReports.Found::counts),
                report.map(TestReports.Found::failing).orElse(List.of()), output,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static String describe(Duration d) {
        return d.toSeconds() >= 120 && d.toSeconds() % 60 == 0 ? d.toMinutes() + " min"
                : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String bytes(long n) {
        return n >= 1 << 20 && n % (1 << 20) == 0 ? (n >> 20) + " MiB" : n % 1024 == 0 ? (n >> 10) + " KiB" : n + " bytes";
    }
}
