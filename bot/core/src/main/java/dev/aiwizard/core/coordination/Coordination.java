package dev.aiwizard.core.coordination;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: what replicas must agree on. One in-process implementation for a single node, one on Redis for several.
 * Implementations must be thread-safe.
 */
public interface Coordination extends AutoCloseable {
    /** Records {@code key} as seen for {@code ttl}; true only for the first caller, so an event is handled once. */
    boolean firstSeen(String key, Duration ttl);

    /** Whether {@code key} was recorded with {@link #firstSeen} and has not expired; records nothing. */
    boolean seen(String key);

    /** Counts one use of {@code key}; allowed while fewer than {@code limit} uses fell in the last {@code window}. */
    RateDecision tryAcquire(String key, int limit, Duration window);

    /**
     * Takes the named lock for the calling thread, waiting up to {@code wait}; empty when it could not be had in
     * time. The lock stays held until closed for as long as that thread lives, however long its work takes
     * (implementations renew the lease); once the thread or its process is gone without closing it, the lock frees
     * itself at most {@code lease} later.
     */
    Optional<Lock> lock(String name, Duration wait, Duration lease);

    /** Adds {@code members} to the named set, which is kept until the backing service loses it. */
    void addToSet(String set, Collection<String> members);

    /** For each of {@code members}, whether it is in the named set, in one round trip. */
    List<Boolean> inSet(String set, List<String> members);

    /** Whether the backing service answers (for readiness). */
    boolean isHealthy();

    /**
     * Why coordination works in a degraded way right now (its backing service is unreachable and a fallback
     * serves), for health and logs; null when it works fully.
     */
    default String degradation() {
        return null;
    }

    @Override
    void close();

    /** A held lock; closing releases it if still held by this holder. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}
