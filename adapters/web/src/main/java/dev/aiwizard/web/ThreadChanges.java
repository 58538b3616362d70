package dev.aiwizard.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes whoever follows a thread (a page's live updates) when this process said something in it; changes made on
 * other replicas or platforms are found by the follower's own reads of the store.
 */
final class ThreadChanges {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** Something happened in the thread {@code key}. */
    void signal(String key) {
        lock.lock();
        try {
            versions.merge(key, 1L, Long::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How often {@code key} was signalled so far. */
    long version(String key) {
        return versions.getOrDefault(key, 0L);
    }

    /** Waits until {@code key} is signalled past {@code seen}, or {@code max} passed; the version then. */
    long await(String key, long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        lock.lock();
        try {
            long left;
            while (version(key) == seen && (left = deadline - System.nanoTime()) > 0) {
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return version(key);
        } finally {
            lock.unlock();
        }
    }
}
