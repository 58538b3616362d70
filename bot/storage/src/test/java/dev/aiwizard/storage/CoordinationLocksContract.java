package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.coordination.Coordination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link Coordination} promises about its named locks, with short leases so the suite stays fast. It
 * holds also for coordination that works degraded (Redis away, locks in the database), which keeps no other promise
 * of {@link CoordinationContract}. Each test uses fresh names, so the tests do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CoordinationLocksContract {
    static final Duration LONG = Duration.ofSeconds(30);

    private Coordination coordination;

    /** The coordination under test, opened once for the class. */
    protected abstract Coordination open();

    /** The coordination under test. */
    final Coordination coordination() {
        return coordination;
    }

    @BeforeAll
    void openCoordination() {
        coordination = open();
    }

    @AfterAll
    void closeCoordination() {
        if (coordination != null) {
            coordination.close();
        }
    }

    @Test
    void aLockIsHeldByOneThreadAtATime() throws Exception {
        String name = key("thread");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Boolean> got = race(8, () -> {
            Optional<Coordination.Lock> lock = coordination.lock(name, Duration.ofSeconds(10), LONG);
            if (lock.isEmpty()) {
                return false;
            }
            try {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(20);
                inside.decrementAndGet();
            } finally {
                lock.get().close();
            }
            return true;
        });

        assertEquals(List.of(true, true, true, true, true, true, true, true), got);
        assertEquals(1, mostInside.get());
    }

    @Test
    void waitingForAHeldLockGivesUpAfterTheWait() {
        String name = key("thread");
        Coordination.Lock held = coordination.lock(name, Duration.ZERO, LONG).orElseThrow();
        try {
            long start = System.nanoTime();
            Optional<Coordination.Lock> second = coordination.lock(name, Duration.ofMillis(200), LONG);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(second.isEmpty());
            assertTrue(waitedMillis >= 150, "waited only " + waitedMillis + " ms");
            assertTrue(waitedMillis < 5_000, "waited " + waitedMillis + " ms");
        } finally {
            held.close();
        }
    }

    @Test
    void aReleasedLockCanBeTakenAtOnce() {
        String name = key("thread");
        coordination.lock(name, Duration.ZERO, LONG).orElseThrow().close();

        assertTrue(coordination.lock(name, Duration.ZERO, LONG).isPresent());
    }

    @Test
    void aLockHeldPastItsLeaseByALiveHolderIsNotGrantedToAnother() throws Exception {
        String name = key("thread");
        // A slow model turn: the holder is alive and busy well past the lease it asked for.
        Coordination.Lock held = coordination.lock(name, Duration.ZERO, Duration.ofMillis(500)).orElseThrow();
        try {
            Optional<Coordination.Lock> other = onAnotherThread(() -> coordination.lock(name, Duration.ofSeconds(2),
                    LONG));

            assertTrue(other.isEmpty(), "granted to another while its holder still worked, four leases later");
        } finally {
            held.close();
        }
        assertTrue(onAnotherThread(() -> coordination.lock(name, Duration.ZERO, LONG)).isPresent(),
                "free at once when closed");
    }

    @Test
    void aLockWhoseHolderEndedWithoutReleasingItFreesItselfWhenItsLeaseRunsOut() throws Exception {
        String name = key("thread");
        onAnotherThread(() -> coordination.lock(name, Duration.ZERO, Duration.ofSeconds(1)).orElseThrow());

        assertTrue(coordination.lock(name, Duration.ZERO, LONG).isEmpty(), "held until its lease runs out");
        assertTrue(coordination.lock(name, Duration.ofSeconds(10), LONG).isPresent(), "then free");
    }

    @Test
    void aHolderWhoseLeaseRanOutCannotFreeItsSuccessorsLock() throws Exception {
        String name = key("thread");
        Coordination.Lock expired = onAnotherThread(() -> coordination.lock(name, Duration.ZERO,
                Duration.ofMillis(100)).orElseThrow());
        Coordination.Lock successor = coordination.lock(name, Duration.ofSeconds(10), LONG).orElseThrow();

        expired.close();

        assertTrue(coordination.lock(name, Duration.ofMillis(100), LONG).isEmpty());
        successor.close();
        assertTrue(coordination.lock(name, Duration.ZERO, LONG).isPresent());
    }

    static String key(String what) {
        return what + ":" + Ids.random(10);
    }

    /** Runs {@code task} on a thread of its own that ends when the task does, as a turn on its virtual thread. */
    static <T> T onAnotherThread(Callable<T> task) throws Exception {
        try (ExecutorService one = Executors.newVirtualThreadPerTaskExecutor()) {
            return one.submit(task).get();
        }
    }

    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        // Virtual threads, as the bot uses them: waiting for a lock must not need a platform thread each.
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> r : results) {
                out.add(r.get());
            }
            return out;
        }
    }
}
