package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapSandboxTest {
    @TempDir
    Path dir;

    @Test
    void withoutBubblewrapNothingRunsAndTheResultSaysHowToGetIt() throws Exception {
        Path project = Files.createDirectories(dir.resolve("p"));
        Files.writeString(project.resolve("package.json"), "{\"scripts\": {\"test\": \"touch ran\"}}");
        var settings = new SandboxSettings(SandboxSettings.Mode.ALWAYS, ShippedSettings.sandboxLimits(), 1, dir.resolve("w"), 2);
        var sandbox = new BubblewrapSandbox(settings, StackPlans.builtIn(), dir.resolve("no/bwrap").toString());

        SandboxResult result = sandbox.run(new SandboxRequest(project, "node-express", ShippedSettings.sandboxLimits()), n -> { });

        assertEquals(Outcome.NOT_RUN, result.outcome());
        assertEquals("tests: not run (no sandbox available: bwrap not found; install bubblewrap (e.g. apt-get install"
                + " bubblewrap) and util-linux's setpriv, setsid and prlimit)", result.summary());
        assertEquals("npm test", result.command());
        assertFalse(Files.exists(project.resolve("ran")));
    }

    @Test
    void aStackWithoutAPlanIsNotRun() {
        var settings = new SandboxSettings(SandboxSettings.Mode.ALWAYS, ShippedSettings.sandboxLimits(), 1, dir.resolve("w"), 2);

        SandboxResult result = new BubblewrapSandbox(settings).run(new SandboxRequest(dir, "cobol-cics",
                ShippedSettings.sandboxLimits()), n -> { });

        assertEquals("tests: not run (no test plan for the stack 'cobol-cics')", result.summary());
    }
}
