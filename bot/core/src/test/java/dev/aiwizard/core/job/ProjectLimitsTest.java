package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.testing.ShippedSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectLimitsTest {
    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../b", "a\\b", ".git/config", "src/.GIT/x", ".git./x",
        "git~1/x", "a//b", "a/./b", "a\u200b/b", ""})
    void unsafePathsAreRefused(String path) {
        assertTrue(ProjectLimits.pathProblem(path).isPresent(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/spec.md", "src/main/java/app/Main.java", ".gitignore"})
    void ordinaryProjectPathsPass(String path) {
        assertTrue(ProjectLimits.pathProblem(path).isEmpty(), path);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var limits = new ProjectLimits(2, 10, 15);
        var files = List.of(new GeneratedFile("a.txt", "12345678901"), new GeneratedFile("../b", "1"),
                new GeneratedFile("c.txt", "12345"));
        List<String> problems = limits.problems(files);
        assertEquals(4, problems.size(), problems.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {".github/workflows/ci.yml", ".GitHub/Workflows/x.yaml", ".github/actions/a/action.yml",
        "CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS", ".gitmodules"})
    void protectedPathsAreRefusedUnlessAllowed(String path) {
        var files = List.of(new GeneratedFile(path, "x"));
        List<String> problems = ShippedSettings.projectLimits().problems(files);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("WIZARD_ALLOW_PROTECTED_PATHS"), problems.getFirst());
        var all = new ProjectLimits(200, 1000, 10_000, java.util.Set.copyOf(ProjectLimits.PROTECTED), List.of());
        assertTrue(all.problems(files).isEmpty(), all.problems(files).toString());
    }

    @Test
    void credentialsAreFoundWithTheirLineButNeverRepeated() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        var files = List.of(new GeneratedFile("README.md", "# App\n\nexport GITHUB_TOKEN=" + token + "\n"),
                new GeneratedFile("key.pem", "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIB...\n"),
                new GeneratedFile("src/Config.java", "String key = \"AKIAABCDEFGHIJKLMNOP\";"));
        List<String> problems = ShippedSettings.projectLimits().problems(files);
        assertEquals(List.of("README.md (line 3): looks like a GitHub token", "key.pem (line 1): looks like a private key",
                "src/Config.java (line 1): looks like an AWS access key"), problems);
    }

    @Test
    void theBotsOwnSecretsAreFoundAndNeverPrinted() {
        var limits = new ProjectLimits(200, 1000, 10_000, java.util.Set.of(), List.of("db-password-123", "short"));
        var files = List.of(new GeneratedFile("docs/setup.md", "password: db-password-123"),
                new GeneratedFile("notes.txt", "a short note"));
        assertEquals(List.of("docs/setup.md (line 1): contains one of the bot's own configured secrets"),
                limits.problems(files), "secrets under 8 characters are not searched for");
        assertTrue(!limits.toString().contains("db-password-123"), limits.toString());
    }

    @Test
    void aSecretInAFilePathIsFoundWithoutRepeatingIt() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        List<String> problems = ShippedSettings.projectLimits().problems(List.of(
                new GeneratedFile("config/" + token + ".txt", "nothing here")));
        assertEquals(List.of("a file path: looks like a GitHub token"), problems);
    }
}
