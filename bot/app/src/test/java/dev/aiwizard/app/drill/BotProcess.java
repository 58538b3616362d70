package dev.aiwizard.app.drill;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot as a process of its own ({@code dev.aiwizard.app.Main} on this test's class path), as a replica runs in
 * production, so a drill can kill it with SIGKILL or stop it with SIGTERM. Its output goes to a file the drill
 * reads (the start-up banner names its port and replica).
 */
final class BotProcess implements AutoCloseable {
    private static final Pattern BANNER = Pattern.compile("AI Wizard is up on http://[^:]+:(\\d+) .*? — (replica-\\w+)");

    private final Process process;
    private final Path log;
    private final int port;
    private final String replica;

    private BotProcess(Process process, Path log, int port, String replica) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.replica = replica;
    }

    /** Starts a replica with {@code env} on top of a free port, no console and a data folder of its own. */
    static BotProcess start(String name, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wizard-drill-" + name);
        Path log = dir.resolve("bot.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m", "-cp",
                System.getProperty("java.class.path"), "dev.aiwizard.app.Main"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the drill says: nothing of the machine's own platform, GitHub or model settings.
        pb.environment().keySet().removeIf(k -> k.startsWith("WIZARD_") || k.startsWith("SLACK_")
                || k.startsWith("DISCORD_") || k.startsWith("GITHUB_"));
        // Generated projects are not run here: the drills prove durability, ValidatedPullRequestIT the sandbox.
        pb.environment().putAll(Map.of("WIZARD_PORT", "0", "WIZARD_HOST", "127.0.0.1", "WIZARD_CONSOLE", "false",
                "WIZARD_DATA_DIR", dir.resolve("data").toString(), "WIZARD_VALIDATE", "never"));
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = BANNER.matcher(out);
            if (m.find()) {
                return new BotProcess(p, log, Integer.parseInt(m.group(1)), m.group(2));
            }
            if (!p.isAlive()) {
                fail("replica " + name + " exited before it was up:\n" + out);
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        return fail("replica " + name + " was not up within 90 s:\n" + Files.readString(log));
    }

    int port() {
        return port;
    }

    /** The name this replica owns jobs and events under. */
    String replica() {
        return replica;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the replica dies at once, in the middle of whatever it does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Kubernetes stops a pod; returns the exit code once it exited (within {@code within}). */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the replica did not exit within " + within.toSeconds() + " s of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    /** What every thread of the replica is doing now (for a drill's failure message). */
    String threadDump() {
        try {
            String jcmd = ProcessHandle.current().info().command().map(c -> Path.of(c).resolveSibling("jcmd").toString())
                    .orElse("jcmd");
            // Virtual threads (every turn runs on one) are only in the full dump.
            Path file = log.resolveSibling("threads-" + System.nanoTime() + ".txt");
            Process p = new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.dump_to_file", "-format=text",
                    file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            return Files.exists(file) ? Files.readString(file) : out;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
