package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import dev.aiwizard.core.sandbox.TestCounts;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.sandbox.StackPlan.ReportFormat;
import dev.aiwizard.sandbox.StackPlan.Step;
import dev.aiwizard.sandbox.testing.SandboxTesting;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real bubblewrap: hostile tests in small projects. The node projects run on the production node-express plan (no
 * dependencies, so its install step needs no registry); runaway processes run on a shell "stack" whose plan only
 * these tests know. Needs bwrap, prlimit (and setpriv as root), node and npm; fails without them, never skips.
 */
@SpawnsProcesses
class BubblewrapSandboxIT {
    private static final SandboxLimits SMALL = ShippedSettings.sandboxLimits().withTimeout(Duration.ofSeconds(60));
    private static final String PACKAGE = """
            {"name": "hostile", "version": "1.0.0", "private": true, "type": "module",
             "scripts": {"test": "node --test"}}
            """;

    @TempDir
    Path dir;

    @Test
    void aTestThatOpensANetworkConnectionFailsInsideWhileAnOrdinaryOnePasses() throws Exception {
        try (ServerSocket bots = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path project = SandboxTesting.write(dir.resolve("p"), Map.of("package.json", PACKAGE,
                    "test/net.test.js", """
                            import test from 'node:test';
                            import assert from 'node:assert';
                            import net from 'node:net';
                            const connect = (host, port) => new Promise((resolve, reject) => {
                              const s = net.connect({host, port, timeout: 5000}, () => { s.end(); resolve(); });
                              s.on('error', reject);
                              s.on('timeout', () => { s.destroy(); reject(new Error('timeout')); });
                            });
                            test('reaches a server on the bot machine', () => connect('127.0.0.1', %d));
                            test('reaches the public registry', () => connect('registry.npmjs.org', 443));
                            test('adds numbers', () => assert.equal(1 + 1, 2));
                            """.formatted(bots.getLocalPort())));

            SandboxResult result = sandbox().run(new SandboxRequest(project, "node-express", SMALL), note -> { });

            assertEquals(Outcome.FAILED, result.outcome(), result::toString);
            assertEquals(Optional.of(new TestCounts(3, 1, 2, 0)), result.tests(), result::output);
            assertEquals(List.of("reaches a server on the bot machine", "reaches the public registry"),
                    result.failingTests());
            assertEquals("tests: 1 passed, 2 failed", result.summary());
            bots.setSoTimeout(1);
            try (var accepted = bots.accept()) {
                throw new AssertionError("the sandbox reached a server on the host: " + accepted);
            } catch (SocketTimeoutException expected) {
                // Nothing came through.
            }
        }
    }

    @Test
    void aTestCannotWriteOutsideItsFolderButMayWriteInIt() throws Exception {
        Path original = dir.resolve("p");
        String marker = "escape-" + UUID.randomUUID() + ".txt";
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> outside = List.of(home.resolve(marker), Path.of("/etc", marker), Path.of("/usr", marker),
                Path.of("/tmp", marker), original.resolve(marker), SandboxTesting.workDir().resolve(marker));
        StringBuilder tests = new StringBuilder("""
                import test from 'node:test';
                import fs from 'node:fs';
                test('writes in its own folder', () => fs.writeFileSync('inside.txt', 'fine'));
                """);
        for (Path p : outside) {
            tests.append("test('writes %s', () => fs.writeFileSync('%s', 'escaped'));\n".formatted(p, p));
        }
        SandboxTesting.write(original, Map.of("package.json", PACKAGE, "test/write.test.js", tests.toString()));

        SandboxResult result = sandbox().run(new SandboxRequest(original, "node-express", SMALL), note -> { });

        for (Path p : outside) {
            assertFalse(Files.exists(p), () -> p + " was written from inside the sandbox");
        }
        assertFalse(Files.exists(original.resolve("inside.txt")), "the original project was changed, not a copy");
        // /tmp is the sandbox's own, so that write succeeds there; every other one fails.
        assertEquals(Optional.of(new TestCounts(7, 2, 5, 0)), result.tests(), result::output);
        assertEquals(Outcome.FAILED, result.outcome());
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeoutWithEveryProcessInside() throws Exception {
        String marker = "86400." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("run.sh",
                "sleep " + marker + " &\nsh -c 'sleep " + marker + "' &\nwhile :; do :; done\n"));
        SandboxLimits limits = SMALL.withTimeout(Duration.ofSeconds(3));

        SandboxResult result = shell(List.of("sh", "run.sh")).run(new SandboxRequest(project, "shell", limits),
                note -> { });

        assertEquals(Outcome.TIMED_OUT, result.outcome(), result::toString);
        assertEquals("tests: timed out (after 3 s, every process killed)", result.summary());
        assertTrue(result.duration().compareTo(Duration.ofSeconds(3)) >= 0, result.duration()::toString);
        assertEquals(List.of(), processesWith(marker), "processes outlived the sandbox");
    }

    @Test
    void aProcessOverItsCpuTimeIsKilled() {
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("run.sh", "while :; do :; done\n"));
        SandboxLimits limits = SMALL.withCpuTime(Duration.ofSeconds(1));

        SandboxResult result = shell(List.of("sh", "run.sh")).run(new SandboxRequest(project, "shell", limits),
                note -> { });

