package dev.aiwizard.core.testing;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.InProcessCoordination;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Coordination for one test: the real single-node {@link InProcessCoordination} (keys expire, windows slide, locks
 * are held against others), which a test can {@linkplain #restart() restart empty} as a Redis that lost its data.
 */
public final class MemoryCoordination implements Coordination {
    private volatile InProcessCoordination current = new InProcessCoordination();

    /** Forgets every seen event, rate window, lock and set, as a Redis that restarted empty would. */
    public void restart() {
        current = new InProcessCoordination();
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        return current.firstSeen(key, ttl);
    }

    @Override
    public boolean seen(String key) {
        return current.seen(key);
    }

    @Override
    public RateDecision tryAcquire(String key, int limit, Duration window) {
        return current.tryAcquire(key, limit, window);
    }

    @Override
    public Optional<Lock> lock(String name, Duration wait, Duration lease) {
        return current.lock(name, wait, lease);
    }

    @Override
    public void addToSet(String set, Collection<String> members) {
        current.addToSet(set, members);
    }

    @Override
    public List<Boolean> inSet(String set, List<String> members) {
        return current.inSet(set, members);
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {
        current.close();
    }
}
