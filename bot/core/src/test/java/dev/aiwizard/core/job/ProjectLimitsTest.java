package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
