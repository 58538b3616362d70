package dev.aiwizard.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxResultTest {
    @Test
    void theSummaryGivesTheCountsOfAPassingRun() {
        assertEquals("tests: 41 passed, 2 skipped", result(Outcome.PASSED, "", new TestCounts(43, 41, 0, 2)).summary());
    }

    @Test
    void theSummaryGivesPassedAndFailedOfAFailingRun() {
        assertEquals("tests: 41 passed, 3 failed", result(Outcome.FAILED, "exit code 1", new TestCounts(44, 41, 3, 0))
                .summary());
    }

    @Test
    void aFailedBuildWithoutReportSaysSoInsteadOfCounting() {
        assertEquals("tests: failed, no test report (exit code 1)", result(Outcome.FAILED, "exit code 1", null).summary());
    }

    @Test
    void aRunWhoseTestsPassedButWhoseCommandFailedIsNotCalledPassing() {
        assertEquals("tests: 3 passed, but the run failed (exit code 1)",
                result(Outcome.FAILED, "exit code 1", new TestCounts(3, 3, 0, 0)).summary());
    }

    @Test
    void timedOutAndKilledRunsSayWhyAndWhatRanBefore() {
        assertEquals("tests: timed out (after 10 min, every process killed); before that 3 passed",
                result(Outcome.TIMED_OUT, "after 10 min, every process killed", new TestCounts(3, 3, 0, 0)).summary());
        assertEquals("tests: stopped (process limit of 64 reached)",
                result(Outcome.KILLED, "process limit of 64 reached", null).summary());
    }

    @Test
    void aRunWithoutSandboxSaysItDidNotRunAndWhy() {
        assertEquals("tests: not run (no sandbox available: bwrap not found)",
                SandboxResult.notRun("no sandbox available: bwrap not found", "npm test").summary());
    }

    @Test
    void aRunCannotPassWithoutTestsOrWithFailures() {
        assertThrows(IllegalArgumentException.class, () -> result(Outcome.PASSED, "", null));
        assertThrows(IllegalArgumentException.class, () -> result(Outcome.PASSED, "", TestCounts.NONE));
        assertThrows(IllegalArgumentException.class, () -> result(Outcome.PASSED, "", new TestCounts(2, 1, 1, 0)));
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TestCounts(3, 1, 1, 0));
    }

    @Test
    void atMostFiftyFailingTestsAreNamed() {
        List<String> names = IntStream.range(0, 80).mapToObj(i -> "test" + i).toList();
        var r = new SandboxResult(Outcome.FAILED, "", "mvn -o -B test", Optional.of(new TestCounts(80, 0, 80, 0)),
                names, "", Duration.ZERO);
        assertEquals(SandboxResult.MAX_FAILING_NAMES, r.failingTests().size());
        assertEquals("tests: 0 passed, 80 failed", r.summary());
    }

    @Test
    void failingTestNamesAndOutputAreMaskedWhoeverMadeTheResult() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        var r = new SandboxResult(Outcome.FAILED, "", "npm test", Optional.of(new TestCounts(1, 0, 1, 0)),
                List.of("prints\n" + token + " \u200B" + "x".repeat(300)), "token " + token, Duration.ZERO);

        assertEquals(("prints [secret removed] " + "x".repeat(300)).substring(0, SandboxResult.MAX_NAME_CHARS) + "…",
                r.failingTests().getFirst());
        assertEquals("token [secret removed]", r.output());
    }

    private static SandboxResult result(Outcome outcome, String reason, TestCounts counts) {
        return new SandboxResult(outcome, reason, "mvn -o -B test", Optional.ofNullable(counts), List.of(), "",
                Duration.ofSeconds(12));
    }
}
