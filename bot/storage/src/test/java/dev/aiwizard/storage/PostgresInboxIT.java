package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.testing.NeedsServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbox contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresInboxIT extends InboxContract {
    private TestDatabase database;

    @Override
    protected Inbox openInbox() {
        database = TestDatabase.postgres();
        return database.storage().inbox();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /**
     * Every event leaves a dead row behind once forgotten. Left to autovacuum (off on some servers, at most once a
     * minute on others) a busy inbox grew without bound and each write got slower (the inbox alone fell from 6,000 to
     * 3,000 events a second within 20 seconds): the inbox sweeps its own table.
     */
    @Test
    void aBusyInboxSweepsItsOwnDeadRows() throws Exception {
        Inbox inbox = database.storage().inbox();
        int events = DbInbox.SWEEP_EVERY + 500;
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < 32; s++) {
                int sender = s;
                senders.submit(() -> {
                    for (int i = sender; i < events; i += 32) {
                        InboundEvent e = new InboundEvent(InboundEvent.key("slack", "Ev" + i), "slack",
                                Map.of("text", "reply " + i), Instant.now());
                        inbox.accept(e, "replica-a", Duration.ofMinutes(1));
                        inbox.done(List.of(e.key()));
                    }
                    return null;
                });
            }
        }
        String sweeps = "SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = '" + database.schema()
                + "' AND relname = 'inbox'";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestDatabase.queryNumber(sweeps) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(TestDatabase.queryNumber(sweeps) >= 1, "the inbox table was never vacuumed");
    }

    /**
     * Two replicas storing the same events at once (Slack retried to the other replica while the first still held
     * its batch) in opposite orders: each batch waited for a row the other had inserted and not yet committed, and
     * PostgreSQL broke the deadlock by failing one batch, whose events were then refused. Seen in the scale benchmark.
     */
    private static Void accept(Inbox inbox, InboundEvent e, String owner, java.util.concurrent.CountDownLatch go,
                               java.util.concurrent.atomic.AtomicInteger refused) throws InterruptedException {
        go.await();
        try {
            inbox.accept(e, owner, Duration.ofMinutes(1));
        } catch (dev.aiwizard.core.StorageException refusal) {
            refused.incrementAndGet();
        }
        return null;
    }

    @Test
    void twoReplicasStoringTheSameEventsInOppositeOrdersNeverFailABatch() throws Exception {
        Inbox a = database.storage().inbox();
        String schema = database.schema();
        try (Storage other = Storage.open(TestDatabase.postgresSettings(schema))) {
            Inbox b = other.inbox();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            for (int round = 0; round < 30; round++) {
                List<InboundEvent> events = new java.util.ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    events.add(new InboundEvent(InboundEvent.key("slack", "Ev" + round + "-" + i), "slack",
                            Map.of("text", "x"), Instant.now()));
                }
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < events.size(); i++) {
                        InboundEvent up = events.get(i);
                        InboundEvent down = events.get(events.size() - 1 - i);
                        senders.submit(() -> accept(a, up, "replica-a", go, refused));
                        senders.submit(() -> accept(b, down, "replica-b", go, refused));
                    }
                    go.countDown();
                }
            }
            assertTrue(refused.get() == 0, refused.get() + " accepts were refused");
        }
    }
}
