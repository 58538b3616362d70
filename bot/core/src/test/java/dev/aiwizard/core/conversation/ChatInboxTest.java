package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryInbox;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.RecordingChat;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbound port on the in-memory fakes: every rule an adapter used to decide for itself. */
class ChatInboxTest {
    private static final ThreadRef THREAD = new ThreadRef("test", "general", "t1");
    private static final UserRef ALICE = new UserRef("u-alice", "alice");

    private final MemoryConversationStore store = new MemoryConversationStore();
    private final MemoryCoordination coordination = new MemoryCoordination();
    private final RecordingChat chat = new RecordingChat();
    private final MemoryInbox kept = new MemoryInbox();
    private final Intake intake = new Intake(kept, "replica-1", Duration.ofSeconds(30), 3, store::eventHandled);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ThreadQueues queues = new ThreadQueues(executor, new TurnLimits(10, 100), "test");
    private final ConversationService service = new ConversationService(store, new MemoryJobStore(), coordination,
            new ScriptedInterviewer(), new ChatRouter().register(chat), ShippedSettings.conversation(),
            Clock.systemUTC(), () -> { }, Telemetry.NONE);

    private ChatInbox inbox(boolean platformRedelivers) {
        return inbox(platformRedelivers, true);
    }

    private ChatInbox inbox(boolean platformRedelivers, boolean sieveInBatches) {
        return new ChatInbox(service, intake, queues, chat, Clock.systemUTC(),
                new ChatInbox.Policy(platformRedelivers, sieveInBatches));
    }

    private ChatInbox inbox = inbox(true);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static ChatEvent.ThreadMessage message(String id, String text, boolean addressed) {
        return new ChatEvent.ThreadMessage(THREAD, ALICE, text, id,
                addressed ? ChatEvent.IfNone.START : ChatEvent.IfNone.IGNORE);
    }

    private void idle() {
        await(() -> !inbox.isBusy());
    }

    @Test
    void aMessageToTheBotStartsAConversationOrContinuesTheOneTheThreadHolds() {
        assertEquals(ChatInbox.Outcome.QUEUED, inbox.accept(message("e1", "a todo service", true), Map.of()));
        idle();
        Conversation started = store.findByThread(THREAD).orElseThrow();

        int reads = store.conversationReads();
        assertEquals(ChatInbox.Outcome.QUEUED, inbox.accept(message("e2", "skip", true), Map.of()));
        idle();

        assertEquals(1, store.conversationReads() - reads, "one read of the conversation for the turn");
        assertEquals(started.id(), store.findByThread(THREAD).orElseThrow().id(), "continued, not a second start");
        assertEquals(2, store.messages(started.id()).stream().filter(m -> m.author() == Author.USER).count());
        assertEquals(0, kept.pending(), "both events are done");
    }

    @Test
    void aMessageNotAddressedToTheBotInAThreadWithoutAConversationCostsNoConversationRead() {
        // The index of conversation threads is complete once rebuilt from the (empty) database.
        await(() -> !service.mayHoldConversation(THREAD));
        int reads = store.conversationReads();

        assertEquals(ChatInbox.Outcome.QUEUED, inbox.accept(message("e1", "lunch, anyone?", false), Map.of()));
        idle();

        assertEquals(reads, store.conversationReads());
        assertTrue(chat.posted().isEmpty(), chat.posted().toString());
        assertEquals(0, kept.pending(), "dropped is done, not retried");
    }

    @Test
    void theIndexDropsSuchAMessageInTheQueuedTurnToo() {
        inbox = inbox(false, false);
        await(() -> !service.mayHoldConversation(THREAD));
        int reads = store.conversationReads();

        inbox.handle(message("e1", "lunch, anyone?", false));
        inbox.handle(new ChatEvent.Unreadable(THREAD, ALICE, t -> chat.post(t,
                dev.aiwizard.core.chat.BotMessage.text("hint"))));
        idle();

        assertEquals(reads, store.conversationReads());
        assertTrue(chat.posted().isEmpty(), chat.posted().toString());
    }

