package dev.aiwizard.app.config;

import dev.aiwizard.git.GitHubSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** GitHub access from the environment only (a token or an app); pull request defaults from {@code wizard.github}. */
final class GitHubBinding {
    private GitHubBinding() {
    }

    static GitHubSettings github(ConfigSection github, Map<String, String> env) {
        String key = env.getOrDefault("GITHUB_APP_PRIVATE_KEY", "").strip();
        if (!key.isEmpty() && !key.contains("-----BEGIN")) {
            // Not PEM text, so a path to the .pem file GitHub let the admin download.
            try {
                key = Files.readString(Path.of(key));
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("GITHUB_APP_PRIVATE_KEY is neither PEM text nor a readable file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return new GitHubSettings(URI.create(github.string("api-url")), env.get("GITHUB_TOKEN"),
                    env.get("GITHUB_APP_ID"), key, github.bool("draft"), github.list("labels"),
                    github.list("reviewers"), github.seconds("max-rate-limit-wait-seconds"), github.string("mention"),
                    new GitHubSettings.Timeouts(github.seconds("connect-timeout-seconds"),
                            github.seconds("request-timeout-seconds")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("GitHub settings (GITHUB_*): " + e.getMessage());
        }
    }
}
