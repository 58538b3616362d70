package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.BOB;
import static dev.aiwizard.git.Deliveries.FILES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.core.spec.Placement;
import dev.aiwizard.git.testing.GitTestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a project lands in a repository that already has content, and what revisions may touch there. */
class PlacementTest {
    @TempDir
    Path tmp;
    private GitPublisher publisher;
    private Path remote;

    @BeforeEach
    void setUp() throws Exception {
        publisher = new GitPublisher(GitTestSettings.local(tmp.resolve("data")).withAllowedTargets(List.of("*")));
        remote = Repos.bareWithHistory(tmp.resolve("team.git"), tmp.resolve("seed"));
    }

    @Test
    void aFolderAskedForWithPathHoldsTheProject() throws Exception {
        PublishResult r = publisher.publish(placed(ALICE, null, new Placement(null, "services/todo"), FILES));

        Map<String, String> files = Repos.files(remote, r.commitId());
        assertEquals("# existing project\n", files.get("README.md"), "the repository's own README is untouched");
        assertEquals("# todo-app\n", files.get("services/todo/README.md"));
        assertEquals(List.of("services/todo"), Repos.commit(remote, r.commitId()).getFooterLines("Wizard-Path"));
    }

    @Test
    void aBaseBranchAskedForWithBranchIsWhereTheWorkStarts() throws Exception {
        Repos.createBranch(remote, "develop", "main");
        Repos.pushAsPerson(remote.toString(), "develop", tmp.resolve("clone"), "DEVELOP.md", "only on develop\n");
        ObjectId develop = Repos.tip(remote, "develop");

        PublishResult r = publisher.publish(placed(ALICE, null, new Placement("develop", null), FILES));

        assertEquals(develop, Repos.commit(remote, r.commitId()).getParent(0).getId());
        assertEquals("only on develop\n", Repos.files(remote, r.commitId()).get("DEVELOP.md"));
        PublishException e = assertThrows(PublishException.class,
                () -> publisher.publish(placed(BOB, null, new Placement("release", null), FILES)));
        assertTrue(e.getMessage().contains("there is no branch release"), e.getMessage());
    }

    @Test
    void anExistingFileOrProjectFolderIsNeverOverwrittenByANewProject() throws Exception {
        Repos.pushAsPerson(remote.toString(), "main", tmp.resolve("clone1"), "services/todo/README.md", "theirs\n");
        Repos.pushAsPerson(remote.toString(), "main", tmp.resolve("clone2"), "todo-app/x.txt", "theirs\n");
        ObjectId main = Repos.tip(remote, "main");

        PublishException file = assertThrows(PublishException.class, () -> publisher.publish(placed(ALICE, null,
                new Placement(null, "services/todo"), FILES)));
        PublishException folder = assertThrows(PublishException.class, () -> publisher.publish(placed(BOB, null,
                Placement.DEFAULT, FILES)));

        assertTrue(file.getMessage().contains("already has services/todo/README.md"), file.getMessage());
        assertTrue(folder.getMessage().contains("already has a todo-app folder"), folder.getMessage());
        assertEquals(List.of("main"), Repos.branches(remote), "nothing was pushed");
        assertEquals(main, Repos.tip(remote, "main"));
    }

    @Test
    void aRevisionChangesOnlyTheBotsFilesAndRefusesToOverwriteSomeoneElses() throws Exception {
        PublishResult first = publisher.publish(placed(ALICE, null, Placement.DEFAULT, FILES));
        Repos.pushAsPerson(remote.toString(), first.branch(), tmp.resolve("clone"), "todo-app/NOTES.md", "mine\n");

        PublishResult revised = publisher.publish(placed(ALICE, first.branch(), Placement.DEFAULT, List.of(
                new GeneratedFile("README.md", "# todo-app v2\n"))));
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(placed(ALICE,
                first.branch(), Placement.DEFAULT, List.of(new GeneratedFile("NOTES.md", "bot notes\n")))));

        Map<String, String> files = Repos.files(remote, revised.commitId());
        assertEquals(Map.of("README.md", "# existing project\n", "todo-app/README.md", "# todo-app v2\n",
                "todo-app/NOTES.md", "mine\n"), files, "the revision keeps to todo-app/ and keeps their file");
        assertTrue(e.getMessage().contains("someone else added"), e.getMessage());
        assertEquals(ObjectId.fromString(revised.commitId()), Repos.tip(remote, first.branch()));
    }

    @Test
    void thePersonWhoAskedIsCreditedAsCoAuthorWhenKnown() throws Exception {
        PublishRequest base = placed(ALICE, null, Placement.DEFAULT, FILES);
        PublishResult r = publisher.publish(new PublishRequest(base.conversationId(), base.spec(), null, FILES,
                base.commitMessage(), "Ada Person <ada@example.org>", "", null));

        var commit = Repos.commit(remote, r.commitId());
        assertEquals("AI Wizard", commit.getAuthorIdent().getName(), "the bot is the author");
        assertEquals(List.of("Ada Person <ada@example.org>"), commit.getFooterLines("Co-authored-by"));
    }

    private PublishRequest placed(dev.aiwizard.core.conversation.ConversationId id, String branch, Placement where,
                                  List<GeneratedFile> files) {
        PublishRequest r = Deliveries.request(id, remote.toString(), branch, files);
        return new PublishRequest(id, r.spec().withPlacement(where), branch, files, r.commitMessage());
    }
}
