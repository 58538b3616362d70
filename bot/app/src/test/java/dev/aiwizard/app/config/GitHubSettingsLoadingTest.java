package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.git.GitHubSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubSettingsLoadingTest {
    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";

    @TempDir
    Path tmp;

    @Test
    void withoutAnyGitHubVariableGitHubIsOffWithSensibleDefaults() {
        AppSettings s = SettingsLoader.load(Map.of());

        assertFalse(s.delivery().github().enabled());
        assertEquals(URI.create("https://api.github.com"), s.delivery().github().apiUrl());
        assertTrue(s.delivery().github().draft());
        assertEquals(List.of("ai-generated"), s.delivery().github().labels());
        assertEquals(List.of(), s.delivery().github().reviewers());
        assertEquals(Duration.ofMinutes(10), s.delivery().github().maxRateLimitWait());
        assertEquals("@ai-wizard", s.delivery().github().mention());
        assertEquals(new GitHubSettings.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)), s.delivery().github().timeouts());
        assertEquals("", s.delivery().webhookSecret());
    }

    @Test
    void gitHubCallTimeoutsComeFromTheEnvironment() {
        AppSettings s = SettingsLoader.load(Map.of("WIZARD_GITHUB_CONNECT_TIMEOUT_SECONDS", "3",
                "WIZARD_GITHUB_REQUEST_TIMEOUT_SECONDS", "45"));

        assertEquals(new GitHubSettings.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(45)), s.delivery().github().timeouts());
    }

    @Test
    void aTokenAnEnterpriseUrlAndPullRequestDefaultsComeFromTheEnvironment() {
        AppSettings s = SettingsLoader.load(Map.of("GITHUB_TOKEN", "ghp_abc", "GITHUB_API_URL",
                "https://github.example.com/api/v3", "WIZARD_GITHUB_DRAFT", "false", "WIZARD_GITHUB_LABELS",
                "ai-generated, bot", "WIZARD_GITHUB_REVIEWERS", "@alice,bob", "GITHUB_WEBHOOK_SECRET", "s3cret"));

        assertTrue(s.delivery().github().enabled());
        assertFalse(s.delivery().github().usesApp());
        assertEquals(URI.create("https://github.example.com/api/v3"), s.delivery().github().apiUrl());
        assertFalse(s.delivery().github().draft());
        assertEquals(List.of("ai-generated", "bot"), s.delivery().github().labels());
        assertEquals(List.of("alice", "bob"), s.delivery().github().reviewers());
        assertEquals("s3cret", s.delivery().webhookSecret());
        assertFalse(s.toString().contains("ghp_abc"), s.toString());
        assertFalse(s.toString().contains("s3cret"), s.toString());
    }

    @Test
    void anAppKeyIsReadAsPemTextOrFromTheFileItNames() throws Exception {
        Path key = tmp.resolve("app.pem");
        Files.writeString(key, PEM);

        AppSettings fromText = SettingsLoader.load(Map.of("GITHUB_APP_ID", "123", "GITHUB_APP_PRIVATE_KEY", PEM));
        AppSettings fromFile = SettingsLoader.load(Map.of("GITHUB_APP_ID", "123", "GITHUB_APP_PRIVATE_KEY",
                key.toString()));

        assertTrue(fromText.delivery().github().usesApp());
        assertEquals(PEM.strip(), fromText.delivery().github().appPrivateKey());
        assertEquals(PEM.strip(), fromFile.delivery().github().appPrivateKey());
        assertFalse(fromFile.delivery().github().toString().contains("BEGIN"), "the key is never shown");
    }

    @Test
    void badGitHubSettingsStopStartUpNamingWhatIsWrong() {
        assertMessage("configure either a token or a GitHub App", Map.of("GITHUB_TOKEN", "t", "GITHUB_APP_ID", "1",
                "GITHUB_APP_PRIVATE_KEY", PEM));
        assertMessage("needs both its id and its private key", Map.of("GITHUB_APP_ID", "1"));
        assertMessage("must be a number", Map.of("GITHUB_APP_ID", "my-app", "GITHUB_APP_PRIVATE_KEY", PEM));
        assertMessage("neither PEM text nor a readable file", Map.of("GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY",
                tmp.resolve("missing.pem").toString()));
        assertMessage("without credentials", Map.of("GITHUB_API_URL", "https://user:pw@github.example.com/api/v3"));
        assertMessage("not a GitHub user name", Map.of("WIZARD_GITHUB_REVIEWERS", "alice smith"));
        assertMessage("WIZARD_GITHUB_DRAFT", Map.of("WIZARD_GITHUB_DRAFT", "maybe"));
    }

    @Test
    void theGitHubTokenAndWebhookSecretAreSecretsGeneratedFilesAreCheckedFor() {
        AppSettings s = SettingsLoader.load(Map.of("GITHUB_TOKEN", "ghp_abcdef0123456789", "GITHUB_WEBHOOK_SECRET",
                "hook-secret-value"));

        assertTrue(s.engine().jobs().limits().knownSecrets().contains("ghp_abcdef0123456789"));
        assertTrue(s.engine().jobs().limits().knownSecrets().contains("hook-secret-value"));
    }

    private static void assertMessage(String part, Map<String, String> env) {
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsLoader.load(env));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
