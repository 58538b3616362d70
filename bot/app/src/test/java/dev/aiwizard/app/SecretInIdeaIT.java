package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token pasted into the idea, an answer or a change never reaches the spec shown in chat, the log, a commit
 * message or a file; the person is told it was removed.
 */
class SecretInIdeaIT {
    private static final String TOKEN = "ghp_" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8";

    @TempDir
    Path data;

    @Test
    void aTokenInTheIdeaIsRemovedBeforeAnythingRepeatsItAndThePersonIsTold() throws Exception {
        String transcript = Transcript.session(TestSettings.embedded(data), """
                new a todo service where people manage tasks with a title, deploy with %s
                skip
                change add a field note to task, the note is %s
                generate
                """.formatted(TOKEN, TOKEN));

        assertEquals(2, transcript.lines().filter(l -> l.startsWith("wizard> I removed a GitHub token from your message"))
                .count(), "told for the idea and for the change:\n" + transcript);
        List<String> botLines = transcript.lines().filter(l -> !l.startsWith("you>")).toList();
        assertTrue(botLines.stream().noneMatch(l -> l.contains(TOKEN)), "the bot never repeats it:\n" + transcript);
        assertTrue(transcript.contains("Done:"), transcript);

        int commits = 0;
        try (Stream<Path> repos = Files.list(data.resolve("repos"))) {
            for (Path repo : repos.toList()) {
                commits += assertNoTokenIn(repo);
            }
        }
        assertTrue(commits >= 1, "the generation was committed\n" + transcript);
    }

    /** Every commit message and every file of every commit on every branch of {@code repo}; the commits read. */
    private static int assertNoTokenIn(Path repo) throws Exception {
        int commits = 0;
        try (Git git = Git.open(repo.toFile())) {
            var db = git.getRepository();
            for (Ref ref : db.getRefDatabase().getRefs()) {
                for (RevCommit c : git.log().add(ref.getObjectId()).call()) {
                    commits++;
                    assertFalse(c.getFullMessage().contains(TOKEN), "commit message of " + c.name());
                    try (TreeWalk walk = new TreeWalk(db)) {
                        walk.addTree(c.getTree());
                        walk.setRecursive(true);
                        while (walk.next()) {
                            assertFalse(walk.getPathString().contains(TOKEN), walk.getPathString());
                            String content = new String(db.open(walk.getObjectId(0)).getBytes(),
                                    StandardCharsets.UTF_8);
                            assertFalse(content.contains(TOKEN), walk.getPathString() + " in " + c.name());
                        }
                    }
                }
            }
        }
        return commits;
    }
}
