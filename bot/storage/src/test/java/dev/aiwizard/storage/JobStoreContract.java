package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static dev.aiwizard.storage.Fixtures.conversation;
import static dev.aiwizard.storage.Fixtures.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.GenerationQueue;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ValidationSummary;
import dev.aiwizard.core.job.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link JobStore} promises. The queue is shared by the whole store, so each test starts by finishing
 * whatever earlier tests left claimable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobStoreContract {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant END_OF_TIME = Instant.parse("2999-01-01T00:00:00Z");

    private JobStore jobs;
    private ConversationStore conversations;

    /** The job store under test, empty, opened once for the class. */
    protected abstract JobStore openStore();

    /** The conversation store of the same storage: jobs belong to stored conversations. */
    protected abstract ConversationStore conversations();

    @BeforeAll
    void openTheStore() {
        jobs = openStore();
        conversations = conversations();
    }

    @BeforeEach
    void finishWhatEarlierTestsLeftInTheQueue() {
        for (Optional<Job> j = jobs.claimNext("sweeper", END_OF_TIME, LEASE); j.isPresent();
             j = jobs.claimNext("sweeper", END_OF_TIME, LEASE)) {
            assertTrue(jobs.update(j.get().cancelled(END_OF_TIME)));
        }
    }

    @Test
    void anEnqueuedJobIsFoundAndListedWithItsConversationOldestFirst() {
        Conversation c = storedConversation();
        Job first = job(c, T0);
        Job second = job(c, T0.plusSeconds(1));
        jobs.enqueue(second);
        jobs.enqueue(first);

        assertEquals(first, jobs.find(first.id()).orElseThrow());
        assertEquals(List.of(first, second), jobs.forConversation(c.id()));
        assertTrue(jobs.find(JobId.random()).isEmpty());
        assertTrue(jobs.forConversation(ConversationId.random()).isEmpty());
    }

    @Test
    void claimingGivesTheOldestWaitingJobRunningUnderALeaseAndCountsTheAttempt() {
        Conversation c = storedConversation();
        Job older = job(c, T0);
        Job newer = job(c, T0.plusSeconds(1));
        jobs.enqueue(newer);
        jobs.enqueue(older);
        Instant now = T0.plusSeconds(10);

        Job claimed = jobs.claimNext("worker-a", now, LEASE).orElseThrow();

        assertEquals(older.id(), claimed.id());
        assertEquals(JobState.RUNNING, claimed.state());
        assertEquals("worker-a", claimed.owner());
        assertEquals(now.plus(LEASE), claimed.leaseUntil());
        assertEquals(1, claimed.attempts());
        assertEquals(claimed, jobs.find(older.id()).orElseThrow());
        assertEquals(newer.id(), jobs.claimNext("worker-b", now, LEASE).orElseThrow().id());
        assertTrue(jobs.claimNext("worker-c", now, LEASE).isEmpty());
    }

    @Test
    void eightWorkersRacingOverTwentyJobsClaimEveryJobExactlyOnce() throws Exception {
        Conversation c = storedConversation();
        Set<JobId> enqueued = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Job j = job(c, T0.plusMillis(i));
            jobs.enqueue(j);
            enqueued.add(j.id());
        }
        Instant now = T0.plusSeconds(60);
        CountDownLatch start = new CountDownLatch(1);
        List<JobId> claims = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String owner = "worker-" + w;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (Optional<Job> j = jobs.claimNext(owner, now, LEASE); j.isPresent();
                         j = jobs.claimNext(owner, now, LEASE)) {
                        claims.add(j.get().id());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
        }
        assertEquals(20, claims.size(), "claims: " + claims);
        assertEquals(enqueued, new HashSet<>(claims));
    }

    @Test
    void aJobWhoseLeaseRanOutIsClaimedAgainByAnotherWorker() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        jobs.claimNext("crashed", T0, Duration.ofMinutes(1)).orElseThrow();

        assertTrue(jobs.claimNext("rescuer", T0.plusSeconds(30), LEASE).isEmpty());
        Job retaken = jobs.claimNext("rescuer", T0.plusSeconds(61), LEASE).orElseThrow();

        assertEquals(j.id(), retaken.id());
        assertEquals("rescuer", retaken.owner());
        assertEquals(2, retaken.attempts());
    }

    @Test
    void aWorkerThatLostItsLeaseCannotUpdateTheJobAnyMore() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job slow = jobs.claimNext("slow", T0, Duration.ofMinutes(1)).orElseThrow();
        Job rescuer = jobs.claimNext("rescuer", T0.plusSeconds(61), LEASE).orElseThrow();

        assertFalse(jobs.update(slow.withProgress("still generating", T0.plusSeconds(62))));
        assertTrue(jobs.update(rescuer.withProgress("generating 12 files", T0.plusSeconds(63))));

        Job stored = jobs.find(j.id()).orElseThrow();
        assertEquals("rescuer", stored.owner());
        assertEquals("generating 12 files", stored.progress());
    }

    @Test
    void anEarlierClaimOfTheSameWorkerCannotUpdateTheJobOnceItWasClaimedAgain() {
        // One process claims as one owner: a run that outlived its lease must not overwrite the new run.
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job first = jobs.claimNext("worker-1", T0, Duration.ofMinutes(1)).orElseThrow();
        Job second = jobs.claimNext("worker-1", T0.plusSeconds(61), LEASE).orElseThrow();

        assertFalse(jobs.update(first.withProgress("late progress of the first run", T0.plusSeconds(62))));
        assertTrue(jobs.update(second.withProgress("generating 3 files", T0.plusSeconds(63))));
        assertEquals("generating 3 files", jobs.find(j.id()).orElseThrow().progress());
    }

    @Test
    void aRenewedLeaseKeepsTheJobFromOtherWorkersUntilTheNewEnd() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job held = jobs.claimNext("long-publish", T0, Duration.ofMinutes(1)).orElseThrow();

        assertTrue(jobs.renew(held, T0.plusSeconds(110)));

        assertEquals(T0.plusSeconds(110), jobs.find(j.id()).orElseThrow().leaseUntil());
        assertTrue(jobs.claimNext("other", T0.plusSeconds(61), LEASE).isEmpty(), "the first lease end has passed");
        assertEquals("other", jobs.claimNext("other", T0.plusSeconds(111), LEASE).orElseThrow().owner());
    }

    @Test
    void aStaleClaimCannotRenewItsLeaseNorCompleteTheJob() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job stale = jobs.claimNext("paused", T0, Duration.ofMinutes(1)).orElseThrow();
        Job current = jobs.claimNext("rescuer", T0.plusSeconds(61), LEASE).orElseThrow();

        assertFalse(jobs.renew(stale, T0.plusSeconds(500)), "the stale claim renews nothing");
        assertFalse(jobs.update(stale.succeeded("wizard/x", "0123456789", "/repos/x.git", "stale", T0.plusSeconds(62))),
                "the stale claim completes nothing");

        Job stored = jobs.find(j.id()).orElseThrow();
        assertEquals(JobState.RUNNING, stored.state());
        assertEquals("rescuer", stored.owner());
        assertEquals(current.leaseUntil(), stored.leaseUntil());
        assertTrue(jobs.renew(current, T0.plusSeconds(400)), "the current claim still renews");
    }

    @Test
    void aHandedBackJobIsClaimableAtOnceAndItsOldClaimIsFencedOff() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job stopping = jobs.claimNext("shutting-down", T0, Duration.ofMinutes(10)).orElseThrow();

        assertTrue(jobs.release(stopping, T0.plusSeconds(1)));

        assertFalse(jobs.renew(stopping, T0.plusSeconds(500)), "the handed-back claim renews nothing");
        assertFalse(jobs.update(stopping.failed("stopped", T0.plusSeconds(2))), "nor records the job as failed");
        Job next = jobs.claimNext("other-replica", T0.plusSeconds(2), LEASE).orElseThrow();
        assertEquals(j.id(), next.id(), "claimable long before the ten-minute lease would have run out");
        assertFalse(jobs.release(stopping, T0.plusSeconds(3)), "an old claim hands back nothing");
    }

    @Test
    void theSameWorkersEarlierClaimCannotRenewOnceTheJobWasClaimedAgain() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job first = jobs.claimNext("worker-1", T0, Duration.ofMinutes(1)).orElseThrow();
        Job second = jobs.claimNext("worker-1", T0.plusSeconds(61), LEASE).orElseThrow();

        assertFalse(jobs.renew(first, T0.plusSeconds(500)));
        assertTrue(jobs.renew(second, T0.plusSeconds(500)));
    }

    @Test
    void aFinishedJobsLeaseIsNotRenewed() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job claimed = jobs.claimNext("worker", T0, Duration.ofMinutes(1)).orElseThrow();
        assertTrue(jobs.update(claimed.failed("boom", T0.plusSeconds(5))));

        assertFalse(jobs.renew(claimed, T0.plusSeconds(500)));
        assertEquals(JobState.FAILED, jobs.find(j.id()).orElseThrow().state());
    }

    @Test
    void anUnclaimedJobCanBeCancelledAndIsThenNeverClaimed() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);

        assertTrue(jobs.update(j.cancelled(T0.plusSeconds(1))));

        assertEquals(JobState.CANCELLED, jobs.find(j.id()).orElseThrow().state());
        assertTrue(jobs.claimNext("worker", T0.plusSeconds(2), LEASE).isEmpty());
    }

    @Test
    void theOwnerStoresTheOutcomeWithItsPullRequestAndValidationAndAFinishedJobIsNeverClaimedAgain() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        Job claimed = jobs.claimNext("worker", T0, Duration.ofMinutes(1)).orElseThrow();
        Job done = claimed.withDelivery("https://github.example/acme/todo/pull/3", new ValidationSummary(
                        Verification.Outcome.FAILED, "tests: 40 passed, 2 failed"), T0.plusSeconds(30))
                .succeeded("wizard/todo-service", "0123456789abcdef", "/repos/todo.git",
                        "12 files on branch wizard/todo-service", T0.plusSeconds(30));

        assertTrue(jobs.update(done));

        assertEquals(done, jobs.find(j.id()).orElseThrow());
        assertTrue(jobs.claimNext("other", T0.plus(Duration.ofDays(1)), LEASE).isEmpty());
    }

    @Test
    void filesAreSavedAndReadBackInPathOrder() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        List<GeneratedFile> files = List.of(
                new GeneratedFile("src/main/java/Main.java", "class Main {}\n"),
                new GeneratedFile("README.md", "# Todo — tâches, 任务, emoji 🚀\n"),
                new GeneratedFile("docs/spec.md", "Ünïcödé survives.\n"),
                new GeneratedFile("a/b.txt", ""),
                new GeneratedFile("a/B.txt", "x".repeat(300_000)));

        jobs.saveFiles(j.id(), files);

        List<GeneratedFile> read = jobs.files(j.id());
        assertEquals(List.of("README.md", "a/B.txt", "a/b.txt", "docs/spec.md", "src/main/java/Main.java"),
                read.stream().map(GeneratedFile::path).toList());
        assertEquals(new HashSet<>(files), new HashSet<>(read));
    }

    @Test
    void savingFilesAgainReplacesTheEarlierOnes() {
        Job j = job(storedConversation(), T0);
        jobs.enqueue(j);
        jobs.saveFiles(j.id(), List.of(new GeneratedFile("old.txt", "old"), new GeneratedFile("same.txt", "v1")));

        jobs.saveFiles(j.id(), List.of(new GeneratedFile("same.txt", "v2")));

        assertEquals(List.of(new GeneratedFile("same.txt", "v2")), jobs.files(j.id()));
        assertTrue(jobs.files(JobId.random()).isEmpty());
    }

    @Test
    void asAConversationsGenerationQueueAnApprovalAdoptsTheJobStillQueuedOrRunningAndCancelStopsOnlyQueuedOnes() {
        Conversation c = storedConversation();
        assertTrue(jobs.latest(c.id()).isEmpty());

        GenerationQueue.Queued first = jobs.queue(c.id(), Fixtures.spec(), false, T0);
        assertFalse(first.adopted());
        assertEquals("GENERATE", first.kind());
        assertEquals(first.id(), jobs.queue(c.id(), Fixtures.spec(), false, T0.plusSeconds(1)).id(), "queued: adopted");
        Job running = jobs.claimNext("worker-a", T0.plusSeconds(2), LEASE).orElseThrow();
        assertEquals(first.id(), running.id().value());
        GenerationQueue.Queued again = jobs.queue(c.id(), Fixtures.spec(), true, T0.plusSeconds(3));
        assertEquals(first.id(), again.id(), "running: adopted");
        assertTrue(again.adopted());

        jobs.cancelQueued(c.id(), T0.plusSeconds(4));
        assertEquals("running", jobs.latest(c.id()).orElseThrow().state(), "a running job finishes");
        assertTrue(jobs.update(running.succeeded("wizard/todo", "abc1234", "repo", "done", T0.plusSeconds(5))));

        GenerationQueue.Queued revision = jobs.queue(c.id(), Fixtures.spec(), true, T0.plusSeconds(6));
        assertFalse(revision.adopted());
        assertEquals("REVISE", revision.kind());
        assertEquals(new GenerationQueue.JobStatus(revision.id(), "queued", "queued", null, null),
                jobs.latest(c.id()).orElseThrow());
        jobs.cancelQueued(c.id(), T0.plusSeconds(7));
        assertEquals("cancelled", jobs.latest(c.id()).orElseThrow().state());
        assertEquals(JobState.SUCCEEDED, jobs.find(running.id()).orElseThrow().state());
    }

    private Conversation storedConversation() {
        Conversation c = conversation(T0);
        conversations.create(c, List.of());
        return c;
    }
}
