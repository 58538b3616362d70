package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iteration: after delivery, a change in the same thread becomes a new commit on the same branch. */
class RevisionIT {
    @TempDir
    Path data;

    @Test
    void aChangeAfterDeliveryIsCommittedOnTopOfTheSameBranch() throws Exception {
        Transcript.session(TestSettings.embedded(data), """
                new a todo service where people manage tasks with a title and a done flag
                skip
                generate
                """);
        String second = Transcript.session(TestSettings.embedded(data), """
                change add a due date to task
                generate
                """);
        assertTrue(second.contains("**Task**: title (text), done (boolean), dueDate (date)"), second);
        Matcher branch = Pattern.compile("on branch `(wizard/todo-service-[a-z0-9]+)`").matcher(second);
        assertTrue(branch.find(), second);

        try (Git git = Git.open(data.resolve("repos/todo-service.git").toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().add(git.getRepository().resolve("refs/heads/" + branch.group(1))).call().forEach(commits::add);
            assertEquals(2, commits.size(), "the revision is a second commit on the branch");
            assertTrue(commits.getFirst().getFullMessage().startsWith("Revise todo-service"),
                    commits.getFirst().getFullMessage());
            assertEquals(commits.get(1), commits.getFirst().getParent(0));
            String spec = read(git, commits.getFirst(), "docs/spec.md");
            assertTrue(spec.contains("dueDate (date)"), spec);
            assertEquals(null, git.getRepository().resolve("refs/heads/main"), "the default branch is never touched");
        }
    }

    private static String read(Git git, RevCommit commit, String path) throws Exception {
        try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
            ObjectId blob = walk.getObjectId(0);
            return new String(git.getRepository().open(blob).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
