package dev.aiwizard.core.chat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Port: the events acknowledged to a platform and not yet handled, kept durably so a replica that dies after the
 * acknowledgement loses nothing. An event is accepted (owned by this replica, under a lease it renews) before its
 * acknowledgement, marked done once its turn is committed or it needed no turn, and claimed by any replica once
 * its owner's lease ran out. Implementations must be thread-safe.
 */
public interface Inbox {
    /**
     * Stores {@code event}, owned by {@code owner} for {@code lease}; durable when this returns. False when it was
     * stored already (a redelivery while the first is still in hand): then nothing changes.
     *
     * @throws dev.aiwizard.core.StorageException when it cannot be stored: the platform must be told to retry
     */
    boolean accept(InboundEvent event, String owner, Duration lease);

    /** Forgets the events {@code keys}: their turns were committed, or they needed none. May return before. */
    void done(Collection<String> keys);

    /** Forgets event {@code key} now, before this returns (an event refused before its acknowledgement). */
    void withdraw(String key);

    /** Extends the lease of the events {@code keys} that {@code owner} still holds to {@code lease} from now. */
    void renew(String owner, Collection<String> keys, Duration lease);

    /**
     * Takes up to {@code limit} events whose lease ran out, for {@code owner} and {@code lease}, oldest first, each
     * with its claims counted (this one included).
     */
    List<InboundEvent> claim(String owner, Duration lease, int limit);

    /** How many events are stored and not yet done (for health and tests). */
    int pending();

    /** Lets every event {@code owner} holds be claimed at once by another replica (at shutdown). */
    void release(String owner);
}
