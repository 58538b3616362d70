package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.job.UsageTotal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link UsageLedger} promises. Each test uses fresh users and conversations, so the tests do not depend
 * on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UsageLedgerContract {
    private UsageLedger ledger;

    /** The ledger under test, opened once for the class. */
    protected abstract UsageLedger openLedger();

    @BeforeAll
    void openTheLedger() {
        ledger = openLedger();
    }

    @Test
    void someoneWhoUsedNothingHasUsedNothing() {
        ledger.record(ConversationId.random(), user(), "openai/gpt-4.1", new ModelUsage(2, 100, 50), T0);

        assertEquals(ModelUsage.NONE, ledger.usedBy(user(), T0.minus(Duration.ofDays(365))));
        assertEquals(ModelUsage.NONE, ledger.usedIn(ConversationId.random()));
    }

    @Test
    void aPersonsUsageCountsOnlyTheirWorkFromTheGivenInstantOn() {
        String zoe = user();
        String other = user();
        ConversationId first = ConversationId.random();
        ConversationId second = ConversationId.random();
        ledger.record(first, zoe, "openai/gpt-4.1", new ModelUsage(1, 100, 10), T0.minusMillis(1));
        ledger.record(first, zoe, "openai/gpt-4.1", new ModelUsage(2, 200, 20), T0);
        ledger.record(second, zoe, "openai/gpt-4.1", new ModelUsage(3, 300, 30), T0.plus(Duration.ofHours(5)));
        ledger.record(first, other, "openai/gpt-4.1", new ModelUsage(4, 400, 40), T0.plusSeconds(1));

        assertEquals(new ModelUsage(5, 500, 50), ledger.usedBy(zoe, T0), "from T0 on, inclusive");
        assertEquals(new ModelUsage(6, 600, 60), ledger.usedBy(zoe, T0.minusMillis(1)));
        assertEquals(new ModelUsage(3, 300, 30), ledger.usedBy(zoe, T0.plusMillis(1)));
        assertEquals(ModelUsage.NONE, ledger.usedBy(zoe, T0.plus(Duration.ofHours(6))));
        assertEquals(new ModelUsage(4, 400, 40), ledger.usedBy(other, T0));
    }

    @Test
    void aConversationsUsageCountsEveryonesWorkForItAndNothingElse() {
        ConversationId c = ConversationId.random();
        ConversationId other = ConversationId.random();
        String requester = user();
        ledger.record(c, requester, "openai/gpt-4.1", new ModelUsage(1, 100, 10), T0);
        ledger.record(c, user(), "openai/gpt-4.1", new ModelUsage(2, 200, 20), T0.plus(Duration.ofDays(30)));
        ledger.record(other, requester, "openai/gpt-4.1", new ModelUsage(4, 400, 40), T0);

        assertEquals(new ModelUsage(3, 300, 30), ledger.usedIn(c));
        assertEquals(new ModelUsage(4, 400, 40), ledger.usedIn(other));
    }

    @Test
    void tokenCountsBeyondTwoBillionAddUp() {
        ConversationId c = ConversationId.random();
        String heavy = user();
        ledger.record(c, heavy, "openai/gpt-4.1", new ModelUsage(1, 3_000_000_000L, 2_500_000_000L), T0);
        ledger.record(c, heavy, "openai/gpt-4.1", new ModelUsage(1, 3_000_000_000L, 2_500_000_000L), T0);

        assertEquals(new ModelUsage(2, 6_000_000_000L, 5_000_000_000L), ledger.usedBy(heavy, T0));
        assertEquals(new ModelUsage(2, 6_000_000_000L, 5_000_000_000L), ledger.usedIn(c));
    }

    @Test
    void recordsFromManyThreadsAtOnceAllCount() throws Exception {
        ConversationId c = ConversationId.random();
        String busy = user();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        ledger.record(c, busy, "openai/gpt-4.1", new ModelUsage(1, 10, 3), T0.plusMillis(i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
        }
        assertEquals(new ModelUsage(200, 2_000, 600), ledger.usedBy(busy, T0));
        assertEquals(new ModelUsage(200, 2_000, 600), ledger.usedIn(c));
    }

    @Test
    void totalsAreByPersonAndModelFromTheGivenTimeOn() {
        ConversationId c = ConversationId.random();
        String ana = "A" + user();
        String bo = "B" + user();
        ledger.record(c, ana, "openai/gpt-4.1", new ModelUsage(1, 100, 10), T0);
        ledger.record(c, ana, "openai/gpt-4.1", new ModelUsage(2, 200, 20), T0.plusSeconds(5));
        ledger.record(c, ana, "anthropic/claude-sonnet-4", new ModelUsage(1, 50, 5), T0);
        ledger.record(c, bo, "openai/gpt-4.1", new ModelUsage(4, 400, 40), T0);
        ledger.record(c, bo, "openai/gpt-4.1", new ModelUsage(9, 900, 90), T0.minusSeconds(1));

        List<UsageTotal> ours = ledger.totals(T0).stream()
                .filter(t -> t.userId().equals(ana) || t.userId().equals(bo)).toList();

        assertEquals(List.of(new UsageTotal(ana, "anthropic/claude-sonnet-4", new ModelUsage(1, 50, 5)),
                new UsageTotal(ana, "openai/gpt-4.1", new ModelUsage(3, 300, 30)),
                new UsageTotal(bo, "openai/gpt-4.1", new ModelUsage(4, 400, 40))), ours);
    }

    private static String user() {
        return "U" + Ids.random(10);
    }
}
