package dev.aiwizard.core.testing;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.InProcessCoordination;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Coordination that works like the single-node {@link InProcessCoordination} until a test makes it fail the way a real one can: its
 * locks held elsewhere, or the whole store unreachable.
 */
public final class FaultyCoordination implements Coordination {
    private final InProcessCoordination delegate = new InProcessCoordination();
    private volatile boolean locksBusy;
    private volatile boolean unreachable;

    /** Every lock is held by someone else from now on ({@code true}), or free again. */
    public void locksBusy(boolean busy) {
        locksBusy = busy;
    }

    /** Every call fails as a store that cannot be reached ({@code true}), or works again. */
    public void unreachable(boolean down) {
        unreachable = down;
    }

    private void check() {
        if (unreachable) {
            throw new IllegalStateException("coordination store unreachable (test)");
        }
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        check();
        return delegate.firstSeen(key, ttl);
    }

    @Override
    public boolean seen(String key) {
        check();
        return delegate.seen(key);
    }

    @Override
    public RateDecision tryAcquire(String key, int limit, Duration window) {
        check();
        return delegate.tryAcquire(key, limit, window);
    }

    @Override
    public Optional<Lock> lock(String name, Duration wait, Duration lease) {
        check();
        return locksBusy ? Optional.empty() : delegate.lock(name, wait, lease);
    }

    @Override
    public void addToSet(String set, Collection<String> members) {
        check();
        delegate.addToSet(set, members);
    }

    @Override
    public List<Boolean> inSet(String set, List<String> members) {
        check();
        return delegate.inSet(set, members);
    }

    @Override
    public boolean isHealthy() {
        return !unreachable;
    }

    @Override
    public void close() {
    }
}
