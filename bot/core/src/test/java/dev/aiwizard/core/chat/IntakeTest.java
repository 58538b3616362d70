package dev.aiwizard.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.testing.MemoryInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IntakeTest {
    private static final Duration LEASE = Duration.ofMillis(300);
    private final MemoryInbox inbox = new MemoryInbox();
    private final List<String> replayed = new CopyOnWriteArrayList<>();
    private final Set<String> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Intake intake(String owner) {
        return new Intake(inbox, owner, LEASE, 3, handled::contains).register(new InboxReplayer() {
            @Override
            public String platform() {
                return "slack";
            }

            @Override
            public void replay(InboundEvent event) {
                replayed.add(owner + ":" + event.field("text"));
            }
        });
    }

    private static InboundEvent event(String id) {
        return new InboundEvent(InboundEvent.key("slack", id), "slack", Map.of("text", id), Instant.now());
    }

    @Test
    void anEventIsStoredBeforeItsAcknowledgementAndForgottenWhenItsWorkEnds() {
        Intake a = intake("a");
        a.accept(event("e1"));
        assertEquals(1, inbox.pending());

        a.finished(InboundEvent.key("slack", "e1"), true);

        assertEquals(0, inbox.pending());
    }

    @Test
    void whenTheEventCannotBeStoredTheAdapterHearsItAndMustNotAcknowledge() {
        inbox.down(true);
        assertThrows(StorageException.class, () -> intake("a").accept(event("e1")));
        assertEquals(0, intake("a").inHand());
    }

    @Test
    void aReplicaThatDiedLeavesItsEventsToAnotherOnceTheLeaseRanOut() throws Exception {
        intake("dead").accept(event("e1"));
        Intake b = intake("b");
        b.tick();
        assertEquals(List.of(), replayed, "still leased by the other replica");

        Thread.sleep(LEASE.toMillis() + 50);
        b.tick();

        assertEquals(List.of("b:e1"), replayed);
        b.finished(InboundEvent.key("slack", "e1"), true);
        assertEquals(0, inbox.pending());
    }

    @Test
    void aLiveReplicaKeepsItsEventsByRenewingTheirLease() throws Exception {
        Intake a = intake("a");
        a.accept(event("e1"));
        for (int i = 0; i < 4; i++) {
            Thread.sleep(LEASE.toMillis() / 3);
            a.tick();
        }
        intake("b").tick();
        assertEquals(List.of(), replayed, "renewed past its first lease");
    }

    @Test
    void aFailedTurnIsTriedAgainAfterItsLeaseAndGivenUpAfterTheLastAttempt() throws Exception {
        Intake a = intake("a");
        a.accept(event("e1"));
        a.finished(InboundEvent.key("slack", "e1"), false);
        for (int attempt = 1; attempt <= 4; attempt++) {
            Thread.sleep(LEASE.toMillis() + 50);
            a.tick();
            a.finished(InboundEvent.key("slack", "e1"), false);
        }
        assertEquals(List.of("a:e1", "a:e1", "a:e1"), replayed, "three attempts, then given up");
        assertEquals(0, inbox.pending());
    }

    @Test
    void anEventWhoseTurnWasCommittedIsOnlyForgottenWhenClaimed() throws Exception {
        intake("dead").accept(event("e1"));
        handled.add(InboundEvent.key("slack", "e1"));
        Thread.sleep(LEASE.toMillis() + 50);

        intake("b").tick();

        assertEquals(List.of(), replayed);
        assertEquals(0, inbox.pending());
    }

    @Test
    void atShutdownTheEventsInHandGoToAnotherReplicaAtOnce() {
        Intake a = intake("a");
        a.accept(event("e1"));

        a.close();
        intake("b").tick();

        assertEquals(List.of("b:e1"), replayed);
        assertThrows(IllegalStateException.class, () -> a.accept(event("e2")), "no new events after close");
    }
}