    @Test
    void anAnswerInAConversationsThreadContinuesIt() {
        inbox.accept(message("e1", "a todo service", true), Map.of());
        idle();
        int posted = chat.posted().size();

        inbox.accept(message("e2", "skip", false), Map.of());
        idle();

        assertTrue(chat.posted().size() > posted, "the conversation answered");
        ConversationId id = store.findByThread(THREAD).orElseThrow().id();
        assertTrue(store.messages(id).stream().anyMatch(m -> m.text().equals("skip")));
    }

    @Test
    void aRedeliveredEventIsAcknowledgedAndRunOnce() {
        ChatEvent first = message("e1", "a todo service", true);

        assertEquals(ChatInbox.Outcome.QUEUED, inbox.accept(first, Map.of()));
        // The retry arrives while the first is still in hand.
        ChatInbox.Outcome again = inbox.accept(first, Map.of());
        idle();
        inbox.replay(first); // and once more after the turn was committed: the service drops it
        idle();

        assertEquals(ChatInbox.Outcome.DUPLICATE, again);
        ConversationId id = store.findByThread(THREAD).orElseThrow().id();
        assertEquals(1, store.messages(id).stream().filter(m -> m.author() == Author.USER).count());
    }

    @Test
    void aNewConversationLivesInTheThreadItsOpenerMade() {
        ThreadRef opened = new ThreadRef("test", "general", "root-1");

        inbox.accept(new ChatEvent.NewConversation("test", "general", ALICE, "a todo service", "c1",
                () -> Optional.of(opened)), Map.of());
        idle();

        assertTrue(store.findByThread(opened).isPresent());
        assertEquals(0, kept.pending());
    }

    @Test
    void aThreadThatCouldNotBeOpenedStartsNothing() {
        AtomicInteger asked = new AtomicInteger();

        inbox.accept(new ChatEvent.NewConversation("test", "general", ALICE, "a todo service", "c1", () -> {
            asked.incrementAndGet();
            return Optional.empty();
        }), Map.of());
        idle();

        assertEquals(1, asked.get());
        assertTrue(store.listOpen("test", 10).isEmpty());
        assertEquals(0, kept.pending(), "the person was told; nothing to retry");
    }

    @Test
    void aChoicePressedInAThreadWithoutAConversationIsIgnored() {
        inbox.accept(new ChatEvent.ChoicePressed(THREAD, ALICE, "generate", "a1"), Map.of());
        idle();

        assertTrue(store.findByThread(THREAD).isEmpty());
        assertTrue(chat.posted().isEmpty(), chat.posted().toString());
    }

    @Test
    void aChoiceIsTheConversationsRuleAsTypingItIs() {
        inbox.accept(message("e1", "a todo service", true), Map.of());
        idle();
        int before = chat.posted().size();

        inbox.accept(new ChatEvent.ChoicePressed(THREAD, new UserRef("u-bob", "bob"), "cancel", "a1"), Map.of());
        idle();

        assertFalse(store.findByThread(THREAD).orElseThrow().state().isFinal(), "bob may not cancel alice's");
        assertEquals(before + 1, chat.posted().size(), "bob is told so: " + chat.posted());
    }

    @Test
    void anEventRefusedForNowIsTakenBackWhereThePlatformRetriesAndKeptWhereItDoesNot() {
        queues.stopAccepting();

        assertEquals(ChatInbox.Outcome.BUSY, inbox(true).accept(message("e1", "a todo service", true), Map.of()));
        assertEquals(0, kept.pending(), "withdrawn: the platform's retry is new");
        assertEquals(ChatInbox.Outcome.BUSY, inbox(false).accept(message("e2", "a todo service", true), Map.of()));
        assertEquals(1, kept.pending(), "kept: replayed once its lease runs out");
    }

    @Test
    void whereThereAreNoThreadsAMessageContinuesTheNewestOpenConversationOrStartsOne() {
        ChatEvent.Place dm = ChatEvent.Place.latestIn("test", "dm-alice");

        inbox.handle(new ChatEvent.ThreadMessage(dm, ALICE, "a todo service", "m1", ChatEvent.IfNone.START));
        idle();
        ThreadRef started = new ThreadRef("test", "dm-alice", "m1");
        ConversationId id = store.findByThread(started).orElseThrow().id();
        inbox.handle(new ChatEvent.ThreadMessage(dm, ALICE, "skip", "m2", ChatEvent.IfNone.START));
        idle();

        assertEquals(1, store.listOpen("test", 10).size(), "continued, not a second start");
        assertTrue(store.messages(id).stream().anyMatch(m -> m.text().equals("skip")));
    }

