package dev.aiwizard.sandbox.testing;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What sandbox tests share: one work dir per machine user under the system's temp dir (reachable by the sandbox's
 * unprivileged user, unlike a checkout under /root), so the Maven and npm caches are fetched once and stay warm.
 */
public final class SandboxTesting {
    private SandboxTesting() {
    }

    /** The shared work dir: caches survive between runs, scratch copies do not. */
    public static Path workDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "aiwizard-sandbox-tests-" + System.getProperty("user.name"));
    }

    /** Settings for tests: the shared work dir, one slot, {@code limits}. */
    public static SandboxSettings settings(SandboxLimits limits) {
        return new SandboxSettings(SandboxSettings.Mode.ALWAYS, limits, 1, workDir(), 2);
    }

    /** Limits for the real stacks' tests: the defaults with a five-minute timeout. */
    public static SandboxLimits realStacks() {
        return ShippedSettings.sandboxLimits().withTimeout(Duration.ofMinutes(5));
    }

    /** Writes {@code files} (path to content) under {@code root}. */
    public static Path write(Path root, Map<String, String> files) {
        try {
            for (var f : files.entrySet()) {
                Path target = root.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
