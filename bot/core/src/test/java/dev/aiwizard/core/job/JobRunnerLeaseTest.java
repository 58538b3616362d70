package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationEvent;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.ConversationStateMachine;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.RecordingChat;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two runners (two replicas) over one job store, with real time and a short lease: the lease is renewed while a job
 * runs, and a worker that lost its job to another one is fenced off from every step a person would see.
 */
class JobRunnerLeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JobSettings SETTINGS = new JobSettings(1, LEASE, Duration.ofMillis(20), 3,
            ShippedSettings.projectLimits());

    private final MemoryConversationStore conversations = new MemoryConversationStore();
    private final MemoryJobStore store = new MemoryJobStore();
    private final RecordingChat chat = new RecordingChat();
    private final Spec spec = new ScriptedInterviewer().assumeDefaults(Spec.empty());
    /** Calls that got past the fence to the step that opens a pull request. */
    private final AtomicInteger pullRequests = new AtomicInteger();
    private final AtomicInteger publishCalls = new AtomicInteger();
    private final CountDownLatch firstPublishEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstPublish = new CountDownLatch(1);
    private final CountDownLatch firstPublishInterrupted = new CountDownLatch(1);
    private JobRunner first;
    private JobRunner second;

    @AfterEach
    void stopTheRunners() {
        releaseFirstPublish.countDown();
        for (JobRunner r : new JobRunner[] {first, second}) {
            if (r != null) {
                r.close();
            }
        }
    }

    @Test
    void aWorkerWhoseJobWasTakenOverMidPublishOpensNoPullRequestPostsNoDoneAndLeavesTheResultAlone()
            throws Exception {
        Conversation c = conversationWithQueuedJob();
        SeveredStore firstsView = new SeveredStore(store);
        first = runner(firstsView, "replica-1", publisher(false));
        first.start();
        assertTrue(firstPublishEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first worker publishes");

        // The first replica loses the database (a long pause, a partition): its lease runs out, the second takes over.
        firstsView.sever();
        second = runner(store, "replica-2", publisher(false));
        second.start();
        assertTrue(second.awaitIdle(c.id(), WAIT), "the second replica finished the job");
        Job finished = store.forConversation(c.id()).getFirst();
        assertEquals(JobState.SUCCEEDED, finished.state());
        assertEquals("replica-2", finished.owner());

        // The first worker comes back and its publish call returns: the fence stops it before the pull request.
        firstsView.restore();
        releaseFirstPublish.countDown();
        assertTrue(first.awaitIdle(c.id(), WAIT), "the first worker stopped");

        assertEquals(1, pullRequests.get(), "one pull request");
        assertEquals(1, dones(), "one Done in the thread: " + chat.posted());
        assertEquals(finished, store.forConversation(c.id()).getFirst(), "the result stays the second worker's");
        assertEquals(ConversationState.PR_OPEN, conversations.find(c.id()).orElseThrow().state());
        assertEquals(1, conversations.messages(c.id()).stream().filter(m -> m.text().startsWith("Done:")).count());
    }

    @Test
    void aHeartbeatThatFindsTheJobTakenInterruptsItsWorker() throws Exception {
        Conversation c = conversationWithQueuedJob();
        SeveredStore firstsView = new SeveredStore(store);
        first = runner(firstsView, "replica-1", publisher(true));
        first.start();
        assertTrue(firstPublishEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first worker publishes");
        firstsView.sever();
        second = runner(store, "replica-2", publisher(true));
        second.start();
        assertTrue(second.awaitIdle(c.id(), WAIT), "the second replica finished the job");

        // Back in touch, the first worker's next renewal finds the job taken and stops the publish it is stuck in.
        firstsView.restore();

        assertTrue(firstPublishInterrupted.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the stuck publish was stopped");
        assertTrue(first.awaitIdle(c.id(), WAIT), "the first worker stopped");
        assertEquals(1, pullRequests.get());
        assertEquals(1, dones(), chat.posted().toString());
        assertEquals("replica-2", store.forConversation(c.id()).getFirst().owner());
    }

    @Test
    void aPublishLongerThanTheLeaseKeepsItsJobWhileAnotherReplicaLooksForWork() throws Exception {
        Conversation c = conversationWithQueuedJob();
        first = runner(store, "replica-1", publisher(false));
        first.start();
        assertTrue(firstPublishEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first worker publishes");
        Instant firstLeaseEnd = store.forConversation(c.id()).getFirst().leaseUntil();
        CountDownLatch lookedAfterTheFirstLease = new CountDownLatch(3);
        second = runner(new ForwardingStore(store) {
            @Override
            public Optional<Job> claimNext(String owner, Instant now, Duration lease) {
                Optional<Job> claimed = super.claimNext(owner, now, lease);
                if (now.isAfter(firstLeaseEnd.plus(LEASE))) {
                    lookedAfterTheFirstLease.countDown();
                }
                return claimed;
            }
        }, "replica-2", publisher(false));
        second.start();

        assertTrue(lookedAfterTheFirstLease.await(WAIT.toSeconds(), TimeUnit.SECONDS),
                "the second replica looked for work long after the first lease would have ended");
        releaseFirstPublish.countDown();
        assertTrue(first.awaitIdle(c.id(), WAIT));

        Job done = store.forConversation(c.id()).getFirst();
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals("replica-1", done.owner());
        assertEquals(1, done.attempts(), "nobody else claimed it");
        assertEquals(1, publishCalls.get());
        assertEquals(1, pullRequests.get());
        assertEquals(1, dones());
    }

    @Test
    void aJobStillRunningAtShutdownIsHandedToAnotherReplicaAtOnceNotWhenItsLeaseRunsOut() throws Exception {
        Conversation c = conversationWithQueuedJob();
        // A lease far longer than the test waits: only a handed-back job can reach the other replica in time.
        JobSettings longLease = new JobSettings(1, Duration.ofMinutes(10), Duration.ofMillis(20), 3,
                ShippedSettings.projectLimits());
        first = runner(store, "replica-1", publisher(true), longLease);
        first.start();
        assertTrue(firstPublishEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first worker publishes");

        first.close(Duration.ofMillis(100));

        assertTrue(store.forConversation(c.id()).getFirst().leaseUntil().isBefore(Instant.now()),
                "the lease was handed back");
        second = runner(store, "replica-2", publisher(true), longLease);
        second.start();
        assertTrue(second.awaitIdle(c.id(), WAIT), "the other replica finished it");
        Job done = store.forConversation(c.id()).getFirst();
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals("replica-2", done.owner());
        assertEquals(1, pullRequests.get(), "the stopped worker opened none");
        assertEquals(1, dones());
    }

    @Test
    void aValidationStoppedByShutdownIsHandedBackQuietlyNotReportedAsAFailure() throws Exception {
        Conversation c = conversationWithQueuedJob();
        JobSettings longLease = new JobSettings(1, Duration.ofMinutes(10), Duration.ofMillis(20), 3,
                ShippedSettings.projectLimits());
        CountDownLatch validating = new CountDownLatch(1);
        // What the sandbox does when its thread is interrupted: it kills the run and says so with an exception.
        ProjectValidator blocksUntilInterrupted = (project, stack, progress) -> {
            validating.countDown();
            try {
                new CountDownLatch(1).await();
                throw new AssertionError("unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a sandbox ran", e);
            }
        };
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(GenerationWorker.class.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            first = runner(store, "replica-1", publisher(true), longLease, blocksUntilInterrupted);
            first.start();
            assertTrue(validating.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the worker validates");

            first.close(Duration.ofMillis(100));
        } finally {
            log.removeHandler(capture);
        }

        Job handedBack = store.forConversation(c.id()).getFirst();
        assertEquals(JobState.RUNNING, handedBack.state(), "claimable again, not failed");
        assertTrue(handedBack.leaseUntil().isBefore(Instant.now()), "the lease was handed back");
        assertEquals(ConversationState.GENERATING, conversations.find(c.id()).orElseThrow().state());
        assertEquals(List.of(), logged.stream().filter(r -> r.getLevel().intValue()
                >= java.util.logging.Level.SEVERE.intValue()).map(java.util.logging.LogRecord::getMessage).toList(),
                "a shutdown is no error");
        assertEquals(0, publishCalls.get());
    }

    private Conversation conversationWithQueuedJob() {
        Instant now = Instant.now();
        Conversation asked = Conversation.start(ConversationId.random(), new ThreadRef("test", "c", "t1"),
                new UserRef("u", "alice"), "idea", now).withSpec(spec, now);
        Conversation c = ConversationStateMachine.apply(ConversationStateMachine.apply(asked,
                ConversationEvent.SPEC_READY, now), ConversationEvent.GENERATION_QUEUED, now);
        conversations.create(c, List.of());
        store.enqueue(Job.queued(c.id(), JobKind.GENERATE, spec, null, now));
        return c;
    }

    /**
     * A publisher whose first call stands for a slow push: it blocks until released (or, if {@code interruptible},
     * until its thread is interrupted), then checks the fence before it would open the pull request.
     */
    private Publisher publisher(boolean interruptible) {
        return (request, fence) -> {
            fence.check();
            if (publishCalls.incrementAndGet() == 1) {
                firstPublishEntered.countDown();
                awaitRelease(interruptible);
            }
            fence.check();
            pullRequests.incrementAndGet();
            return new PublishResult("wizard/" + request.spec().name(), "0123456789abcdef", "repos/x.git");
        };
    }

    private void awaitRelease(boolean interruptible) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    releaseFirstPublish.await();
                    return;
                } catch (InterruptedException e) {
                    if (interruptible) {
                        firstPublishInterrupted.countDown();
                        throw new PublishException("the push was interrupted");
                    }
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private JobRunner runner(JobStore jobs, String owner, Publisher publisher) {
        return runner(jobs, owner, publisher, SETTINGS);
    }

    private JobRunner runner(JobStore jobs, String owner, Publisher publisher, JobSettings settings) {
        return runner(jobs, owner, publisher, settings, null);
    }

    private JobRunner runner(JobStore jobs, String owner, Publisher publisher, JobSettings settings,
                             ProjectValidator validator) {
        CodeGenerator generator = (s, progress) -> new GeneratedProject(
                List.of(new GeneratedFile("README.md", "# " + owner)), "true", "test");
        var worker = new GenerationWorker(jobs, conversations, generator, publisher, new ChatRouter().register(chat),
                settings, Clock.systemUTC(), validator, 0);
        return new JobRunner(jobs, worker, settings, Clock.systemUTC(), owner, Telemetry.NONE);
    }

    private long dones() {
        return chat.posted().stream().filter(t -> t.startsWith("Done:")).count();
    }

    /** A job store seen through another replica's connection. */
    private static class ForwardingStore implements JobStore {
        private final JobStore delegate;

        ForwardingStore(JobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void enqueue(Job job) {
            delegate.enqueue(job);
        }

        @Override
        public Optional<Job> find(JobId id) {
            return delegate.find(id);
        }

        @Override
        public List<Job> forConversation(ConversationId id) {
            return delegate.forConversation(id);
        }

        @Override
        public Optional<Job> claimNext(String owner, Instant now, Duration lease) {
            return delegate.claimNext(owner, now, lease);
        }

        @Override
        public boolean renew(Job claimed, Instant until) {
            return delegate.renew(claimed, until);
        }

        @Override
        public boolean release(Job claimed, Instant now) {
            return delegate.release(claimed, now);
        }

        @Override
        public boolean update(Job job) {
            return delegate.update(job);
        }

        @Override
        public void saveFiles(JobId id, List<GeneratedFile> files) {
            delegate.saveFiles(id, files);
        }

        @Override
        public List<GeneratedFile> files(JobId id) {
            return delegate.files(id);
        }
    }

    /** A replica's view of the store that can be cut off: writes wait until the connection is back. */
    private static final class SeveredStore extends ForwardingStore {
        private final CountDownLatch restored = new CountDownLatch(1);
        private volatile boolean severed;

        SeveredStore(JobStore delegate) {
            super(delegate);
        }

        void sever() {
            severed = true;
        }

        void restore() {
            restored.countDown();
        }

        @Override
        public boolean renew(Job claimed, Instant until) {
            awaitConnection();
            return super.renew(claimed, until);
        }

        @Override
        public boolean update(Job job) {
            awaitConnection();
            return super.update(job);
        }

        private void awaitConnection() {
            if (severed) {
                try {
                    restored.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