    @Test
    void anAnswerWithNoConversationToGoToIsToldSoOnceItsWorkEnded() {
        java.util.List<ChatInbox.Ended> ended = new java.util.concurrent.CopyOnWriteArrayList<>();

        inbox.accept(new ChatEvent.ThreadMessage(ChatEvent.Place.latestIn("test", "dm-alice"), ALICE, "skip", "i1",
                ChatEvent.IfNone.HINT), Map.of(), ended::add);
        inbox.accept(new ChatEvent.ThreadMessage(THREAD, ALICE, "skip", "i2", ChatEvent.IfNone.HINT), Map.of(),
                ended::add);
        idle();

        assertEquals(java.util.List.of(ChatInbox.Ended.NO_CONVERSATION, ChatInbox.Ended.HANDLED), ended);
        assertEquals(1, chat.posted().size(), "the thread hears how to start one: " + chat.posted());
        assertEquals(0, kept.pending());
    }

    @Test
    void anUnreadableMessageGetsItsHintOnlyInAConversationsThread() {
        java.util.List<ThreadRef> hinted = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadRef other = new ThreadRef("test", "general", "t2");
        inbox.accept(message("e1", "a todo service", true), Map.of());
        idle();

        inbox.handle(new ChatEvent.Unreadable(THREAD, ALICE, hinted::add));
        inbox.handle(new ChatEvent.Unreadable(other, ALICE, hinted::add));
        idle();

        assertEquals(java.util.List.of(THREAD), hinted);
    }

    @Test
    void aCommandIsAnsweredWithTheCoresWords() {
        java.util.List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        inbox.accept(message("e1", "a todo service", true), Map.of());
        idle();

        inbox.handle(new ChatEvent.Command("test", "general", ALICE, ChatEvent.Command.Show.STATUS, answers::add));
        inbox.handle(new ChatEvent.Command("test", "general", ALICE, ChatEvent.Command.Show.HELP, answers::add));
        idle();

        assertEquals(java.util.List.of(service.channelOverview("test", "general"), service.helpText("new <idea>")),
                answers);
    }

    @Test
    void everyKindOfEventSaysWhenItsWorkEndedSoASurfaceCanWaitForIt() throws Exception {
        ThreadRef opened = new ThreadRef("test", "general", "root-1");

        assertEquals(ChatInbox.Ended.HANDLED, ended(new ChatEvent.NewConversation("test", "general", ALICE,
                "a todo service", null, () -> Optional.of(opened))));
        assertTrue(store.findByThread(opened).isPresent(), "started before it said so");
        assertEquals(ChatInbox.Ended.HANDLED, ended(new ChatEvent.ThreadMessage(opened, ALICE, "skip", null,
                ChatEvent.IfNone.HINT)));
        assertEquals(ConversationState.AWAITING_APPROVAL, store.findByThread(opened).orElseThrow().state());
        assertEquals(ChatInbox.Ended.HANDLED, ended(new ChatEvent.ChoicePressed(opened, ALICE, "cancel", null)));
        assertEquals(ConversationState.CANCELLED, store.findByThread(opened).orElseThrow().state());
        assertEquals(ChatInbox.Ended.HANDLED, ended(new ChatEvent.Command("test", "general", ALICE,
                ChatEvent.Command.Show.HELP, answer -> { })));
        assertEquals(ChatInbox.Ended.NO_CONVERSATION, ended(new ChatEvent.Unreadable(
                new ThreadRef("test", "general", "t9"), ALICE, t -> { })));
        assertEquals(ChatInbox.Ended.FAILED, ended(new ChatEvent.NewConversation("test", "general", ALICE,
                "a todo service", null, () -> {
                    throw new IllegalStateException("the platform is down");
                })));
    }

    private ChatInbox.Ended ended(ChatEvent event) throws Exception {
        CompletableFuture<ChatInbox.Ended> ended = new CompletableFuture<>();
        assertTrue(inbox.handle(event, ended::complete), "queued");
        return ended.get(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier check) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not so after 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
