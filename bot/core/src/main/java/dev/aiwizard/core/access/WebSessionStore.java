package dev.aiwizard.core.access;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the web pages' sessions, found by the SHA-256 of the session cookie (hex), never by the cookie. Kept where
 * every replica reads them (the database), so any replica serves a signed-in person and a sign-out holds at once
 * everywhere. Implementations must be thread-safe.
 */
public interface WebSessionStore {
    /** Stores {@code session} under {@code hash}; the hash must not be taken. */
    void add(String hash, WebSession session);

    /** The session stored under {@code hash} that still holds at {@code now}. */
    Optional<WebSession> find(String hash, Instant now);

    /** Ends the session stored under {@code hash}; nothing when there is none. */
    void remove(String hash);

    /** Forgets the sessions that ended before {@code now}; how many. */
    int removeExpired(Instant now);
}
