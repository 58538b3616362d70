package dev.aiwizard.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.Principal;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.TargetPolicy;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryJobRequestLog;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.SettableClock;
import dev.aiwizard.core.testing.ShippedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobRequestServiceTest {
    private static final Principal ALICE = Principal.person(new UserRef("alice", "Alice"));
    private static final Principal BOB = Principal.person(new UserRef("bob", "Bob"));
    private static final String IDEA = "a todo service where people manage tasks with a title";

    private final MemoryConversationStore store = new MemoryConversationStore();
    private final MemoryJobStore jobs = new MemoryJobStore();
    private final AtomicInteger interviews = new AtomicInteger();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    /** The scripted interviewer, counted: each call would be a model call with a model configured. */
    private final Interviewer interviewer = new Interviewer() {
        private final ScriptedInterviewer script = new ScriptedInterviewer();

        @Override
        public InterviewStep step(Spec spec, Question pending, String text, int questionsLeft) {
            interviews.incrementAndGet();
            return script.step(spec, pending, text, questionsLeft);
        }

        @Override
        public Spec assumeDefaults(Spec spec) {
            interviews.incrementAndGet();
            return script.assumeDefaults(spec);
        }
    };
    private final ConversationSettings conversations = ShippedSettings.conversation();
    private JobRequestService service = service(conversations, 10);

    private JobRequestService service(ConversationSettings settings, int perMinute) {
        return new JobRequestService(store, jobs, new MemoryJobRequestLog(), new MemoryCoordination(), interviewer,
                settings, new JobRequestSettings(1000, perMinute, Duration.ofHours(24),
                Set.of("java-rest", "node-express"), "offline"), clock, wakeUps::incrementAndGet, Telemetry.NONE);
    }

    private static JobRequest draft(String idea) {
        return new JobRequest(idea, null, null, null, null, false);
    }

    private static JobRequest approved(String idea) {
        return new JobRequest(idea, null, null, null, null, true);
    }

    @Test
    void aRequestWithoutApprovalGetsACompleteSpecWaitingForApprovalWithTheDefaultsSaid() {
        var drafted = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(ALICE, draft(IDEA)));

        Conversation c = store.find(drafted.conversation().id()).orElseThrow();
        assertEquals(ConversationState.AWAITING_APPROVAL, c.state());
        assertTrue(c.spec().isComplete(), c.spec().toString());
        assertEquals(List.of("Name: my-service (default)"), c.spec().assumptions());
        assertEquals(new ThreadRef("api", "alice", c.id().value()), c.thread());
        assertEquals("alice", c.requester().id());
        assertEquals(2, store.messages(c.id()).size(), "the idea and the spec, as in a chat");
        assertTrue(store.auditTrail(c.id()).contains("started: by alice on api"), store.auditTrail(c.id()).toString());
        assertTrue(jobs.forConversation(c.id()).isEmpty());
        assertFalse(drafted.cached());
        assertEquals(0, wakeUps.get());
    }

    @Test
    void theCallersAnswersWinOverTheInterviewersAndTheDefaults() {
        var drafted = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(ALICE,
                new JobRequest(IDEA, "node-express", "task-board", "local", null, false)));

        Spec spec = drafted.conversation().spec();
        assertEquals("node-express", spec.stack());
        assertEquals("task-board", spec.name());
        assertEquals("local", spec.target());
        assertTrue(spec.assumptions().isEmpty(), "nothing was left to a default: " + spec.assumptions());
    }

    @Test
    void withApprovalTheJobIsQueuedAtOnceAndTheRunnerWoken() {
        var queued = assertInstanceOf(RequestOutcome.Queued.class, service.submit(ALICE, approved(IDEA)));

        assertEquals(JobState.QUEUED, queued.job().state());
        assertEquals(List.of(queued.job()), jobs.forConversation(queued.conversation().id()));
        assertEquals(ConversationState.GENERATING, store.find(queued.conversation().id()).orElseThrow().state());
        assertEquals(1, wakeUps.get());
        assertFalse(queued.cached());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStoredOrCounted() {
        JobRequestService strict = service(conversations, 1);
        var invalid = assertInstanceOf(RequestOutcome.Invalid.class, strict.submit(ALICE,
                new JobRequest("x".repeat(1001), "cobol", "Not A Slug", "not a repo", "gpt-4.1", true)));

        assertEquals(List.of("idea", "stack", "name", "target", "model"),
                invalid.problems().stream().map(RequestProblem::field).toList());
        assertTrue(invalid.problems().getFirst().detail().contains("1001 characters long; the limit is 1000"));
        assertTrue(invalid.problems().get(1).detail().contains("java-rest, node-express"));
        assertTrue(store.list(10, 0).isEmpty());
        assertInstanceOf(RequestOutcome.Drafted.class, strict.submit(ALICE, draft(IDEA)),
                "refused requests do not use up the limit");
    }

    @Test
    void anIdeaOfExactlyTheLimitIsTakenAndAMissingOneIsNot() {
        assertInstanceOf(RequestOutcome.Drafted.class, service.submit(ALICE, draft("y".repeat(1000))));
        var missing = assertInstanceOf(RequestOutcome.Invalid.class, service.submit(ALICE, draft("  ")));
        assertEquals("idea", missing.problems().getFirst().field());
    }

    @Test
    void aTargetOutsideThePolicyIsRefusedAndAnAllowedOneTaken() {
        JobRequestService withTargets = service(new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(1),
                List.of(), new TargetPolicy("local", List.of("acme/*"))), 10);

        var refused = assertInstanceOf(RequestOutcome.Invalid.class, withTargets.submit(ALICE,
                new JobRequest(IDEA, null, null, "evil/repo", null, false)));
        assertTrue(refused.problems().getFirst().detail().contains("not one of the targets allowed"));
        var taken = assertInstanceOf(RequestOutcome.Drafted.class, withTargets.submit(ALICE,
                new JobRequest(IDEA, null, null, "acme/todo", null, false)));
        assertEquals("acme/todo", taken.conversation().spec().target());
    }

    @Test
    void eachPersonHasTheirOwnLimitPerMinute() {
        JobRequestService limited = service(conversations, 2);
        limited.submit(ALICE, draft(IDEA));
        limited.submit(ALICE, draft(IDEA + " and a due date"));

        var third = assertInstanceOf(RequestOutcome.Limited.class, limited.submit(ALICE, draft(IDEA)));
        assertEquals(2, third.limit());
        assertTrue(third.retryAfter().compareTo(Duration.ZERO) > 0 && third.retryAfter().toSeconds() <= 60,
                third.retryAfter().toString());
        assertInstanceOf(RequestOutcome.Drafted.class, limited.submit(BOB, draft(IDEA)), "Bob has his own limit");
    }

    @Test
    void anIdenticalApprovedRequestWithinADayIsAnsweredWithTheEarlierJobWithoutAnInterview() {
        var first = assertInstanceOf(RequestOutcome.Queued.class, service.submit(ALICE, approved(IDEA)));
        int interviewed = interviews.get();
        clock.advance(Duration.ofHours(23));

        var again = assertInstanceOf(RequestOutcome.Queued.class, service.submit(BOB, approved(IDEA)));

        assertTrue(again.cached());
        assertEquals(first.job().id(), again.job().id());
        assertEquals(interviewed, interviews.get(), "no interview, so no model call");
        assertEquals(1, store.list(10, 0).size(), "nothing new was stored");
    }

    @Test
    void aRequestThatDiffersInAnyAnswerOrComesAfterADayIsNotAnsweredFromTheCache() {
        service.submit(ALICE, approved(IDEA));

        var otherName = assertInstanceOf(RequestOutcome.Queued.class, service.submit(ALICE,
                new JobRequest(IDEA, null, "other-name", null, null, true)));
        assertFalse(otherName.cached());
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        var later = assertInstanceOf(RequestOutcome.Queued.class, service.submit(ALICE, approved(IDEA)));
        assertFalse(later.cached());
    }

    @Test
    void anIdenticalDraftReusesTheEarlierSpecWithoutAnInterview() {
        var first = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(ALICE, draft(IDEA)));
        int interviewed = interviews.get();

        var again = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(BOB, draft(IDEA)));

        assertTrue(again.cached());
        assertEquals(interviewed, interviews.get());
        assertEquals(first.conversation().spec(), again.conversation().spec());
        assertEquals("bob", again.conversation().requester().id(), "Bob gets a draft of his own to approve");
    }

    @Test
    void aFailedEarlierJobIsNotAnAnswerButItsSpecIsReused() {
        var first = assertInstanceOf(RequestOutcome.Queued.class, service.submit(ALICE, approved(IDEA)));
        jobs.update(first.job().failed("the model was down", clock.instant()));
        int interviewed = interviews.get();

        var again = assertInstanceOf(RequestOutcome.Queued.class, service.submit(ALICE, approved(IDEA)));

        assertFalse(again.cached());
        assertTrue(!again.job().id().equals(first.job().id()));
        assertEquals(interviewed, interviews.get());
    }

    @Test
    void theRequesterOrTheOperatorApprovesADraftAndNobodyElse() {
        var drafted = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(ALICE, draft(IDEA)));
        ConversationId id = drafted.conversation().id();

        var refused = assertInstanceOf(RequestOutcome.NotAllowed.class, service.approve(BOB, id));
        assertTrue(refused.detail().contains("Only Alice"), refused.detail());
        var queued = assertInstanceOf(RequestOutcome.Queued.class, service.approve(ALICE, id));
        assertEquals(ConversationState.GENERATING, queued.conversation().state());
        assertInstanceOf(RequestOutcome.Conflict.class, service.approve(ALICE, id), "not waiting any more");
        assertEquals(1, jobs.forConversation(id).size());

        var other = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(BOB, draft(IDEA + " twice")));
        assertInstanceOf(RequestOutcome.Queued.class, service.approve(Principal.operatorItself(),
                other.conversation().id()));
    }

    @Test
    void onlyConversationsStartedThroughTheApiAreApprovedThere() {
        Conversation slack = Conversation.start(ConversationId.random(), new ThreadRef("slack", "C1", "1.2"),
                new UserRef("alice", "Alice"), IDEA, clock.instant());
        store.create(slack, List.of());

        assertInstanceOf(RequestOutcome.Conflict.class, service.approve(ALICE, slack.id()));
        assertInstanceOf(RequestOutcome.NotFound.class, service.approve(ALICE, ConversationId.random()));
    }

    @Test
    void aSecretInTheIdeaIsRemovedBeforeAnythingIsStoredAndTheCallerIsTold() {
        String key = "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789";
        var drafted = assertInstanceOf(RequestOutcome.Drafted.class, service.submit(ALICE,
                draft(IDEA + " using token " + key)));

        assertFalse(drafted.conversation().idea().contains(key));
        assertFalse(store.messages(drafted.conversation().id()).toString().contains(key));
        assertEquals(1, drafted.notes().size(), drafted.notes().toString());
        assertTrue(jobs.forConversation(drafted.conversation().id()).isEmpty());
    }
}
