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
    private final Map<String, Set<String>> sets = new HashMap<>();

    @Override
    public synchronized boolean firstSeen(String key, Duration ttl) {
        return seen.add(key);
    }

    /** Forgets every event, as a Redis that restarted would. */
    public synchronized void forgetAll() {
        seen.clear();
    }

    @Override
    public synchronized boolean seen(String key) {
        return seen.contains(key);
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
    public synchronized void addToSet(String set, java.util.Collection<String> members) {
        sets.computeIfAbsent(set, k -> new HashSet<>()).addAll(members);
    }

    @Override
    public synchronized java.util.List<Boolean> inSet(String set, java.util.List<String> members) {
        Set<String> s = sets.getOrDefault(set, Set.of());
        return members.stream().map(s::contains).toList();
    }

    /** Forgets every set, as a Redis that restarted empty would. */
    public synchronized void forgetSets() {
        sets.clear();
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {
    }
}
