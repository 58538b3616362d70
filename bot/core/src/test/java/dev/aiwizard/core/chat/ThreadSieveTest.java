package dev.aiwizard.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadSieveTest {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> askedSizes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private ThreadQueues queues(int limit) {
        return new ThreadQueues(executor, new TurnLimits(limit, limit), "test");
    }

    private static ThreadRef thread(String id) {
        return new ThreadRef("slack", "C1", id);
    }

    private Function<List<ThreadRef>, List<Boolean>> holding(Set<String> conversations) {
        return threads -> {
            askedSizes.add(threads.size());
            return threads.stream().map(t -> conversations.contains(t.thread())).toList();
        };
    }

    private static void awaitQuiet(ThreadSieve sieve) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sieve.busy() > 0) {
            assertTrue(System.nanoTime() < end, "the sieve never went quiet");
            Thread.sleep(5);
        }
    }

    @Test
    void workForThreadsWithoutAConversationIsDroppedAndTheRestRunsInOrder() throws Exception {
        ThreadSieve sieve = new ThreadSieve(holding(Set.of("t1")), queues(100));

        sieve.submitIfConversation(thread("t1"), "t1", () -> ran.add("t1 first"));
        sieve.submitIfConversation(thread("t2"), "t2", () -> ran.add("t2"));
        sieve.submit("t1", () -> ran.add("t1 unchecked"));
        sieve.submitIfConversation(thread("t1"), "t1", () -> ran.add("t1 last"));
        awaitQuiet(sieve);

        assertEquals(List.of("t1 first", "t1 unchecked", "t1 last"), ran);
    }

    @Test
    void workBehindEarlierWorkInItsThreadIsLeftToTheTurnSinceThatWorkMayStartAConversation() throws Exception {
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ThreadSieve sieve = new ThreadSieve(holding(Set.of()), queues(100));

        // A mention starting a conversation in t2, still running when a plain reply in t2 arrives.
        sieve.submit("t2", () -> {
            starting.countDown();
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("t2 start");
        });
        assertTrue(starting.await(10, TimeUnit.SECONDS));
        sieve.submitIfConversation(thread("t2"), "t2", () -> ran.add("t2 reply"));
        sieve.submitIfConversation(thread("t3"), "t3", () -> ran.add("t3 elsewhere"));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (askedSizes.isEmpty()) { // the sieve asks the index while the start still runs
            assertTrue(System.nanoTime() < end, "the index was never asked");
            Thread.sleep(1);
        }
        started.countDown();
        awaitQuiet(sieve);

        assertEquals(List.of("t2 start", "t2 reply"), ran);
    }

    @Test
    void whatArrivesWhileTheIndexIsAskedIsAskedAboutInOneBatch() throws Exception {
        CountDownLatch firstAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<List<ThreadRef>, List<Boolean>> slow = threads -> {
            askedSizes.add(threads.size());
            firstAsked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return threads.stream().map(t -> true).toList();
        };
        ThreadSieve sieve = new ThreadSieve(slow, queues(100));

        sieve.submitIfConversation(thread("a"), "a", () -> ran.add("a"));
        assertTrue(firstAsked.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 20; i++) {
            String id = "b" + i;
            sieve.submitIfConversation(thread(id), id, () -> ran.add(id));
        }
        release.countDown();
        awaitQuiet(sieve);

        assertEquals(List.of(1, 20), askedSizes, "one ask for the first, one for the twenty that waited");
        assertEquals(21, ran.size());
    }

    @Test
    void whenTheIndexFailsEverythingIsQueued() throws Exception {
        ThreadSieve sieve = new ThreadSieve(threads -> {
            throw new IllegalStateException("Redis is down");
        }, queues(100));

        sieve.submitIfConversation(thread("t1"), "t1", () -> ran.add("t1"));
        awaitQuiet(sieve);

        assertEquals(List.of("t1"), ran);
    }

    @Test
    void workWaitingInTheSieveHoldsItsPlaceSoTheQueuesLimitsBoundTheSieveToo() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ThreadQueues queues = queues(3);
        ThreadSieve sieve = new ThreadSieve(threads -> {
            asked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return threads.stream().map(t -> t.thread().equals("kept")).toList();
        }, queues);

        assertTrue(sieve.submitIfConversation(thread("kept"), "kept", () -> ran.add("kept")));
        assertTrue(asked.await(10, TimeUnit.SECONDS));
        assertTrue(sieve.submitIfConversation(thread("other"), "other", () -> ran.add("other")));
        assertTrue(sieve.submit("x", () -> ran.add("x")));
        boolean fourth = sieve.submitIfConversation(thread("y"), "y", () -> ran.add("y"));
        release.countDown();
        awaitQuiet(sieve);

        assertFalse(fourth, "three places, all taken while the index was asked");
        assertEquals(Set.of("kept", "x"), Set.copyOf(ran));
        assertEquals(0, queues.queued(), "dropped work gave its place back");
        assertTrue(sieve.submitIfConversation(thread("y"), "y", () -> ran.add("y")), "room again");
    }
}
