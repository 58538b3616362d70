package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.RecordingChat;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {
    private static final ThreadRef THREAD = new ThreadRef("test", "general", "t1");
    private static final UserRef ALICE = new UserRef("u-alice", "alice");

    private final MemoryConversationStore store = new MemoryConversationStore();
    private final MemoryJobStore jobs = new MemoryJobStore();
    private final RecordingChat chat = new RecordingChat();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final java.util.List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Telemetry telemetry = new Telemetry() {
        @Override
        public void turn(String platform, Duration took) {
            reported.add("turn " + platform);
        }

        @Override
        public void conversationStarted(String platform) {
            reported.add("started " + platform);
        }

        @Override
        public void jobFinished(JobOutcome outcome, Duration took) {
            reported.add("job " + outcome);
        }
    };
    private ConversationService service = service(ShippedSettings.conversation());

    private ConversationService service(ConversationSettings settings) {
        return new ConversationService(store, jobs, new MemoryCoordination(), new ScriptedInterviewer(),
                new ChatRouter().register(chat), settings, Clock.systemUTC(), wakeUps::incrementAndGet, telemetry);
    }

    private void start(String idea) {
        service.start(new InboundMessage(THREAD, ALICE, idea, null));
    }

    private void say(String text) {
        service.reply(new InboundMessage(THREAD, ALICE, text, null));
    }

    private Conversation conversation() {
        return store.findByThread(THREAD).orElseThrow();
    }

    @Test
    void theThreadIndexTellsThreadsThatMayHoldAConversationFromThoseThatSurelyDoNot() {
        MemoryCoordination coordination = new MemoryCoordination();
        ConversationService indexed = new ConversationService(store, jobs, coordination, new ScriptedInterviewer(),
                new ChatRouter().register(chat), ShippedSettings.conversation(), Clock.systemUTC(),
                wakeUps::incrementAndGet, telemetry);
        ThreadRef elsewhere = new ThreadRef(THREAD.platform(), THREAD.channel(), "no-conversation-here");
        ThreadRef otherPlatform = new ThreadRef("other", THREAD.channel(), THREAD.thread());

        indexed.start(new InboundMessage(THREAD, ALICE, "a todo service", null));

        assertTrue(indexed.mayHoldConversation(THREAD));
        // A new index is complete once it was rebuilt from the database, in the background.
        awaitFalse(() -> indexed.mayHoldConversation(elsewhere));
        awaitFalse(() -> indexed.mayHoldConversation(otherPlatform));
        assertTrue(indexed.mayHoldConversation(THREAD));
    }

    @Test
    void aLostThreadIndexIsRebuiltFromTheDatabase() {
        start("a todo service");
        Conversation stored = Conversation.start(ConversationId.random(), new ThreadRef(THREAD.platform(), "C2", "T2"),
                ALICE, "an older conversation, from before the index", java.time.Instant.now());
        store.create(stored, List.of());
        MemoryCoordination lost = new MemoryCoordination();
        ConversationService restarted = new ConversationService(store, jobs, lost, new ScriptedInterviewer(),
                new ChatRouter().register(chat), ShippedSettings.conversation(), Clock.systemUTC(),
                wakeUps::incrementAndGet, telemetry);

        ThreadRef none = new ThreadRef(THREAD.platform(), "C2", "T3");

        assertTrue(restarted.mayHoldConversation(none), "maybe, while the index is rebuilt in the background");
        awaitFalse(() -> restarted.mayHoldConversation(none));
        assertTrue(restarted.mayHoldConversation(new ThreadRef(THREAD.platform(), "C2", "T2")));
        assertTrue(restarted.mayHoldConversation(THREAD));
        lost.restart();
        restarted.mayHoldConversation(none);
        awaitFalse(() -> restarted.mayHoldConversation(none));
        assertTrue(restarted.mayHoldConversation(THREAD), "rebuilt again after a second loss");
    }

    private static void awaitFalse(java.util.function.BooleanSupplier check) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (check.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still true after 10 s");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void anIdeaStartsAConversationThatAsksItsFirstQuestion() {
        start("a todo service");
        assertEquals(ConversationState.QUESTIONING, conversation().state());
        assertTrue(chat.lastPosted().contains("What should the project be called?"), chat.lastPosted());
        assertEquals(1, conversation().questionsAsked());
    }

    @Test
    void everyMessageIsStoredBothTheUsersAndTheBots() {
        start("a todo service");
        say("todo-service");
        var messages = store.messages(conversation().id());
        assertEquals(4, messages.size());
        assertEquals(Author.USER, messages.get(0).author());
        assertEquals("a todo service", messages.get(0).text());
        assertEquals(Author.BOT, messages.get(1).author());
        assertEquals("todo-service", messages.get(2).text());
        assertTrue(messages.get(3).text().contains("Reply `generate`"));
    }

    @Test
    void anAnswerThatCannotBeUsedIsAskedAgainWithTheReason() {
        start("a todo service");
        say("../..");
        assertTrue(chat.lastPosted().startsWith("'../..' cannot be a project name."), chat.lastPosted());
        assertEquals(ConversationState.QUESTIONING, conversation().state());
    }

    @Test
    void theQuestionBoundEndsQuestioningWithDefaults() {
        service = service(new ConversationSettings(1, 2000, 10, 30, Duration.ofSeconds(1)));
        start("a todo service");
        say("///");
        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertEquals("my-service", conversation().spec().name());
        assertTrue(chat.lastPosted().contains("Name: my-service (default)"), chat.lastPosted());
    }

    @Test
    void skipTakesDefaultsAndShowsTheSpecForApproval() {
        start("a todo service");
        say("skip");
        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertTrue(chat.lastPosted().contains("## Assumptions"), chat.lastPosted());
        assertEquals(3, chat.sent().getLast().message().choices().size());
    }

    @Test
    void anAllowedModelChoiceIsKeptInTheSpecAndTakenOutOfTheIdea() {
        service = service(new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(1), List.of("gpt-4.1")));
        start("a todo service model=gpt-4.1");
        assertEquals("gpt-4.1", conversation().spec().model());
        say("skip");
        assertTrue(chat.lastPosted().contains("- model: gpt-4.1"), chat.lastPosted());
        say("generate");
        assertEquals("gpt-4.1", jobs.forConversation(conversation().id()).getFirst().spec().model());
    }

    @Test
    void aModelChoiceThatIsNotAllowedIsRefusedAndTheConfiguredModelUsed() {
        service = service(new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(1), List.of("gpt-4.1")));
        start("a todo service model=o3-pro");
        assertEquals(null, conversation().spec().model());
        assertTrue(chat.sent().stream().anyMatch(m -> m.message().text().contains(
                "`model=o3-pro` is not one of the models allowed here (gpt-4.1)")), chat.sent().toString());

        service = service(ShippedSettings.conversation());
        service.start(new InboundMessage(new ThreadRef("test", "general", "t2"), ALICE, "another idea model=gpt-4.1", null));
        assertTrue(chat.sent().stream().anyMatch(m -> m.message().text().contains(
                "Choosing a model with `model=` is not enabled here")), chat.sent().toString());
    }

    @Test
    void generateQueuesOneDurableJobAndWakesTheRunner() {
        start("a todo service");
        say("skip");
        say("generate");
        assertEquals(ConversationState.GENERATING, conversation().state());
        var queued = jobs.forConversation(conversation().id());
        assertEquals(1, queued.size());
        assertEquals(JobState.QUEUED, queued.getFirst().state());
        assertEquals(1, wakeUps.get());
        say("yes");
        assertEquals(1, jobs.forConversation(conversation().id()).size(), "approving twice queues one job");
        assertTrue(chat.lastPosted().contains("still generating"), chat.lastPosted());
    }

    @Test
    void generateBeforeTheQuestionsAreDoneExplainsWhatToDo() {
        start("a todo service");
        say("generate");
        assertTrue(chat.lastPosted().contains("say `skip`"), chat.lastPosted());
        assertTrue(jobs.forConversation(conversation().id()).isEmpty());
    }

    @Test
    void changeAfterTheSummaryRevisesTheSpec() {
        start("a todo service");
        say("skip");
        String before = conversation().spec().name();
        say("change rename to shop-api");
        assertEquals("shop-api", conversation().spec().name());
        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertTrue(chat.lastPosted().startsWith("I changed: name changed from " + before + " to shop-api."), chat.lastPosted());
    }

    @Test
    void whatTheInterviewerCouldNotUseIsShownWithTheSummary() {
        Interviewer noting = new Interviewer() {
            @Override
            public InterviewStep step(dev.aiwizard.core.spec.Spec spec, Question pending, String text, int left) {
                return new InterviewStep.Ready(assumeDefaults(spec), "I left out 'id': ids are generated.");
            }

            @Override
            public dev.aiwizard.core.spec.Spec assumeDefaults(dev.aiwizard.core.spec.Spec spec) {
                return new ScriptedInterviewer().assumeDefaults(spec);
            }
        };
        service = new ConversationService(store, jobs, new MemoryCoordination(), noting,
                new ChatRouter().register(chat), ShippedSettings.conversation(), Clock.systemUTC(), () -> { }, Telemetry.NONE);
        start("tasks with an id");
        assertTrue(chat.lastPosted().startsWith("I left out 'id': ids are generated.\n\nHere is the spec."),
                chat.lastPosted());
    }

    @Test
    void everyTurnAndEveryNewConversationIsReportedForMetrics() {
        start("a todo service");
        say("skip");
        say("status");
        assertEquals(java.util.List.of("started test", "turn test", "turn test", "turn test"), reported);
    }

    @Test
    void cancelStopsTheConversationAndItsQueuedJob() {
        start("a todo service");
        say("skip");
        say("generate");
        say("cancel");
        assertEquals(ConversationState.CANCELLED, conversation().state());
        assertEquals(JobState.CANCELLED, jobs.forConversation(conversation().id()).getFirst().state());
        say("hello?");
        assertTrue(chat.lastPosted().contains("This conversation is cancelled"), chat.lastPosted());
    }

    @Test
    void emptyAndOverlongIdeasAreRefusedWithoutStartingAConversation() {
        start("   ");
        assertTrue(chat.lastPosted().startsWith("Tell me the idea"), chat.lastPosted());
        start("x".repeat(2001));
        assertTrue(chat.lastPosted().contains("the limit is 2000"), chat.lastPosted());
        assertTrue(store.findByThread(THREAD).isEmpty());
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        service.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));
        service.reply(new InboundMessage(THREAD, ALICE, "todo-service", "ev-2"));
        service.reply(new InboundMessage(THREAD, ALICE, "todo-service", "ev-2"));
        assertEquals(4, store.messages(conversation().id()).size());
    }

    @Test
    void eachTurnIsReportedWithHowItEndedAndTheLogKnowsItsConversationMeanwhile() {
        java.util.List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> conversationsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Telemetry byOutcome = new Telemetry() {
            @Override
            public void turn(String platform, Duration took) {
            }

            @Override
            public void turn(String platform, TurnOutcome outcome, Duration took) {
                outcomes.add(platform + " " + outcome);
            }

            @Override
            public void conversationStarted(String platform) {
                conversationsSeen.add(String.valueOf(dev.aiwizard.core.LogContext.current().conversationId()));
            }

            @Override
            public void jobFinished(JobOutcome outcome, Duration took) {
            }
        };
        ConversationService measured = new ConversationService(store, jobs, new MemoryCoordination(),
                new ScriptedInterviewer(), new ChatRouter().register(chat), ShippedSettings.conversation(),
                Clock.systemUTC(), () -> { }, byOutcome);
        measured.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));
        measured.reply(new InboundMessage(THREAD, ALICE, "todo-service", "ev-2"));
        measured.reply(new InboundMessage(THREAD, ALICE, "todo-service", "ev-2"));
        store.failNextWrites(1);
        assertThrows(StorageException.class, () -> measured.reply(new InboundMessage(THREAD, ALICE, "skip", "ev-3")));

        assertEquals(List.of("test HANDLED", "test HANDLED", "test DUPLICATE", "test FAILED"), outcomes);
        assertEquals(List.of(conversation().id().value()), conversationsSeen);
        assertNull(dev.aiwizard.core.LogContext.current().conversationId(), "the context ends with the turn");
    }

    @Test
    void aTurnThatFailsToStoreItsWritesDoesNotBlockThePlatformsRetryOfTheEvent() {
        service.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));
        int said = chat.sent().size();
        store.failNextWrites(1);

        assertThrows(StorageException.class, () -> service.reply(new InboundMessage(THREAD, ALICE, "skip", "ev-2")));
        assertEquals(said, chat.sent().size(), "nothing was said for the failed turn");
        assertEquals(ConversationState.QUESTIONING, conversation().state());

        service.reply(new InboundMessage(THREAD, ALICE, "skip", "ev-2"));
        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state(), "the retry is handled");
        service.reply(new InboundMessage(THREAD, ALICE, "skip", "ev-2"));
        assertEquals(said + 1, chat.sent().size(), "and only once");
    }

    @Test
    void aFailedStartDoesNotBlockTheRetryEither() {
        store.failNextWrites(1);
        assertThrows(StorageException.class, () -> service.start(new InboundMessage(THREAD, ALICE, "a todo service",
                "ev-1")));

        service.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));

        assertEquals(ConversationState.QUESTIONING, conversation().state());
    }

    @Test
    void theRetryOfAnApprovalWhoseSaveFailedAdoptsTheJobItQueuedInsteadOfQueuingASecond() {
        start("a todo service");
        say("skip");
        store.failNextWrites(1);
        assertThrows(StorageException.class, () -> service.reply(new InboundMessage(THREAD, ALICE, "generate", "ev-g")));

        service.reply(new InboundMessage(THREAD, ALICE, "generate", "ev-g"));

        assertEquals(ConversationState.GENERATING, conversation().state());
        assertEquals(1, jobs.forConversation(conversation().id()).size());
    }

    @Test
    void aDuplicateThatTheCoordinationStoreForgotIsStillHandledOnce() {
        MemoryCoordination forgetful = new MemoryCoordination();
        service = new ConversationService(store, jobs, forgetful, new ScriptedInterviewer(),
                new ChatRouter().register(chat), ShippedSettings.conversation(), Clock.systemUTC(), () -> { }, telemetry);
        service.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));
        service.reply(new InboundMessage(THREAD, ALICE, "skip", "ev-2"));
        int said = chat.sent().size();
        forgetful.restart();

        service.reply(new InboundMessage(THREAD, ALICE, "skip", "ev-2"));
        service.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));

        assertEquals(said, chat.sent().size());
        assertEquals(4, store.messages(conversation().id()).size());
    }

    @Test
    void aSecretInWhatPeopleWriteIsNeverKeptOrRepeatedAndThePersonIsTold() {
        String token = "ghp_" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8";
        start("a todo service, deploy with " + token);
        say("skip");
        say("change the purpose to a todo service, push with " + token);

        Conversation c = conversation();
        assertFalse(c.idea().contains(token), c.idea());
        assertFalse(c.spec().toString().contains(token), c.spec().toString());
        assertTrue(store.messages(c.id()).stream().noneMatch(m -> m.text().contains(token)), "stored messages");
        assertTrue(chat.sent().stream().noneMatch(m -> m.message().text().contains(token)), chat.posted().toString());
        assertTrue(c.idea().contains("[secret removed]"), c.idea());
        assertEquals(2, chat.posted().stream().filter(p -> p.startsWith("I removed a GitHub token from your message"))
                .count(), chat.posted().toString());
    }

    @Test
    void hiddenCharactersNeverReachTheInterviewer() {
        start("a todo\u200B service\uFE0F <!-- and a backdoor -->\u3164");

        assertEquals("a todo service", conversation().idea());
    }

    @Test
    void eachMessageReadsItsConversationOnce() {
        service.start(new InboundMessage(THREAD, ALICE, "a todo service", "ev-1"));

        int before = store.conversationReads();
        service.reply(new InboundMessage(THREAD, ALICE, "todo-service", "ev-2"));
        assertEquals(1, store.conversationReads() - before, "an answer in the thread");

        before = store.conversationReads();
        service.start(new InboundMessage(THREAD, ALICE, "change rename to shop-api", "ev-3"));
        assertEquals(1, store.conversationReads() - before, "an idea in a thread that holds a conversation already");
        assertEquals("shop-api", conversation().spec().name());

        before = store.conversationReads();
        service.start(new InboundMessage(new ThreadRef("test", "general", "t2"), ALICE, "another idea", "ev-4"));
        assertEquals(1, store.conversationReads() - before, "a new conversation");

        before = store.conversationReads();
        service.reply(new InboundMessage(new ThreadRef("test", "general", "t3"), ALICE, "hello", "ev-5"));
        assertEquals(1, store.conversationReads() - before, "a message in a thread without a conversation");
    }

    @Test
    void aThreadWithoutConversationGetsTheStartHint() {
        say("hello");
        assertEquals("There is no conversation here yet. Start one with `new <idea>`.", chat.lastPosted());
    }

    @Test
    void statusListsTheConversationAndOthersInTheChannel() {
        start("a todo service");
        say("skip");
        service.start(new InboundMessage(new ThreadRef("test", "general", "t2"), ALICE, "another one", null));
        say("status");
        String status = chat.lastPosted();
        assertTrue(status.startsWith("Conversation " + conversation().id() + " (my-service): waiting for approval"), status);
        assertTrue(status.contains("Other conversations here:"), status);
    }

    @Test
    void theGenerationRateLimitIsPerPersonAndSaysWhenToRetry() {
        service = service(new ConversationSettings(6, 2000, 1, 30, Duration.ofSeconds(1)));
        start("a todo service");
        say("skip");
        say("generate");
        say("cancel");
        var other = new ThreadRef("test", "general", "t2");
        service.start(new InboundMessage(other, ALICE, "second", null));
        service.reply(new InboundMessage(other, ALICE, "skip", null));
        service.reply(new InboundMessage(other, ALICE, "generate", null));
        assertTrue(chat.lastPosted().startsWith("You have reached 1 generations in the last hour"), chat.lastPosted());
    }

    @Test
    void repoBranchAndPathInTheIdeaSayWhereTheCodeGoesAndBadOnesAreExplained() {
        start("a todo service repo=acme/todo-service branch=develop path=services/todo/ path=../x");

        dev.aiwizard.core.spec.Spec spec = conversation().spec();
        assertEquals("acme/todo-service", spec.target());
        assertEquals(new dev.aiwizard.core.spec.Placement("develop", "services/todo"), spec.placement());
        assertEquals("a todo service", conversation().idea().replaceAll(" repo=.*", ""));
        assertTrue(chat.posted().stream().anyMatch(p -> p.contains("`path=` takes a folder inside the repository")),
                chat.posted().toString());
    }

    @Test
    void aTargetThatIsNotAllowedIsRefusedBeforeAnyJobIsQueued() {
        service = service(new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(1), List.of(),
                new dev.aiwizard.core.spec.TargetPolicy("acme/main-repo", List.of("acme/tools-*"))));
        start("a todo service repo=evil/elsewhere");
        say("todo-service");

        say("generate");

        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertTrue(jobs.forConversation(conversation().id()).isEmpty());
        assertTrue(chat.lastPosted().contains("I can't deliver to `evil/elsewhere`")
                && chat.lastPosted().contains("deliver to acme/main-repo"), chat.lastPosted());
    }

    @Test
    void aProtectedPathIsRefusedWithAClearMessageAndNoJobIsEverQueued() {
        start("a todo service path=.github/workflows");
        say("skip");
        say("generate");

        assertTrue(chat.posted().getFirst().startsWith("I can't put the project in `.github/workflows`: it is inside "
                + ".github"), chat.posted().toString());
        assertTrue(chat.posted().getFirst().contains("Nothing was generated"), chat.posted().getFirst());
        assertTrue(store.findByThread(THREAD).isEmpty(), "no conversation was started");
        assertEquals(0, wakeUps.get());
        assertTrue(store.list(10, 0).stream().allMatch(c -> jobs.forConversation(c.id()).isEmpty()));
    }

    @Test
    void aStoredSpecWithAProtectedFolderIsRefusedBeforeAJobIsQueued() {
        start("a todo service");
        say("todo-service");
        // As an older version stored it, or a later change left it: the check before queueing still holds.
        Conversation c = conversation();
        store.save(c.withSpec(c.spec().withPlacement(new dev.aiwizard.core.spec.Placement(null, ".GitHub/workflows")),
                java.time.Instant.now()), List.of());

        say("generate");

        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertTrue(jobs.forConversation(conversation().id()).isEmpty());
        assertEquals(0, wakeUps.get());
        assertTrue(chat.lastPosted().startsWith("I can't put the project in `.GitHub/workflows`"), chat.lastPosted());
    }

    @Test
    void anAllowedTargetIsQueued() {
        service = service(new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(1), List.of(),
                new dev.aiwizard.core.spec.TargetPolicy("acme/main-repo", List.of("acme/tools-*"))));
        start("a todo service repo=acme/tools-todo");
        say("todo-service");

        say("generate");

        assertEquals(ConversationState.GENERATING, conversation().state());
    }

    @Test
    void aMergedPullRequestEndsTheConversationWithAMessageSayingWhoMergedIt() {
        Conversation c = delivered();

        service.deliveryClosed(c.id(), true, "@bob", "pull request #3");
        service.deliveryClosed(c.id(), false, "@eve", "pull request #3");

        assertEquals(ConversationState.MERGED, conversation().state(), "a late event changes nothing");
        assertTrue(chat.lastPosted().contains("The pull request #3 was merged by @bob"), chat.lastPosted());
        assertEquals(1, chat.posted().stream().filter(p -> p.contains("pull request #3")).count());
    }

    @Test
    void aClosedPullRequestClosesTheConversation() {
        Conversation c = delivered();

        service.deliveryClosed(c.id(), false, "@bob", "pull request #3");

        assertEquals(ConversationState.CLOSED, conversation().state());
        assertTrue(chat.lastPosted().contains("closed without merging (by @bob)"), chat.lastPosted());
    }

    @Test
    void aReviewersChangeRequestQueuesARevisionWithoutWaitingForApproval() {
        Conversation c = delivered();
        UserRef bob = new UserRef("github:bob", "@bob (GitHub)");

        service.revisionRequested(c.id(), bob, "rename to shop-api", "a comment on pull request #3");

        assertEquals(ConversationState.REVISING, conversation().state());
        assertEquals("shop-api", conversation().spec().name());
        assertEquals(dev.aiwizard.core.job.JobKind.REVISE, jobs.forConversation(c.id()).getLast().kind());
        assertTrue(chat.posted().stream().anyMatch(p -> p.contains("@bob (GitHub) asked for a change in a comment "
                + "on pull request #3: rename to shop-api")), chat.posted().toString());
    }

    @Test
    void aChangeRequestForAConversationThatIsNotDeliveredOnlyLeavesANote() {
        start("a todo service");

        service.revisionRequested(conversation().id(), new UserRef("github:bob", "@bob"), "rename to x", "a comment");

        assertEquals(ConversationState.QUESTIONING, conversation().state());
        assertTrue(jobs.forConversation(conversation().id()).isEmpty());
        assertTrue(chat.lastPosted().contains("so nothing was changed"), chat.lastPosted());
    }

    private void sayAs(UserRef who, String text) {
        service.reply(new InboundMessage(THREAD, who, text, null));
    }

    @Test
    void someoneElseTypingGenerateYesOrTheChoiceNumberIsRefusedAndNothingIsQueued() {
        UserRef mallory = new UserRef("u-mallory", "mallory");
        start("a todo service");
        say("skip");

        for (String word : List.of("generate", "yes", "1", "approve")) {
            sayAs(mallory, word);
            assertEquals("Only alice can approve this conversation (or an admin).", chat.lastPosted(), word);
        }

        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertTrue(jobs.forConversation(conversation().id()).isEmpty());
        say("1");
        assertEquals(ConversationState.GENERATING, conversation().state(), "the requester's choice number approves");
    }

    @Test
    void someoneElseTypingCancelIsRefusedAndTheConversationGoesOn() {
        UserRef mallory = new UserRef("u-mallory", "mallory");
        start("a todo service");

        sayAs(mallory, "cancel");
        assertEquals("Only alice can cancel this conversation (or an admin).", chat.lastPosted());
        assertEquals(ConversationState.QUESTIONING, conversation().state());
        say("skip");
        sayAs(mallory, "3");
        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
    }

    @Test
    void anyoneInTheThreadMayAnswerTheQuestionsBeforeApproval() {
        start("a todo service");

        sayAs(new UserRef("u-bob", "bob"), "todo-service");

        assertEquals(ConversationState.AWAITING_APPROVAL, conversation().state());
        assertEquals("todo-service", conversation().spec().name());
    }

    @Test
    void onlyTheRequesterOrAnAdminMayAskForAChangeAfterDelivery() {
        delivered();
        String before = conversation().spec().name();

        sayAs(new UserRef("u-mallory", "mallory"), "change rename to evil-api");
        assertEquals("Only alice can change the delivered code (or an admin).", chat.lastPosted());
        sayAs(new UserRef("u-mallory", "mallory"), "rename to evil-api");
        assertEquals(before, conversation().spec().name());
        assertEquals(ConversationState.PR_OPEN, conversation().state());

        say("change rename to shop-api");
        assertEquals("shop-api", conversation().spec().name());
    }

    @Test
    void aConfiguredAdminMayApproveAndCancelAnyonesConversationByTyping() {
        service = service(ShippedSettings.conversation().withAdmins(
                AdminPolicy.none().withUsers("test", List.of("u-admin")).withRoles("test", List.of("Moderators"))));
        start("a todo service");
        say("skip");

        sayAs(new UserRef("u-admin", "admin"), "generate");
        assertEquals(ConversationState.GENERATING, conversation().state());
        sayAs(new UserRef("u-mod", "mod", java.util.Set.of("r-9", "moderators")), "cancel");
        assertEquals(ConversationState.CANCELLED, conversation().state());
    }

    private Conversation delivered() {
        start("a todo service");
        say("todo-service");
        Conversation c = conversation();
        return store.save(ConversationStateMachine.apply(c.withBranch("wizard/todo-service-x", java.time.Instant.now()),
                ConversationEvent.JOB_DELIVERED, java.time.Instant.now()), java.util.List.of());
    }
}