        assertEquals(Outcome.KILLED, result.outcome(), result::toString);
        assertEquals("CPU time limit of 1 s reached", result.reason());
        assertTrue(result.duration().compareTo(Duration.ofSeconds(30)) < 0, "stopped by CPU time, not the clock");
    }

    @Test
    void aProcessCannotTakeMoreMemoryThanTheLimit() {
        // Buffers live outside node's heap, so only the sandbox's RLIMIT_DATA can refuse the big one.
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("run.sh", """
                node -e 'Buffer.alloc(16 << 20, 1); console.log("16 MiB: fine")'
                node -e 'Buffer.alloc(600 << 20, 1); console.log("600 MiB: fine")'
                echo "600 MiB: exit $?"
                """));
        SandboxLimits limits = SMALL.withMemoryBytes(256L << 20);

        SandboxResult result = shell(List.of("sh", "run.sh")).run(new SandboxRequest(project, "shell", limits),
                note -> { });

        assertTrue(result.output().contains("16 MiB: fine"), result::output);
        assertFalse(result.output().contains("600 MiB: fine"), result::output);
        assertFalse(result.output().contains("600 MiB: exit 0"), result::output);
    }

    @Test
    void aForkBombIsHeldAtTheProcessLimitAndReported() {
        String marker = "bomb-" + UUID.randomUUID();
        // bash retries a fork that failed, so this bomb keeps pressing against the limit instead of collapsing.
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("run.sh", "bomb() { bomb | bomb & }\nbomb\nsleep 600\n"));
        SandboxLimits limits = SMALL.withTimeout(Duration.ofSeconds(5)).withMaxProcesses(32);
        long before = System.nanoTime();

        SandboxResult result = shell(List.of("bash", "run.sh", marker)).run(new SandboxRequest(project, "shell", limits),
                note -> { });

        assertEquals(Outcome.KILLED, result.outcome(), result::toString);
        assertTrue(result.reason().startsWith("process limit of 32 reached"), result.reason());
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(30).toNanos(), "the machine kept up");
        assertEquals(List.of(), processesWith(marker), "processes outlived the sandbox");
    }

    @Test
    void aSecretPrintedByATestIsMaskedInTheOutput() {
        String github = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        String aws = "AKIA" + "ABCDEFGHIJKLMNOP";
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("package.json", PACKAGE, "test/leak.test.js", """
                import test from 'node:test';
                test('prints what it found', () => { console.log('token %s key %s'); throw new Error('%s'); });
                test('is named %s', () => { throw new Error('no'); });
                """.formatted(github, aws, github, github)));

        SandboxResult result = sandbox().run(new SandboxRequest(project, "node-express", SMALL), note -> { });

        assertEquals(Outcome.FAILED, result.outcome(), result::toString);
        assertTrue(result.output().contains("[secret removed]"), result::output);
        assertFalse(result.output().contains(github), result::output);
        assertFalse(result.output().contains(aws), result::output);
        assertEquals(List.of("prints what it found", "is named [secret removed]"), result.failingTests());
        assertFalse(result.toString().contains(github), "a secret in another part of the result");
    }

    @Test
    void outputOverItsLimitStopsTheRun() {
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("run.sh", "yes 'a line of output'\n"));
        SandboxLimits limits = SMALL.withOutputBytes(64 * 1024);

        SandboxResult result = shell(List.of("sh", "run.sh")).run(new SandboxRequest(project, "shell", limits),
                note -> { });

        assertEquals(Outcome.KILLED, result.outcome(), result::toString);
        assertEquals("more than 64 KiB of output", result.reason());
        assertTrue(result.output().length() < 12_000, "the output kept is capped");
    }

    @Test
    void runsBeyondTheSlotsWaitInLineAndHearTheirPlace() throws Exception {
        Path project = SandboxTesting.write(dir.resolve("p"), Map.of("run.sh", "sleep 1\n"));
        BubblewrapSandbox one = shell(List.of("sh", "run.sh"));
        List<String> heard = new CopyOnWriteArrayList<>();
        Thread first = Thread.ofVirtual().start(() -> one.run(new SandboxRequest(project, "shell", SMALL), n -> { }));
        while (one.busy() == 0) {
            Thread.onSpinWait();
        }

        one.run(new SandboxRequest(project, "shell", SMALL), heard::add);
        first.join();

        assertEquals("waiting for a sandbox: 1st in line", heard.getFirst());
    }

    private static BubblewrapSandbox sandbox() {
        return new BubblewrapSandbox(SandboxTesting.settings(SMALL));
    }

    /** A stack of these tests only: nothing to fetch, then {@code command}; no test report. */
    private static BubblewrapSandbox shell(List<String> command) {
        StackPlan plan = new StackPlan("shell", new Step("true", List.of("true"), Map.of()),
                new Step(String.join(" ", command), command, Map.of()), ReportFormat.NODE_JUNIT);
        return new BubblewrapSandbox(SandboxTesting.settings(SMALL),
                (stack, project) -> Optional.of(plan).filter(p -> p.stack().equals(stack)), bwrap());
    }

    private static String bwrap() {
        return Files.isExecutable(Path.of("/usr/bin/bwrap")) ? "/usr/bin/bwrap" : "bwrap";
    }

    private static List<String> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(marker))
                .toList();
    }
}
