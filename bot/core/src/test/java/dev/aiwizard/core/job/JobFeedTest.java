package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryJobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobFeedTest {
    private final MemoryJobStore store = new MemoryJobStore();
    private final JobEvents events = new JobEvents();
    private final ObservedJobStore observed = new ObservedJobStore(store, events);
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();

    private final JobFeed.Follower follower = new JobFeed.Follower() {
        @Override
        public void changed(JobFeed.Change change) {
            told.add((change.stateChanged() ? "state " : "progress ") + change.job().state() + " "
                    + change.job().progress());
        }

        @Override
        public void idle() {
            pings.incrementAndGet();
        }
    };

    private Job queued() {
        Job job = Job.queued(ConversationId.random(), JobKind.GENERATE, Spec.empty(), null, Instant.now());
        observed.enqueue(job);
        return job;
    }

    private CompletableFuture<Boolean> follow(JobFeed feed, Job job, Duration keepAlive) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return feed.follow(job.id(), follower, keepAlive);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void awaitListener(Job job) throws InterruptedException {
        for (int i = 0; i < 500 && events.listeners(job.id()) == 0; i++) {
            Thread.sleep(5);
        }
    }

    @Test
    void changesStoredInThisProcessArriveAsTheyHappenAndTheFeedEndsWithTheJob() throws Exception {
        Job job = queued();
        // A tail of a minute: anything that arrives sooner came from the events, not from reading the store.
        JobFeed feed = new JobFeed(observed, events, Duration.ofMinutes(1));
        var following = follow(feed, job, Duration.ofMinutes(1));
        awaitListener(job);

        Job claimed = observed.claimNext("w", Instant.now(), Duration.ofMinutes(5)).orElseThrow();
        Job planning = claimed.withProgress("planning the files", Instant.now());
        observed.update(planning);
        observed.update(planning.withStatusMessage(null, Instant.now()));
        observed.update(planning.succeeded("wizard/x", "abc1234", "repo", "3 files", Instant.now()));

        assertTrue(following.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("state QUEUED queued", "state RUNNING queued", "progress RUNNING planning the files",
                "state SUCCEEDED done"), told);
        assertEquals(0, events.listeners(job.id()), "the follower unsubscribed");
    }

    @Test
    void changesMadeByAnotherReplicaAreReadFromTheStore() throws Exception {
        Job job = queued();
        JobFeed feed = new JobFeed(observed, events, Duration.ofMillis(50));
        var following = follow(feed, job, Duration.ofMinutes(1));
        awaitListener(job);

        // Written to the store directly: this process hears nothing of it.
        Job claimed = store.claimNext("elsewhere", Instant.now(), Duration.ofMinutes(5)).orElseThrow();
        Thread.sleep(200);
        store.update(claimed.failed("no space left", Instant.now()));

        assertTrue(following.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("state QUEUED queued", "state RUNNING queued", "state FAILED failed"), told);
    }

    @Test
    void aJobThatIsOverIsToldOnceAndAnUnknownOneNotAtAll() throws Exception {
        Job job = queued();
        store.update(job.cancelled(Instant.now()));
        JobFeed feed = new JobFeed(observed, events, Duration.ofMillis(50));

        assertTrue(feed.follow(job.id(), follower, Duration.ofSeconds(1)));
        assertFalse(feed.follow(JobId.random(), follower, Duration.ofSeconds(1)));
        assertEquals(List.of("state CANCELLED cancelled"), told);
    }

    @Test
    void aQuietJobGetsKeepAlivesAndAClosedFeedLetsItsFollowersGo() throws Exception {
        Job job = queued();
        JobFeed feed = new JobFeed(observed, events, Duration.ofMillis(20));
        var following = follow(feed, job, Duration.ofMillis(30));
        for (int i = 0; i < 200 && pings.get() < 3; i++) {
            Thread.sleep(10);
        }
        assertTrue(pings.get() >= 3, "pings: " + pings.get());

        feed.close();

        assertTrue(following.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("state QUEUED queued"), told);
    }

    @Test
    void aWriteTheStoreRefusedIsNotPublished() {
        Job job = queued();
        Job claimed = observed.claimNext("w1", Instant.now(), Duration.ofMillis(1)).orElseThrow();
        List<Job> heard = new CopyOnWriteArrayList<>();
        events.subscribe(job.id(), heard::add);
        store.claimNext("w2", Instant.now().plusSeconds(1), Duration.ofMinutes(5)).orElseThrow();

        assertFalse(observed.update(claimed.withProgress("fenced off", Instant.now())));
        assertTrue(heard.isEmpty());
    }
}
