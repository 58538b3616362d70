package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.BOB;
import static dev.aiwizard.git.Deliveries.FILES;
import static dev.aiwizard.git.Deliveries.first;
import static dev.aiwizard.git.Deliveries.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.git.testing.GitTestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushRaceTest {
    private static final List<GeneratedFile> REVISED = List.of(new GeneratedFile("README.md", "v2\n"));

    @TempDir
    Path tmp;
    private GitSettings settings;
    private Path remote;
    private PublishResult delivered;

    @BeforeEach
    void setUp() throws Exception {
        settings = GitTestSettings.local(tmp.resolve("data")).withAllowedTargets(List.of("*"));
        remote = Repos.emptyBare(tmp.resolve("team.git"));
        delivered = new GitPublisher(settings).publish(request(ALICE, remote.toString(), null, FILES));
    }

    @Test
    void aBranchThatMovesDuringThePushIsNotOverwrittenAndTheRevisionBuildsOnItsNewTip() throws Exception {
        List<ObjectId> theirs = new ArrayList<>();
        GitPublisher racing = new GitPublisher(settings, branch -> {
            if (theirs.isEmpty()) {
                theirs.add(pushAsPerson(branch, "moved"));
            }
        });

        PublishResult revised = racing.publish(request(ALICE, remote.toString(), delivered.branch(), REVISED));

        assertEquals(theirs.getFirst(), Repos.commit(remote, revised.commitId()).getParent(0).getId());
        assertEquals(ObjectId.fromString(revised.commitId()), Repos.tip(remote, delivered.branch()));
    }

    @Test
    void aBranchThatKeepsMovingFailsWithoutLosingAnything() throws Exception {
        List<ObjectId> theirs = new ArrayList<>();
        GitPublisher racing = new GitPublisher(settings,
                branch -> theirs.add(pushAsPerson(branch, "moved " + theirs.size())));

        PublishException e = assertThrows(PublishException.class,
                () -> racing.publish(request(ALICE, remote.toString(), delivered.branch(), REVISED)));

        assertTrue(e.getMessage().contains("kept changing"), e.getMessage());
        assertEquals(Delivery.ATTEMPTS, theirs.size());
        assertEquals(theirs.getLast(), Repos.tip(remote, delivered.branch()));
        Deliveries.assertNoScratchLeft(settings);
    }

    @Test
    void aPushTheRemoteRejectsIsReportedInPlainWords() throws Exception {
        Path other = Repos.bareWithHistory(tmp.resolve("other.git"), tmp.resolve("seed"));
        // A branch called just "wizard" leaves no room for wizard/<name>, so the remote must refuse the push.
        Repos.createBranch(other, "wizard", "main");

        PublishException e = assertThrows(PublishException.class, () -> new GitPublisher(settings)
                .publish(request(ALICE, other.toString(), null, FILES)));

        assertTrue(e.getMessage().startsWith("the remote at " + other + " rejected the push of wizard/todo-app"),
                e.getMessage());
        assertEquals(List.of("main", "wizard"), Repos.branches(other));
    }

    @Test
    void twoConversationsWithTheSameNameCanPublishToAFreshRepositoryAtOnce() throws Exception {
        GitPublisher publisher = new GitPublisher(settings);
        CountDownLatch start = new CountDownLatch(1);
        List<PublishResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PublishResult>> running = new ArrayList<>();
            for (var id : List.of(ALICE, BOB)) {
                running.add(pool.submit(() -> {
                    start.await();
                    return publisher.publish(first(id));
                }));
            }
            start.countDown();
            for (Future<PublishResult> f : running) {
                results.add(f.get());
            }
        }

        assertNotEquals(results.get(0).branch(), results.get(1).branch());
        Path repo = settings.reposDir().resolve("todo-app.git");
        for (PublishResult r : results) {
            assertEquals(ObjectId.fromString(r.commitId()), Repos.tip(repo, r.branch()));
        }
        Deliveries.assertNoScratchLeft(settings);
    }

    private ObjectId pushAsPerson(String branch, String content) {
        try {
            return Repos.pushAsPerson(remote.toString(), branch, Files.createTempDirectory(tmp, "person"),
                    "NOTES.md", content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
