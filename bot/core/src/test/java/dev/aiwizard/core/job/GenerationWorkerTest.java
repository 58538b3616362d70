package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.RecordingChat;
import dev.aiwizard.core.testing.ScriptedInterviewer;
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
        Publisher publisher = (request, fence) -> {
            if (publishFailure.get() != null) {
                throw publishFailure.get();
            }
            published.add(request);
            duringPublish.run();
            return new PublishResult("wizard/" + request.spec().name(), "0123456789abcdef", "data/repos/x.git");
        };
        return new GenerationWorker(jobs, conversations, generator, publisher, new ChatRouter().register(chat),
                JobSettings.defaults(), Clock.systemUTC());
    }

    private Job claimed() {
        Instant now = Instant.now();
        conversation = Conversation.start(ConversationId.random(), THREAD, new UserRef("u1", "alice"), "idea", now)
                .withSpec(spec, now).withState(ConversationState.GENERATING, now);
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
        conversations.save(c.withState(ConversationState.CANCELLED, Instant.now()), List.of());
        worker(files(new GeneratedFile("README.md", "x"))).run(job);
        assertEquals(JobState.CANCELLED, jobs.find(job.id()).orElseThrow().state());
        assertTrue(published.isEmpty());
    }

    @Test
    void aJobThatEndsAfterItsPullRequestWasClosedDoesNotReopenTheConversation() {
        Job job = claimed();
        duringPublish = () -> {
            Conversation c = conversations.find(conversation.id()).orElseThrow();
            conversations.save(c.withState(ConversationState.CLOSED, Instant.now()), List.of());
        };
        worker(files(new GeneratedFile("README.md", "x"))).run(job);

        assertEquals(JobState.SUCCEEDED, jobs.find(job.id()).orElseThrow().state());
        assertEquals(ConversationState.CLOSED, conversations.find(conversation.id()).orElseThrow().state());
        assertTrue(chat.posted().stream().noneMatch(t -> t.startsWith("Done:")), chat.posted().toString());
    }
}
