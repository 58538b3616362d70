package dev.aiwizard.generator.offline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.testing.ShippedSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputValidatorTest {
    private static final OutputValidator VALIDATOR = new OutputValidator(ShippedSettings.projectLimits());

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../outside", "src/../../x", "a//b", "./a", "a/", "", ".git/config",
            "sub/.git/hooks/pre-commit", ".GIT/config", ".github/workflows/ci.yml", "a\\b", "C:/x", "a b/c", "src/ä.java",
            ".github/CODEOWNERS", ".gitmodules"})
    void unsafePathsAreRefused(String path) {
        assertThrows(GenerationException.class, () -> VALIDATOR.checkPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", ".gitignore", "docs/api.md", "src/main/java/com/example/a/Main.java", ".github/ISSUE_TEMPLATE.md"})
    void ordinaryPathsPass(String path) {
        assertDoesNotThrow(() -> VALIDATOR.checkPath(path));
    }

    @Test
    void aFileTooLargeIsRefused() {
        GeneratedFile big = new GeneratedFile("big.txt", "x".repeat(ShippedSettings.projectLimits().maxFileBytes() + 1));

        assertThrows(GenerationException.class, () -> VALIDATOR.check(List.of(big)));
    }

    @Test
    void theSameFileTwiceIsRefused() {
        List<GeneratedFile> files = List.of(new GeneratedFile("README.md", "a"), new GeneratedFile("readme.md", "b"));

        assertThrows(GenerationException.class, () -> VALIDATOR.check(files));
    }

    @Test
    void somethingThatLooksLikeATokenIsRefusedNamingTheFile() {
        List<GeneratedFile> files = List.of(new GeneratedFile("README.md", "token ghp_" + "a".repeat(36)));

        GenerationException e = assertThrows(GenerationException.class, () -> VALIDATOR.check(files));
        assertTrue(e.getMessage().contains("README.md (line 1): looks like a GitHub token"), e.getMessage());
    }
}
