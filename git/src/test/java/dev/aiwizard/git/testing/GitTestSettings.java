package dev.aiwizard.git.testing;

import dev.aiwizard.git.GitHubSettings;
import dev.aiwizard.git.GitSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Delivery settings for tests, with the values {@code application.yaml} ships written out (the main code has no copy
 * of them; the application binds them from the file).
 */
public final class GitTestSettings {
    private GitTestSettings() {
    }

    /** Bare repositories under {@code dataDir/repos}, scratch space under {@code dataDir/work}, target {@code local}. */
    public static GitSettings local(Path dataDir) {
        return new GitSettings(dataDir.resolve("repos"), GitSettings.LOCAL, "AI Wizard", "wizard@localhost",
                dataDir.resolve("work"));
    }

    /** github.com without access yet: draft pull requests labelled {@code ai-generated}, addressed as @ai-wizard. */
    public static GitHubSettings gitHub() {
        return new GitHubSettings(URI.create("https://api.github.com"), null, null, null, true,
                List.of("ai-generated"), List.of(), Duration.ofMinutes(10), "@ai-wizard",
                new GitHubSettings.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
    }
}
