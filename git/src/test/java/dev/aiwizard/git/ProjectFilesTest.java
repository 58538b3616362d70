package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.request;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.git.testing.GitTestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir
    Path tmp;

    @Test
    void unsafePathsAreRefusedBeforeAnythingIsCreated() {
        GitSettings settings = GitTestSettings.local(tmp);
        GitPublisher publisher = new GitPublisher(settings);
        for (String path : List.of("../escape.txt", "/etc/passwd", "src\\Main.java", "a\0b", "a\nb", ".git/config",
                "src/.GIT/hooks/pre-commit", "a//b", "./a", "a/", "", "C:/x", ".git", "src/..", "git~1/config",
                ".git\u200c/config", "what?.md", "con.txt")) {
            PublishException e = assertThrows(PublishException.class, () -> publisher.publish(
                    request(ALICE, null, null, List.of(new GeneratedFile(path, "x")))), path);

            assertTrue(e.getMessage().startsWith("refusing unsafe file path '"), e.getMessage());
            assertFalse(e.getMessage().contains("\0") || e.getMessage().contains("\n"), "shown safely");
        }
        assertFalse(Files.exists(settings.reposDir()), "no repository for a refused delivery");
    }

    @Test
    void ordinaryProjectPathsAreFine() {
        for (String path : List.of("README.md", "src/main/java/dev/x/App.java", ".github/dependabot.yml",
                ".gitignore", "docs/spec.md", "a-b_c.d/e f.txt", "gitx/.gitkeep")) {
            assertNull(ProjectFiles.problem(path), path);
        }
    }

    @Test
    void filesThatWouldCollideOnACheckoutAreRefused() {
        assertThrows(PublishException.class, () -> ProjectFiles.of(
                List.of(new GeneratedFile("README.md", "a"), new GeneratedFile("readme.md", "b"))));
        assertThrows(PublishException.class, () -> ProjectFiles.of(
                List.of(new GeneratedFile("docs", "a"), new GeneratedFile("docs/spec.md", "b"))));
        assertThrows(PublishException.class, () -> ProjectFiles.of(
                List.of(new GeneratedFile("Docs/a.md", "a"), new GeneratedFile("docs", "b"))));
        assertThrows(PublishException.class, () -> ProjectFiles.of(List.of()));
    }
}
