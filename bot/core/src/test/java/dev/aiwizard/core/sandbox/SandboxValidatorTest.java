package dev.aiwizard.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.Verification;
import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import dev.aiwizard.core.testing.ShippedSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxValidatorTest {
    @TempDir
    Path work;

    private final GeneratedProject project = new GeneratedProject(List.of(new GeneratedFile("package.json", "{}"),
            new GeneratedFile("test/a.test.js", "// a test")), "npm install && npm test", "offline:node-express");

    @Test
    void theGeneratedFilesAreRunFromAFolderOfTheirOwnWhichIsRemovedAfterwards() {
        List<String> seen = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        Sandbox sandbox = (request, progress) -> {
            dirs.add(request.project());
            seen.add(request.stack() + " " + Files.exists(request.project().resolve("test/a.test.js")));
            progress.report("running tests: npm test");
            return result(Outcome.PASSED, "", new TestCounts(3, 3, 0, 0));
        };
        List<String> notes = new ArrayList<>();

        Verification v = new SandboxValidator(sandbox, settings()).validate(project, "node-express", notes::add);

        assertEquals(List.of("node-express true"), seen);
        assertEquals(List.of("running tests: npm test"), notes);
        assertTrue(dirs.getFirst().startsWith(work));
        assertFalse(Files.exists(dirs.getFirst()), "the folder is removed");
        assertEquals("tests: 3 passed", v.summary());
        assertTrue(v.succeeded());
    }

    @Test
    void timedOutAndStoppedRunsAreFailuresThatSaySo() {
        Verification timedOut = SandboxValidator.verification(result(Outcome.TIMED_OUT,
                "after 10 min, every process killed", null));
        Verification stopped = SandboxValidator.verification(result(Outcome.KILLED, "process limit of 64 reached",
                new TestCounts(2, 2, 0, 0)));

        assertEquals(Verification.Outcome.FAILED, timedOut.outcome());
        assertEquals("tests did not run: timed out: after 10 min, every process killed", timedOut.summary());
        assertEquals("tests: 2 passed (stopped at a limit: process limit of 64 reached)", stopped.summary());
    }

    @Test
    void failuresKeepTheirCountsNamesAndOutputAndNotRunItsReason() {
        SandboxResult failed = new SandboxResult(Outcome.FAILED, "exit code 1", "mvn -o -B test",
                Optional.of(new TestCounts(44, 41, 3, 0)), List.of("a.BookTest.reads"), "BUILD FAILURE", Duration.ofSeconds(9));

        Verification v = SandboxValidator.verification(failed);
        Verification notRun = SandboxValidator.verification(SandboxResult.notRun("no sandbox available: bwrap not found",
                "npm test"));

        assertEquals("tests: 41 passed, 3 failed", v.summary());
        assertEquals(List.of("a.BookTest.reads"), v.failing());
        assertEquals("BUILD FAILURE", v.output());
        assertEquals(Duration.ofSeconds(9), v.duration());
        assertEquals("tests not run: no sandbox available: bwrap not found", notRun.summary());
        assertEquals(Verification.Outcome.NOT_RUN, notRun.outcome());
    }

    @Test
    void aFailedBuildWithoutReportSaysThereWasNoReport() {
        Verification v = SandboxValidator.verification(result(Outcome.FAILED, "exit code 1", null));

        assertEquals("tests did not run: no test report; exit code 1", v.summary());
    }

    private SandboxSettings settings() {
        return new SandboxSettings(SandboxSettings.Mode.ALWAYS, ShippedSettings.sandboxLimits(), 1, work, 2);
    }

    private static SandboxResult result(Outcome outcome, String reason, TestCounts counts) {
        return new SandboxResult(outcome, reason, "npm test", Optional.ofNullable(counts), List.of(), "", Duration.ZERO);
    }
}
