package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.testing.FaultyCoordination;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.RecordingChat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnGuardTest {
    private static final ThreadRef THREAD = new ThreadRef("test", "general", "t1");
    private static final UserRef ALICE = new UserRef("u-alice", "alice");

    private final MemoryConversationStore store = new MemoryConversationStore();
    private final FaultyCoordination coordination = new FaultyCoordination();
    private final RecordingChat chat = new RecordingChat();
    private final TurnGuard guard = new TurnGuard(store, coordination, new ChatRouter().register(chat),
            new ConversationSettings(6, 2000, 1, 2, Duration.ofMillis(10)));
    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void endTurn() {
        guard.endTurn();
    }

    private static InboundMessage message(String eventId) {
        return new InboundMessage(THREAD, ALICE, "todo-service", eventId);
    }

    @Test
    void aTurnRunsOnceAndItsEventIsThenKnownToBothStores() {
        guard.beginTurn();
        guard.inTurn(message("ev-1"), () -> {
            ran.incrementAndGet();
            store.recordEvent(TurnGuard.eventKey(message("ev-1")));
        });

        assertEquals(1, ran.get());
        assertFalse(guard.turnWasDuplicate());
        assertTrue(guard.seenBefore(message("ev-1")), "the coordination store remembers it");
        assertTrue(guard.turnWasDuplicate());
    }

    @Test
    void anEventTheCoordinationStoreForgotIsStillDroppedByTheDatabase() {
        store.recordEvent(TurnGuard.eventKey(message("ev-1")));
        guard.beginTurn();

        assertFalse(guard.seenBefore(message("ev-1")));
        guard.inTurn(message("ev-1"), ran::incrementAndGet);

        assertEquals(0, ran.get());
        assertTrue(guard.turnWasDuplicate());
    }

    @Test
    void aDuplicateRefusedAtCommitEndsTheTurnQuietly() {
        guard.beginTurn();
        guard.inTurn(message("ev-1"), () -> {
            throw new DuplicateEventException("test:ev-1");
        });

        assertTrue(guard.turnWasDuplicate());
        assertTrue(chat.sent().isEmpty());
    }

    @Test
    void whenTheCoordinationStoreIsDownTheDatabaseDecidesAlone() {
        coordination.unreachable(true);
        guard.beginTurn();

        assertFalse(guard.seenBefore(message("ev-1")));
        guard.inTurn(message("ev-1"), ran::incrementAndGet);

        assertEquals(1, ran.get());
    }

    @Test
    void whileAnotherTurnHoldsTheThreadTheMessageIsAskedForAgainAndNothingRuns() {
        coordination.locksBusy(true);

        guard.withLock(THREAD, ran::incrementAndGet);

        assertEquals(0, ran.get());
        assertEquals("I'm still busy with the previous message in this thread; please send that again in a moment.",
                chat.lastPosted());
        coordination.locksBusy(false);
        guard.withLock(THREAD, ran::incrementAndGet);
        assertEquals(1, ran.get());
    }

    @Test
    void aTurnWithoutWritesHasItsEventRecordedAlone() {
        guard.handledWithoutWrites(message("ev-1"));

        assertTrue(store.eventHandled(TurnGuard.eventKey(message("ev-1"))));
        assertTrue(guard.seenBefore(message("ev-1")));
    }

    @Test
    void theRateLimitsArePerPersonAndSayWhenToTryAgain() {
        InboundMessage start = message(null);
        assertEquals(Optional.empty(), guard.startRefused(start));
        assertEquals(Optional.empty(), guard.startRefused(start));
        assertEquals(Optional.of("You have started 2 conversations in the last hour. Please try again in 60 minutes."),
                guard.startRefused(start));
        assertEquals(Optional.empty(), guard.startRefused(new InboundMessage(THREAD, new UserRef("u-bob", "bob"),
                "idea", null)));

        assertEquals(Optional.empty(), guard.generationRefused(THREAD, ALICE));
        assertEquals(Optional.of("You have reached 1 generations in the last hour. Please try again in 60 minutes."),
                guard.generationRefused(THREAD, ALICE));
        assertEquals(List.of(), chat.sent(), "the guard only says; the turn decides where");
    }
}
