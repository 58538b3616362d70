package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.conversation.ConversationId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Inbox} promises; each test starts from an empty inbox. */
abstract class InboxContract {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration GONE = Duration.ofMillis(-1);
    private Inbox inbox;

    /** A new, empty inbox for one test. */
    protected abstract Inbox openInbox();

    @BeforeEach
    void open() {
        inbox = openInbox();
    }

    private static InboundEvent event(String text) {
        String id = "Ev" + ConversationId.random().value();
        return new InboundEvent(InboundEvent.key("slack", id), "slack",
                Map.of("type", "message", "text", text, "eventId", id), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void anAcceptedEventIsKeptWhileItsLeaseRunsAndClaimedOnceWhenItRanOut() {
        InboundEvent held = event("held");
        InboundEvent orphan = event("orphan");
        inbox.accept(held, "replica-a", HOUR);
        inbox.accept(orphan, "replica-b", GONE);

        List<InboundEvent> claimed = inbox.claim("replica-c", HOUR, 10);

        assertEquals(1, claimed.size(), claimed.toString());
        InboundEvent got = claimed.getFirst();
        assertEquals(orphan.key(), got.key());
        assertEquals(orphan.fields(), got.fields());
        assertEquals(orphan.receivedAt(), got.receivedAt());
        assertEquals(1, got.attempts());
        assertEquals(List.of(), inbox.claim("replica-d", HOUR, 10), "claimed once, under the new lease");
        assertEquals(2, inbox.pending());
    }

    @Test
    void acceptingAnEventTwiceKeepsItOnce() {
        InboundEvent e = event("twice");
        assertTrue(inbox.accept(e, "replica-a", GONE));
        assertFalse(inbox.accept(e, "replica-b", GONE), "the second time is a redelivery");

        assertEquals(1, inbox.pending());
        assertEquals(1, inbox.claim("replica-c", HOUR, 10).size());
    }

    @Test
    void doneEventsAreForgotten() throws Exception {
        InboundEvent a = event("a");
        InboundEvent b = event("b");
        inbox.accept(a, "replica-a", HOUR);
        inbox.accept(b, "replica-a", HOUR);

        inbox.done(List.of(a.key()));

        awaitPending(1);
        inbox.release("replica-a");
        assertEquals(List.of(b.key()), inbox.claim("replica-b", HOUR, 10).stream().map(InboundEvent::key).toList());
    }

    @Test
    void onlyTheOwnerRenewsAndOnlyWhatItNames() {
        InboundEvent kept = event("kept");
        InboundEvent failed = event("failed");
        inbox.accept(kept, "replica-a", GONE);
        inbox.accept(failed, "replica-a", GONE);

        inbox.renew("replica-a", List.of(kept.key()), HOUR);
        inbox.renew("replica-x", List.of(failed.key()), HOUR);

        assertEquals(List.of(failed.key()), inbox.claim("replica-b", HOUR, 10).stream().map(InboundEvent::key)
                .toList(), "the failed one is claimable, the renewed one is not");
    }

    @Test
    void releasedEventsAreClaimableAtOnce() {
        InboundEvent e = event("shutdown");
        inbox.accept(e, "replica-a", HOUR);
        assertEquals(List.of(), inbox.claim("replica-b", HOUR, 10));

        inbox.release("replica-a");

        assertEquals(1, inbox.claim("replica-b", HOUR, 10).size());
    }

    @Test
    void replicasClaimingTogetherEachGetADifferentEvent() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            InboundEvent e = event("e" + i);
            keys.add(e.key());
            inbox.accept(e, "dead-replica", GONE);
        }
        List<Future<List<InboundEvent>>> claims = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                String owner = "replica-" + i;
                claims.add(pool.submit((Callable<List<InboundEvent>>) () -> inbox.claim(owner, HOUR, 12)));
            }
        }
        List<String> won = new ArrayList<>();
        for (var c : claims) {
            c.get().forEach(e -> won.add(e.key()));
        }
        assertEquals(12, won.size(), "every event once: " + won);
        assertTrue(won.containsAll(keys));
    }

    private void awaitPending(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inbox.pending() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + inbox.pending() + " pending, not " + n);
            }
            Thread.sleep(10);
        }
    }
}
