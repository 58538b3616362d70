package dev.aiwizard.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtectedPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {".github/workflows", ".github", "a/../.github", ".git", ".gitmodules", ".gitattributes",
        ".GitHub", ".GITHUB/Workflows", ".github\\workflows", "/.github", "./.github/workflows", ".github/",
        "services/../.github/actions", ".github.", ".github /x", "src/.git", "a/.Git/hooks", "git~1",
        "tools/.gitattributes", "CODEOWNERS", "docs/CODEOWNERS", ".g\u200Cithub"})
    void aProtectedFolderIsRefusedHoweverItIsWritten(String folder) {
        Optional<String> problem = ProtectedPaths.folderProblem(folder);

        assertTrue(problem.isPresent(), folder);
        assertTrue(problem.get().contains("protected location"), problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "services/../../.github"})
    void aFolderOutsideTheRepositoryIsRefused(String folder) {
        assertEquals(Optional.of("`" + folder + "` points outside the repository"),
                ProtectedPaths.folderProblem(folder));
    }

    @ParameterizedTest
    @ValueSource(strings = {"services/todo", "apps/github", "github", "docs", ".config", "tools/.githooks-docs",
        "services/.github-notes"})
    void anOrdinaryFolderPasses(String folder) {
        assertEquals(Optional.empty(), ProtectedPaths.folderProblem(folder), folder);
    }

    @ParameterizedTest
    @CsvSource({
        ".github/workflows/ci.yml, .github/workflows/",
        ".GitHub/Workflows/x.yaml, .github/workflows/",
        "./.github/actions/a/action.yml, .github/actions/",
        "a/../.github/workflows/ci.yml, .github/workflows/",
        ".github\\workflows\\ci.yml, .github/workflows/",
        "CODEOWNERS, codeowners",
        ".github/CODEOWNERS, .github/codeowners",
        "docs/CODEOWNERS, docs/codeowners",
        ".gitmodules, .gitmodules",
        ".gitattributes, .gitattributes"})
    void aProtectedFileIsRefusedUnlessAnAdminAllowsItsLocation(String path, String allowance) {
        Optional<String> problem = ProtectedPaths.fileProblem(path, Set.of());

        assertTrue(problem.isPresent(), path);
        assertTrue(problem.get().contains("WIZARD_ALLOW_PROTECTED_PATHS"), problem.get());
        assertEquals(Optional.empty(), ProtectedPaths.fileProblem(path, Set.of(allowance)), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {".git/config", "src/.git/x", "a/.gitattributes", ".git./hooks/pre-commit", "../README.md",
        ".github/workflows/../../.git/config"})
    void gitMetadataNestedControlFilesAndPathsOutsideTheRepositoryAreNeverAllowed(String path) {
        assertTrue(ProtectedPaths.fileProblem(path, Set.copyOf(ProtectedPaths.ALLOWABLE)).isPresent(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", ".gitignore", "todo/.github/workflows/ci.yml", "services/todo/pom.xml",
        "docs/spec.md", "src/github/Client.java", ".github/dependabot.yml", ".github/ISSUE_TEMPLATE.md"})
    void anOrdinaryFilePasses(String path) {
        assertEquals(Optional.empty(), ProtectedPaths.fileProblem(path, Set.of()), path);
    }

    @ParameterizedTest
    @CsvSource({"./a/b, a/b", "/a//b/, a/b", "a\\b, a/b", "a/./b/../c, a/c", "., ''", "'', ''"})
    void pathsAreNormalisedBeforeTheyAreJudged(String raw, String normal) {
        assertEquals(Optional.of(normal), ProtectedPaths.normalise(raw));
    }
}
