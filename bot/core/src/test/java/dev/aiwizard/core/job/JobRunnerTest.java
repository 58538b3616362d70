package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
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
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    private final MemoryConversationStore conversations = new MemoryConversationStore();
    private final MemoryJobStore jobs = new MemoryJobStore();
    private final Spec spec = new ScriptedInterviewer().assumeDefaults(Spec.empty());

    private final List<Telemetry.JobOutcome> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Telemetry telemetry = new Telemetry() {
        @Override
        public void turn(String platform, Duration took) {
        }

        @Override
        public void conversationStarted(String platform) {
        }

        @Override
        public void jobFinished(JobOutcome outcome, Duration took) {
            finished.add(outcome);
        }
    };

    @Test
    void queuedJobsRunInTheBackgroundAndAwaitIdleSeesThemFinish() throws Exception {
        var settings = new JobSettings(2, Duration.ofMinutes(1), Duration.ofMillis(100), 3, ShippedSettings.projectLimits());
        var worker = new GenerationWorker(jobs, conversations,
                (s, p) -> new GeneratedProject(List.of(new GeneratedFile("README.md", "x")), "true", "test"),
                (r, fence) -> new PublishResult("wizard/x", "abcdef1234", "here"), new ChatRouter().register(new RecordingChat()),
                settings, Clock.systemUTC());
        List<ConversationId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var c = Conversation.start(ConversationId.random(), new ThreadRef("test", "c", "t" + i),
                    new UserRef("u", "u"), "idea", Instant.now()).withSpec(spec, Instant.now());
            conversations.create(c, List.of());
            jobs.enqueue(Job.queued(c.id(), JobKind.GENERATE, spec, null, Instant.now()));
            ids.add(c.id());
        }
        try (var runner = new JobRunner(jobs, worker, settings, Clock.systemUTC(), "w1", telemetry)) {
            runner.start();
            runner.wake();
            for (ConversationId id : ids) {
                assertTrue(runner.awaitIdle(id, Duration.ofSeconds(10)), "jobs of " + id + " finished");
                assertEquals(JobState.SUCCEEDED, jobs.forConversation(id).getFirst().state());
            }
        }
        assertEquals(5, finished.stream().filter(s -> s == Telemetry.JobOutcome.SUCCEEDED).count(), "every job was reported");
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAfterItsLease() {
        var c = Conversation.start(ConversationId.random(), new ThreadRef("test", "c", "t"), new UserRef("u", "u"),
                "idea", Instant.now()).withSpec(spec, Instant.now());
        conversations.create(c, List.of());
        Instant t0 = Instant.now();
        jobs.enqueue(Job.queued(c.id(), JobKind.GENERATE, spec, null, t0));
        assertTrue(jobs.claimNext("dead-worker", t0, Duration.ofSeconds(30)).isPresent());
        assertTrue(jobs.claimNext("w2", t0.plusSeconds(10), Duration.ofSeconds(30)).isEmpty());
        Job taken = jobs.claimNext("w2", t0.plusSeconds(31), Duration.ofSeconds(30)).orElseThrow();
        assertEquals("w2", taken.owner());
        assertEquals(2, taken.attempts());
    }
}
