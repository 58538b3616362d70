package dev.aiwizard.core.testing;

import dev.aiwizard.core.access.WebSession;
import dev.aiwizard.core.access.WebSessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Web sessions in memory, for unit tests; keeps the port's contract (run by the storage module's tests). */
public final class MemoryWebSessionStore implements WebSessionStore {
    private final Map<String, WebSession> sessions = new HashMap<>();

    @Override
    public synchronized void add(String hash, WebSession session) {
        if (sessions.putIfAbsent(hash, session) != null) {
            throw new IllegalStateException("session hash taken");
        }
    }

    @Override
    public synchronized Optional<WebSession> find(String hash, Instant now) {
        return Optional.ofNullable(sessions.get(hash)).filter(s -> s.heldAt(now));
    }

    @Override
    public synchronized void remove(String hash) {
        sessions.remove(hash);
    }

    @Override
    public synchronized int removeExpired(Instant now) {
        int before = sessions.size();
        sessions.values().removeIf(s -> !s.heldAt(now));
        return before - sessions.size();
    }

    /** How many sessions are kept, ended ones included. */
    public synchronized int size() {
        return sessions.size();
    }
}
