package dev.aiwizard.core.coordination;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Coordination for a single node, in memory: seen keys expire after their time to live, rate limits count uses in
 * a <em>sliding window</em> (a use counts for exactly {@code window} after it happened), and named locks wait on a
 * {@link Condition}, so waiting virtual threads park instead of pinning a carrier. A lock's lease is renewed when it
 * runs out while its holder thread is still alive, so a slow turn keeps its lock; only a holder thread that ended
 * without closing the lock lets it go. Nothing survives a restart.
 */
public final class InProcessCoordination implements Coordination {
    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sets = new ConcurrentHashMap<>();
    private final Map<String, Window> uses = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final ReentrantLock locksGuard = new ReentrantLock();
    private final Condition lockReleased = locksGuard.newCondition();
    private final Map<String, Holder> holders = new HashMap<>();

    /** Coordination on the system's monotonic clock. */
    public InProcessCoordination() {
        // Nothing to connect to.
    }

    @Override
    public boolean seen(String key) {
        requireNonNull(key, "key");
        Long until = seenUntil.get(key);
        return until != null && until - System.nanoTime() > 0;
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        requireNonNull(key, "key");
        requirePositive(ttl, "ttl");
        sweepSometimes();
        long now = System.nanoTime();
        long until = now + ttl.toNanos();
        AtomicBoolean first = new AtomicBoolean();
        seenUntil.compute(key, (k, previous) -> {
            if (previous != null && previous - now > 0) {
                return previous;
            }
            first.set(true);
            return until;
        });
        return first.get();
    }

    @Override
    public void addToSet(String set, Collection<String> members) {
        requireNonNull(set, "set");
        sets.computeIfAbsent(set, k -> ConcurrentHashMap.newKeySet()).addAll(members);
    }

    @Override
    public List<Boolean> inSet(String set, List<String> members) {
        requireNonNull(set, "set");
        Set<String> s = sets.getOrDefault(set, Set.of());
        return members.stream().map(s::contains).toList();
    }

    @Override
    public RateDecision tryAcquire(String key, int limit, Duration window) {
        requireNonNull(key, "key");
        requirePositive(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        sweepSometimes();
        long now = System.nanoTime();
        long[] waitNanos = {0};
        // compute() runs atomically per key and never blocks inside, so it is safe on virtual threads.
        uses.compute(key, (k, w) -> {
            Window current = w == null ? new Window(window.toNanos()) : w.withLength(window.toNanos());
            current.forget(now);
            if (current.times.size() < limit) {
                current.times.addLast(now);
            } else {
                long oldestLeaves = current.times.peekFirst() + current.length - now;
                waitNanos[0] = Math.max(TimeUnit.MILLISECONDS.toNanos(1), oldestLeaves);
            }
            return current;
        });
        return waitNanos[0] == 0 ? RateDecision.allow() : RateDecision.deny(Duration.ofNanos(waitNanos[0]));
    }

    @Override
    public Optional<Lock> lock(String name, Duration wait, Duration lease) {
        requireNonNull(name, "name");
        requireNonNull(wait, "wait");
        requirePositive(lease, "lease");
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        Holder mine = new Holder(Thread.currentThread(), lease.toNanos());
        locksGuard.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                Holder current = holders.get(name);
                if (current != null && current.expiresAt - now <= 0 && current.thread.isAlive()) {
                    // In one process the holder's liveness is known for sure: renewing here is the heartbeat.
                    current.expiresAt = now + current.lease;
                }
                if (current == null || current.expiresAt - now <= 0) {
                    mine.expiresAt = now + mine.lease;
                    holders.put(name, mine);
                    return Optional.of(() -> release(name, mine));
                }
                long left = deadline - now;
                if (left <= 0) {
                    return Optional.empty();
                }
                // Wake on a release, or when the holder's lease runs out, whichever comes first.
                lockReleased.awaitNanos(Math.min(left, current.expiresAt - now));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            locksGuard.unlock();
        }
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {
        // Nothing to release: all state is in memory.
    }

    private void release(String name, Holder holder) {
        locksGuard.lock();
        try {
            // Only the holder frees the lock; after its lease ran out someone else may hold it already.
            if (holders.get(name) == holder) {
                holders.remove(name);
                lockReleased.signalAll();
            }
        } finally {
            locksGuard.unlock();
        }
    }

    /** Drops expired entries now and then, so keys seen once do not pile up for the life of the process. */
    private void sweepSometimes() {
        if (calls.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        long now = System.nanoTime();
        seenUntil.values().removeIf(until -> until - now <= 0);
        for (String key : uses.keySet()) {
            // Inside computeIfPresent, so a use counted meanwhile is never dropped with its window.
            uses.computeIfPresent(key, (k, w) -> {
                w.forget(now);
                return w.times.isEmpty() ? null : w;
            });
        }
        locksGuard.lock();
        try {
            // Locks whose holder thread ended without releasing them and whose lease ran out.
            holders.values().removeIf(h -> h.expiresAt - now <= 0 && !h.thread.isAlive());
        } finally {
            locksGuard.unlock();
        }
    }

    private static void requirePositive(Duration d, String name) {
        requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** The recent uses of one rate-limited key; only touched inside {@code compute}, one thread at a time. */
    private static final class Window {
        private final Deque<Long> times = new ArrayDeque<>();
        private long length;

        Window(long length) {
            this.length = length;
        }

        Window withLength(long nanos) {
            length = nanos;
            return this;
        }

        /** Drops the uses that happened a whole window ago or earlier. */
        void forget(long now) {
            while (!times.isEmpty() && now - times.peekFirst() >= length) {
                times.pollFirst();
            }
        }
    }

    /** One holder of one lock; compared by identity, so a late release of an expired holder changes nothing. */
    private static final class Holder {
        private final Thread thread;
        private final long lease;
        private long expiresAt;

        Holder(Thread thread, long lease) {
            this.thread = thread;
            this.lease = lease;
        }
    }
}
