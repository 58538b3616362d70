package dev.aiwizard.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.testing.SpawnsProcesses;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's hidden training run ({@code bot/app/bench/train-startup-cache}, called by {@code ./wizard} after each
 * build) started with the operator's secrets in its environment, against a fake JDK whose {@code java} writes down
 * the environment and arguments it was given: none of the secrets may reach it.
 */
@SpawnsProcesses
class StartupCacheTrainingIT {
    private static final Path SCRIPT = Path.of("bench", "train-startup-cache");
    private static final Path LAUNCHER = Path.of("..", "..", "wizard");
    /** What the training run may see; a shell running the fake java adds the last three itself. */
    private static final Set<String> ALLOWED = Set.of("PATH", "HOME", "JAVA_HOME", "LANG", "WIZARD_DATA_DIR",
            "PWD", "SHLVL", "_");
    private static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("SLACK_BOT_TOKEN", "xoxb-real-bot-token"),
            Map.entry("SLACK_SIGNING_SECRET", "real-signing-secret"),
            Map.entry("SLACK_APP_TOKEN", "xapp-real-app-token"),
            Map.entry("DISCORD_BOT_TOKEN", "real-discord-token"),
            Map.entry("GITHUB_TOKEN", "ghp_realtoken"),
            Map.entry("GITHUB_APP_PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----real"),
            Map.entry("GITHUB_WEBHOOK_SECRET", "real-webhook-secret"),
            Map.entry("WIZARD_LLM_API_KEY", "real-llm-key"),
            Map.entry("OPENAI_API_KEY", "sk-real-openai"),
            Map.entry("ANTHROPIC_API_KEY", "sk-ant-real"),
            Map.entry("WIZARD_DB_URL", "jdbc:postgresql://db.internal:5432/wizard"),
            Map.entry("WIZARD_DB_PASSWORD", "real-db-password"),
            Map.entry("WIZARD_REDIS_URL", "redis://:real-redis-password@redis.internal:6379"),
            Map.entry("WIZARD_TARGET", "acme/production-app"),
            Map.entry("WIZARD_API_TOKEN", "real-api-token"),
            Map.entry("JAVA_TOOL_OPTIONS", "-javaagent:/opt/agent-with-credentials.jar"));

    @TempDir
    Path tmp;

    /** A JDK whose {@code java} records its environment, arguments and working directory, then exits {@code code}. */
    private Path fakeJdk(int code) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "env > '" + tmp.resolve("env") + "'\n"
                + "printf '%s\\n' \"$@\" > '" + tmp.resolve("args") + "'\n"
                + "ls -A \"$WIZARD_DATA_DIR\" > '" + tmp.resolve("data-dir-contents") + "'\n"
                + "echo \"$WIZARD_DATA_DIR\" > '" + tmp.resolve("data-dir") + "'\n"
                + "touch '" + tmp.resolve("wizard.aot") + "'\n"
                + "exit " + code + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve("jdk");
    }

    private int train(Path jdk) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), tmp.resolve("wizard.jar").toString(),
                tmp.resolve("wizard.aot").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(SECRETS);
        pb.environment().put("JAVA_HOME", jdk.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return p.exitValue();
    }

    private Map<String, String> seenEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(tmp.resolve("env"), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    @Test
    void theTrainingRunSeesNoneOfTheOperatorsSecretsAndOnlyWhatAJvmNeeds() throws Exception {
        Path jdk = fakeJdk(0);

        assertEquals(0, train(jdk), Files.readString(tmp.resolve("out")));

        Map<String, String> seen = seenEnvironment();
        String dump = Files.readString(tmp.resolve("env"));
        for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
            assertFalse(seen.containsKey(secret.getKey()), secret.getKey() + " reached the training run");
            assertFalse(dump.contains(secret.getValue()), "the value of " + secret.getKey() + " reached it");
        }
        assertTrue(ALLOWED.containsAll(seen.keySet()), "only what a JVM needs: " + seen.keySet());
        assertEquals(jdk.toString(), seen.get("JAVA_HOME"));
        assertTrue(seen.get("PATH").startsWith(jdk.resolve("bin") + ":"), seen.get("PATH"));
        assertNotEquals(System.getenv("HOME"), seen.get("HOME"), "an empty HOME, not the operator's");
    }

    @Test
    void theTrainingRunGetsAnEmptyScratchDataDirectoryThatIsRemovedAfterwards() throws Exception {
        assertEquals(0, train(fakeJdk(0)));

        Path dataDir = Path.of(Files.readString(tmp.resolve("data-dir")).strip());
        assertEquals("", Files.readString(tmp.resolve("data-dir-contents")), "empty when the run started");
        assertFalse(Files.exists(dataDir), "removed afterwards: " + dataDir);
        assertEquals(List.of("-XX:AOTCacheOutput=" + tmp.resolve("wizard.aot"), "-Xlog:aot=off", "-Xlog:cds=off",
                "-cp", tmp.resolve("wizard.jar").toString(), "dev.aiwizard.app.bench.TurnBenchmark", "60"),
                Files.readAllLines(tmp.resolve("args")));
    }

    @Test
    void aFailedTrainingRunLeavesNoCacheBehind() throws Exception {
        assertEquals(1, train(fakeJdk(3)));
        assertFalse(Files.exists(tmp.resolve("wizard.aot")), "a half-written cache would be used by the next start");
    }

    @Test
    void theLauncherTrainsOnlyThroughThisScript() throws Exception {
        String launcher = Files.readString(LAUNCHER);
        assertTrue(launcher.contains("bot/app/bench/train-startup-cache\" \"$JAR\" \"$AOT\""), "train() calls it");
        assertFalse(launcher.contains("-XX:AOTCacheOutput") || launcher.contains("TurnBenchmark"),
                "no training command of its own that could drift from the script");
    }
}
