package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationEvent;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.ConversationStateMachine;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.RecordingChat;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GenerationWorkerTest {
    private static final ThreadRef THREAD = new ThreadRef("test", "general", "t1");

    private final MemoryConversationStore conversations = new MemoryConversationStore();
    private final MemoryJobStore jobs = new MemoryJobStore();
    private final RecordingChat chat = new RecordingChat();
    private final List<PublishRequest> published = new ArrayList<>();
    private final AtomicReference<RuntimeException> publishFailure = new AtomicReference<>();
    private Runnable duringPublish = () -> { };
    private final Spec spec = new ScriptedInterviewer().assumeDefaults(Spec.empty());

    private Conversation conversation;

    private GenerationWorker worker(CodeGenerator generator) {
        return worker(generator, null, 0);
    }

    private GenerationWorker worker(CodeGenerator generator, ProjectValidator validator, int rounds) {
        Publisher publisher = (request, fence) -> {
            if (publishFailure.get() != null) {
                throw publishFailure.get();
            }
            published.add(request);
            duringPublish.run();
            return new PublishResult("wizard/" + request.spec().name(), "0123456789abcdef", "data/repos/x.git");
        };
        return new GenerationWorker(jobs, conversations, generator, publisher, new ChatRouter().register(chat),
                new JobSettings(2, java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(2), 3,
                        ShippedSettings.projectLimits()), Clock.systemUTC(), validator, rounds);
    }

    private Job claimed() {
        Instant now = Instant.now();
        Conversation approved = ConversationStateMachine.apply(Conversation.start(ConversationId.random(), THREAD,
                new UserRef("u1", "alice"), "idea", now).withSpec(spec, now), ConversationEvent.SPEC_READY, now);
        conversation = ConversationStateMachine.apply(approved, ConversationEvent.GENERATION_QUEUED, now);
        conversations.create(conversation, List.of());
        jobs.enqueue(Job.queued(conversation.id(), JobKind.GENERATE, spec, null, now));
        return jobs.claimNext("w1", now, Duration.ofMinutes(5)).orElseThrow();
    }

    private static CodeGenerator files(GeneratedFile... files) {
        return (s, progress) -> {
            progress.report("generating " + files.length + " files");
            return new GeneratedProject(List.of(files), "mvn -B test", "test");
        };
    }

    @Test
    void aSuccessfulJobDeliversTheFilesAndTellsTheThreadWhereTheyAre() {
        Job job = claimed();
        worker(files(new GeneratedFile("README.md", "# hi"))).run(job);

        Job done = jobs.find(job.id()).orElseThrow();
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals("wizard/my-service", done.branch());
        Conversation c = conversations.find(conversation.id()).orElseThrow();
        assertEquals(ConversationState.PR_OPEN, c.state());
        assertEquals("wizard/my-service", c.branch());
        assertEquals(1, jobs.files(job.id()).size());
        assertTrue(chat.lastPosted().contains("git clone --branch wizard/my-service data/repos/x.git"), chat.lastPosted());
    }

    @Test
    void whileAJobRunsItsLogLinesNameTheJobConversationAndPlatformAndAfterwardsNothing() {
        Job job = claimed();
        AtomicReference<dev.aiwizard.core.LogContext.Fields> during = new AtomicReference<>();
        duringPublish = () -> during.set(dev.aiwizard.core.LogContext.current());
        worker(files(new GeneratedFile("README.md", "# hi"))).run(job);

        assertEquals(new dev.aiwizard.core.LogContext.Fields(THREAD.platform(), conversation.id().value(),
                job.id().value()), during.get());
        assertEquals(null, dev.aiwizard.core.LogContext.current().jobId());
    }

    @Test
    void progressEditsOneStatusMessageInPlace() {
        worker(files(new GeneratedFile("README.md", "# hi"))).run(claimed());
        var statusPosts = chat.sent().stream().filter(s -> s.message().text().startsWith("Job ")).toList();
        assertTrue(statusPosts.size() >= 3, statusPosts.toString());
        assertTrue(!statusPosts.getFirst().edit() && statusPosts.stream().skip(1).allMatch(RecordingChat.Sent::edit));
        assertTrue(statusPosts.getLast().message().text().contains("done: pushed 1 files"), statusPosts.toString());
        assertTrue(statusPosts.stream().anyMatch(p -> p.message().text().endsWith("generated 1 files (code, tests and docs); "
                + "checking them")), statusPosts.toString());
    }

    @Test
    void filesThatBreakTheLimitsFailTheJobWithTheReasonAndPublishNothing() {
        Job job = claimed();
        worker(files(new GeneratedFile("../escape.txt", "x"))).run(job);
        assertEquals(JobState.FAILED, jobs.find(job.id()).orElseThrow().state());
        assertTrue(published.isEmpty());
        assertEquals(ConversationState.FAILED, conversations.find(conversation.id()).orElseThrow().state());
        assertTrue(chat.lastPosted().contains("../escape.txt"), chat.lastPosted());
        assertTrue(chat.lastPosted().contains("Say `generate` to try again"), chat.lastPosted());
    }

    @Test
    void aRejectedPushIsReportedInPlainWords() {
        publishFailure.set(new PublishException("cannot write to /nowhere: read-only file system"));
        Job job = claimed();
        worker(files(new GeneratedFile("README.md", "x"))).run(job);
        assertEquals("cannot write to /nowhere: read-only file system", jobs.find(job.id()).orElseThrow().error());
        assertTrue(chat.lastPosted().startsWith("Generation failed: cannot write to /nowhere"), chat.lastPosted());
    }

    @Test
    void anUnexpectedErrorNamesTheConversationButNotTheInternals() {
        Job job = claimed();
        worker((s, p) -> {
            throw new IllegalStateException("secret internals");
        }).run(job);
        assertTrue(chat.lastPosted().contains("details are in the bot's log under conversation " + conversation.id()));
        assertTrue(!chat.lastPosted().contains("secret internals"));
    }

    @Test
    void aCancelledConversationsJobIsNotDelivered() {
        Job job = claimed();
        Conversation c = conversations.find(conversation.id()).orElseThrow();
        conversations.save(ConversationStateMachine.apply(c, ConversationEvent.CANCEL_REQUESTED, Instant.now()),
                List.of());
        worker(files(new GeneratedFile("README.md", "x"))).run(job);
        assertEquals(JobState.CANCELLED, jobs.find(job.id()).orElseThrow().state());
        assertTrue(published.isEmpty());
    }

    @Test
    void aJobThatEndsAfterItsPullRequestWasClosedDoesNotReopenTheConversation() {
        Job job = claimed();
        duringPublish = () -> {
            Conversation c = conversations.find(conversation.id()).orElseThrow();
            conversations.save(ConversationStateMachine.apply(c, ConversationEvent.PULL_REQUEST_CLOSED, Instant.now()),
                    List.of());
        };
        worker(files(new GeneratedFile("README.md", "x"))).run(job);

        assertEquals(JobState.SUCCEEDED, jobs.find(job.id()).orElseThrow().state());
        assertEquals(ConversationState.CLOSED, conversations.find(conversation.id()).orElseThrow().state());
        assertTrue(chat.posted().stream().noneMatch(t -> t.startsWith("Done:")), chat.posted().toString());
    }

    /** Passes a project only when its App.java holds no "bug"; counts its runs. */
    private static final class BugFinder implements ProjectValidator {
        final List<String> stacks = new ArrayList<>();

        @Override
        public Verification validate(GeneratedProject project, String stack, Progress progress) {
            stacks.add(stack);
            progress.report("waiting for a sandbox: 1st in line");
            boolean bug = project.files().stream().anyMatch(f -> f.content().contains("bug"));
            return bug ? new Verification(Verification.Outcome.FAILED, "mvn -o -B test", 3, 2, 1, 0,
                    Duration.ofSeconds(2), List.of("AppTest.works"), "expected 1 but was 2", null, 0)
                    : new Verification(Verification.Outcome.PASSED, "mvn -o -B test", 3, 3, 0, 0,
                    Duration.ofSeconds(2), List.of(), "", null, 0);
        }
    }

    /** Writes App.java with a bug; repairs it when {@code fixes}, else writes the bug again. */
    private static CodeGenerator buggy(boolean fixes, List<RepairRequest> asked) {
        return new CodeGenerator() {
            @Override
            public GeneratedProject generate(Spec spec, Progress progress) {
                return new GeneratedProject(List.of(new GeneratedFile("src/App.java", "class App { /* bug */ }"),
                        new GeneratedFile("README.md", "# app")), "mvn -B test", "openai:test");
            }

            @Override
            public java.util.Optional<GeneratedProject> repair(RepairRequest repair, Progress progress) {
                asked.add(repair);
                String app = fixes ? "class App { }" : "class App { /* bug again */ }";
                return java.util.Optional.of(new GeneratedProject(List.of(new GeneratedFile("src/App.java", app),
                        new GeneratedFile("README.md", "# app")), "mvn -B test", "openai:test", List.of(),
                        new ModelUsage(1, 100, 50)));
            }
        };
    }

    @Test
    void failingTestsAreRepairedByTheModelAndTheProjectIsDeliveredGreen() {
        List<RepairRequest> asked = new ArrayList<>();
        BugFinder validator = new BugFinder();
        Job job = claimed();

        worker(buggy(true, asked), validator, 2).run(job);

        assertEquals(1, asked.size());
        assertEquals(List.of("AppTest.works"), asked.getFirst().failure().failing());
        assertEquals(List.of(spec.stack(), spec.stack()), validator.stacks);
        PublishRequest delivered = published.getFirst();
        assertTrue(delivered.verification().succeeded());
        assertEquals(1, delivered.verification().repairRounds());
        assertEquals("class App { }", delivered.files().stream().filter(f -> f.path().equals("src/App.java"))
                .findFirst().orElseThrow().content());
        assertTrue(delivered.description().contains("**Passed.** Tests: 3 passed."), delivered.description());
        assertTrue(chat.lastPosted().contains("Validation: tests: 3 passed (after 1 round of repair)."),
                chat.lastPosted());
        var statuses = chat.sent().stream().map(sent -> sent.message().text()).toList();
        assertTrue(statuses.stream().anyMatch(t -> t.endsWith("tests: 2 passed, 1 failed — repairing, round 1 of 2")),
                statuses.toString());
        assertTrue(statuses.stream().anyMatch(t -> t.endsWith("waiting for a sandbox: 1st in line")),
                statuses.toString());
        assertEquals(JobState.SUCCEEDED, jobs.find(job.id()).orElseThrow().state());
    }

    @Test
    void testsThatStillFailAfterTheRoundsAreDeliveredAsFailingAndSaidSoPlainly() {
        List<RepairRequest> asked = new ArrayList<>();
        Job job = claimed();

        worker(buggy(false, asked), new BugFinder(), 2).run(job);

        assertEquals(List.of(1, 2), asked.stream().map(RepairRequest::round).toList());
        assertEquals(150, asked.get(1).tokensSpent(), "the second round knows what the first one cost");
        Verification v = published.getFirst().verification();
        assertEquals(Verification.Outcome.FAILED, v.outcome());
        assertEquals(2, v.repairRounds());
        assertTrue(chat.lastPosted().contains("Validation: tests: 2 passed, 1 failed, still after 2 rounds of repair."),
                chat.lastPosted());
        assertFalse(chat.lastPosted().contains("passed (after"), chat.lastPosted());
    }

    @Test
    void anEngineThatCannotRepairDeliversWhatFailedWithoutPretendingItTried() {
        Job job = claimed();

        worker(files(new GeneratedFile("src/App.java", "bug")), new BugFinder(), 2).run(job);

        Verification v = published.getFirst().verification();
        assertEquals(Verification.Outcome.FAILED, v.outcome());
        assertEquals(0, v.repairRounds());
        assertTrue(published.getFirst().description().contains("- Repair rounds by the model: 0"));
    }
}
