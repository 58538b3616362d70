package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.BOB;
import static dev.aiwizard.git.Deliveries.FILES;
import static dev.aiwizard.git.Deliveries.first;
import static dev.aiwizard.git.Deliveries.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.git.testing.GitTestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitPublisherTest {
    @TempDir
    Path tmp;
    private GitSettings settings;
    private GitPublisher publisher;
    private Path localRepo;

    @BeforeEach
    void setUp() {
        settings = GitTestSettings.local(tmp.resolve("data")).withAllowedTargets(List.of("*"));
        publisher = new GitPublisher(settings);
        localRepo = settings.reposDir().resolve("todo-app.git");
    }

    @Test
    void firstDeliveryCreatesTheBareRepositoryWithOneBranchHoldingExactlyTheFiles() throws Exception {
        PublishResult r = publisher.publish(first(ALICE));

        assertEquals("wizard/todo-app-alice001", r.branch());
        assertEquals(localRepo.toString(), r.location());
        assertEquals(40, r.commitId().length());
        assertEquals(List.of("wizard/todo-app-alice001"), Repos.branches(localRepo), "the default branch stays unborn");
        assertEquals(Map.of("README.md", "# todo-app\n", "src/main/java/App.java", "class App {}\n",
                "docs/spec.md", "# spec\n"), Repos.files(localRepo, r.commitId()));
        RevCommit c = Repos.commit(localRepo, r.commitId());
        assertEquals(0, c.getParentCount(), "an empty repository gets a root commit");
        assertEquals("AI Wizard", c.getAuthorIdent().getName());
        assertEquals("wizard@localhost", c.getCommitterIdent().getEmailAddress());
        assertTrue(c.getFullMessage().startsWith("Generate todo-app\n\nTrack todos.\n\n"), c.getFullMessage());
        assertEquals(List.of(ALICE.value()), c.getFooterLines("Wizard-Conversation"));
        assertEquals(List.of("."), c.getFooterLines("Wizard-Path"), "an empty repository gets the project at its root");
        assertEquals(List.of(), c.getFooterLines("Co-authored-by"), "nobody is credited whose address is unknown");
        Deliveries.assertNoScratchLeft(settings);
    }

    @Test
    void aRepositoryWithHistoryKeepsItsDefaultBranchAndTheNewBranchGrowsFromIt() throws Exception {
        Path remote = Repos.bareWithHistory(tmp.resolve("existing.git"), tmp.resolve("seed"));
        ObjectId mainBefore = Repos.tip(remote, "main");

        PublishResult r = publisher.publish(request(ALICE, remote.toString(), null, FILES));

        assertEquals(mainBefore, Repos.tip(remote, "main"));
        assertEquals(mainBefore, Repos.commit(remote, r.commitId()).getParent(0).getId());
        assertEquals(List.of("main", "wizard/todo-app-alice001"), Repos.branches(remote));
        Map<String, String> files = Repos.files(remote, r.commitId());
        Map<String, String> seed = Repos.files(remote, mainBefore.name());
        assertEquals(seed.size() + 3, files.size(), "what main had, and the project beside it");
        seed.forEach((path, content) -> assertEquals(content, files.get(path), path));
        assertEquals("class App {}\n", files.get("todo-app/src/main/java/App.java"), "in the project's own folder");
        assertEquals(remote.toString(), r.location());
    }

    @Test
    void aSecondConversationWithTheSameNameGetsABranchOfItsOwn() throws Exception {
        PublishResult alices = publisher.publish(first(ALICE));

        PublishResult bobs = publisher.publish(request(BOB, null, null, List.of(new GeneratedFile("b.txt", "b"))));

        assertEquals("wizard/todo-app-bob00002", bobs.branch());
        assertEquals(ObjectId.fromString(alices.commitId()), Repos.tip(localRepo, "wizard/todo-app-alice001"));
        assertEquals(Map.of("b.txt", "b"), Repos.files(localRepo, bobs.commitId()));
        assertEquals(0, Repos.commit(localRepo, bobs.commitId()).getParentCount(), "not built on alice's branch");
    }

    @Test
    void aRevisionAddsACommitOnTheSameBranchAndDropsFilesThatAreGone() throws Exception {
        PublishResult first = publisher.publish(first(ALICE));
        List<GeneratedFile> revised = List.of(new GeneratedFile("README.md", "# todo-app v2\n"),
                new GeneratedFile("src/main/java/Todo.java", "record Todo() {}\n"));

        PublishResult second = publisher.publish(request(ALICE, null, first.branch(), revised));

        assertEquals(first.branch(), second.branch());
        assertEquals(first.commitId(), Repos.commit(localRepo, second.commitId()).getParent(0).getName());
        assertEquals(Map.of("README.md", "# todo-app v2\n", "src/main/java/Todo.java", "record Todo() {}\n"),
                Repos.files(localRepo, second.commitId()));
        assertEquals(List.of("wizard/todo-app-alice001"), Repos.branches(localRepo));
    }

    @Test
    void deliveringTheSameFilesAgainMakesNoNewCommit() throws Exception {
        PublishResult first = publisher.publish(first(ALICE));

        PublishResult retriedFirst = publisher.publish(first(ALICE));
        PublishResult retriedRevision = publisher.publish(request(ALICE, null, first.branch(), FILES));

        assertEquals(first, retriedFirst, "a retried first delivery finds its own branch again");
        assertEquals(first, retriedRevision);
        assertEquals(ObjectId.fromString(first.commitId()), Repos.tip(localRepo, first.branch()));
    }

    @Test
    void anEmptyRemoteGetsItsFirstCommitOnTheBotsBranchWhileItsDefaultBranchStaysUnborn() throws Exception {
        Path remote = Repos.emptyBare(tmp.resolve("team.git"));

        PublishResult r = publisher.publish(request(ALICE, remote.toString(), null, FILES));

        assertEquals(List.of(r.branch()), Repos.branches(remote), "no initial commit on main, no other branch");
        assertEquals(null, Repos.tip(remote, "main"));
        assertEquals(0, Repos.commit(remote, r.commitId()).getParentCount(), "the bot's branch holds the first commit");
        assertEquals(3, Repos.files(remote, r.commitId()).size());
    }

    @Test
    void aProtectedFileIsRefusedOnItsFinalPathUnlessAnAdminAllowedItsLocation() throws Exception {
        Path remote = Repos.emptyBare(tmp.resolve("team.git"));
        List<GeneratedFile> withCi = List.of(new GeneratedFile("README.md", "# todo-app\n"),
                new GeneratedFile(".github/workflows/ci.yml", "on: push\n"));

        PublishException e = assertThrows(PublishException.class,
                () -> publisher.publish(request(ALICE, remote.toString(), null, withCi)));
        assertTrue(e.getMessage().startsWith("refusing to commit .github/workflows/ci.yml: inside .github/workflows"),
                e.getMessage());
        assertTrue(e.getMessage().contains("WIZARD_ALLOW_PROTECTED_PATHS"), e.getMessage());
        assertEquals(List.of(), Repos.branches(remote), "nothing was pushed");

        GitPublisher allowing = new GitPublisher(settings.withAllowedProtected(java.util.Set.of(".github/workflows/")));
        PublishResult r = allowing.publish(request(ALICE, remote.toString(), null, withCi));
        assertEquals("on: push\n", Repos.files(remote, r.commitId()).get(".github/workflows/ci.yml"));
    }

    @Test
    void aRevisionAfterSomeoneElsePushedToTheBranchGoesOnTopOfTheirCommit() throws Exception {
        Path remote = Repos.emptyBare(tmp.resolve("team.git"));
        PublishResult first = publisher.publish(request(ALICE, remote.toString(), null, FILES));
        ObjectId theirs = Repos.pushAsPerson(remote.toString(), first.branch(), tmp.resolve("clone"), "NOTES.md",
                "reviewer notes\n");

        PublishResult revised = publisher.publish(request(ALICE, remote.toString(), first.branch(), List.of(
                new GeneratedFile("README.md", "# todo-app v2\n"), new GeneratedFile("docs/spec.md", "# spec\n"))));

        assertEquals(theirs, Repos.commit(remote, revised.commitId()).getParent(0).getId(), "their commit stays");
        assertEquals(Map.of("README.md", "# todo-app v2\n", "docs/spec.md", "# spec\n", "NOTES.md", "reviewer notes\n"),
                Repos.files(remote, revised.commitId()), "the bot's dropped file goes, their file stays");
    }

    @Test
    void aBranchSomeoneElseMadeIsNeverTakenOver() throws Exception {
        Path remote = Repos.bareWithHistory(tmp.resolve("team.git"), tmp.resolve("seed"));
        Repos.pushAsPerson(remote.toString(), "main", tmp.resolve("clone"), "x.txt", "x");
        Repos.createBranch(remote, "wizard/todo-app", "main");
        ObjectId theirs = Repos.tip(remote, "wizard/todo-app");

        PublishException e = assertThrows(PublishException.class,
                () -> publisher.publish(request(ALICE, remote.toString(), "wizard/todo-app", FILES)));
        PublishResult fresh = publisher.publish(request(ALICE, remote.toString(), null, FILES));

        assertTrue(e.getMessage().contains("does not take over a branch someone else made"), e.getMessage());
        assertEquals(theirs, Repos.tip(remote, "wizard/todo-app"));
        assertEquals("wizard/todo-app-alice001", fresh.branch());
    }

    @Test
    void aBranchOutsideTheBotsOwnNamesIsRefused() throws Exception {
        Path remote = Repos.bareWithHistory(tmp.resolve("team.git"), tmp.resolve("seed"));
        ObjectId main = Repos.tip(remote, "main");

        for (String branch : List.of("main", "feature/x", "wizard/../main", "wizard/Todo", "wizard/a.lock", "")) {
            PublishException e = assertThrows(PublishException.class,
                    () -> publisher.publish(request(ALICE, remote.toString(), branch, FILES)), branch);
            assertTrue(e.getMessage().startsWith("refusing to publish to branch"), e.getMessage());
        }
        assertEquals(main, Repos.tip(remote, "main"));
        assertEquals(List.of("main"), Repos.branches(remote));
    }

    @Test
    void generatedScriptsAreCommittedExecutable() throws Exception {
        PublishResult r = publisher.publish(request(ALICE, null, null, List.of(
                new GeneratedFile("mvnw", "#!/bin/sh\necho hi\n"), new GeneratedFile("README.md", "# hi\n"))));

        assertEquals(List.of("mvnw"), Repos.executables(localRepo, r.commitId()));
    }
}
