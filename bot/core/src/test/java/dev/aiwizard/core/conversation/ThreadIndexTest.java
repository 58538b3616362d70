package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.testing.FaultyCoordination;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ThreadIndexTest {
    private static final UserRef ALICE = new UserRef("u-alice", "alice");
    private final MemoryConversationStore store = new MemoryConversationStore();
    private final MemoryCoordination coordination = new MemoryCoordination();
    private final ThreadIndex index = new ThreadIndex(store, coordination);

    @Test
    void aListedThreadMayHoldAConversationAndOnceTheIndexIsCompleteAnUnlistedOneSurelyHoldsNone() {
        ThreadRef listed = new ThreadRef("test", "c", "t1");
        ThreadRef unlisted = new ThreadRef("test", "c", "t2");
        index.add(listed);

        assertEquals(List.of(true, true), index.mayHold(List.of(listed, unlisted)), "maybe, until rebuilt");
        await(() -> !index.mayHold(List.of(unlisted)).getFirst());
        assertEquals(List.of(true, false), index.mayHold(List.of(listed, unlisted)));
    }

    @Test
    void whenTheCoordinationStoreFailsEveryThreadMayHoldAConversation() {
        FaultyCoordination unreachable = new FaultyCoordination();
        unreachable.unreachable(true);
        ThreadIndex failing = new ThreadIndex(store, unreachable);

        assertEquals(List.of(true, true), failing.mayHold(List.of(new ThreadRef("test", "c", "t1"),
                new ThreadRef("test", "c", "t2"))));
    }

    @Test
    void threadsOfTwoPlatformsAreNotAskedAboutTogether() {
        assertThrows(IllegalArgumentException.class, () -> index.mayHold(List.of(new ThreadRef("a", "c", "t"),
                new ThreadRef("b", "c", "t"))));
    }

    @Test
    void theLatestUnfinishedConversationOfAChannelSkipsThoseThatAreOver() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        Conversation older = Conversation.start(ConversationId.random(), new ThreadRef("test", "dm", "t1"), ALICE,
                "older", t0);
        Conversation newer = Conversation.start(ConversationId.random(), new ThreadRef("test", "dm", "t2"), ALICE,
                "newer", t0.plusSeconds(60));
        store.create(older, List.of());
        store.create(newer, List.of());
        assertEquals(Optional.of(newer.id()), index.latestUnfinished("test", "dm").map(Conversation::id));

        store.save(ConversationStateMachine.apply(newer, ConversationEvent.CANCEL_REQUESTED, t0.plusSeconds(90)),
                List.of());

        assertEquals(Optional.of(older.id()), index.latestUnfinished("test", "dm").map(Conversation::id));
    }

    private static void await(BooleanSupplier done) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not done after 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
