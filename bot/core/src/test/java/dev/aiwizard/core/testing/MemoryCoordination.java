package dev.aiwizard.core.testing;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Coordination for one test: remembers keys forever, counts uses without windows, locks always succeed. */
public final class MemoryCoordination implements Coordination {
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> uses = new HashMap<>();

    @Override
    public synchronized boolean firstSeen(String key, Duration ttl) {
        return seen.add(key);
    }

    @Override
    public synchronized RateDecision tryAcquire(String key, int limit, Duration window) {
        int n = uses.merge(key, 1, Integer::sum);
        return n <= limit ? RateDecision.allow() : RateDecision.deny(window);
    }

    @Override
    public Optional<Lock> lock(String name, Duration wait, Duration lease) {
        return Optional.of(() -> { });
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {
    }
}
