package dev.aiwizard.storage;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** How a lock is waited for: tried again every 10 to 50 ms until it is taken or the wait is over. */
final class LockPolling {
    private static final long MIN_MILLIS = 10;
    private static final long MAX_MILLIS = 50;

    private LockPolling() {
    }

    /** Whether {@code take} succeeded within {@code wait}; false too when the waiting thread was interrupted. */
    static boolean takeWithin(Duration wait, BooleanSupplier take) {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        while (true) {
            if (take.getAsBoolean()) {
                return true;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            try {
                // Jitter, so waiters on several replicas do not poll in lock step.
                Thread.sleep(Math.min(left, ThreadLocalRandom.current().nextLong(MIN_MILLIS, MAX_MILLIS + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
