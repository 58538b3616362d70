package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Webhook events handled at once are bounded: one more is refused (the endpoint answers 503) until one ends. */
class BoundedExecutorTest {

    @Test
    void aTaskBeyondTheLimitIsRefusedUntilARunningOneEnds() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            BoundedExecutor executor = new BoundedExecutor(threads, 2);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch firstDone = new CountDownLatch(1);
            executor.execute(() -> {
                await(release);
                firstDone.countDown();
            });
            executor.execute(() -> await(release));

            assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
            release.countDown();
            assertTrue(firstDone.await(10, TimeUnit.SECONDS));
            CountDownLatch ran = new CountDownLatch(1);
            retryUntilAccepted(executor, ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS), "room again once a task ended");
        }
    }

    /** The place is given back just after the task's last line; wait for that event, not a fixed time. */
    private static void retryUntilAccepted(BoundedExecutor executor, Runnable task) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                executor.execute(task);
                return;
            } catch (RejectedExecutionException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
