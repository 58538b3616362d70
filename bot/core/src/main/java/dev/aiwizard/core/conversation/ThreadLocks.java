package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.coordination.Coordination;
import java.time.Duration;
import java.util.Optional;

/**
 * The lock of a conversation's thread, across replicas: a chat turn holds it, and so does every other writer of the
 * conversation (an approval through the job API), so the two never interleave.
 */
public final class ThreadLocks {
    /** Renewed while its holder lives, so it only bounds how long a crashed holder blocks the thread. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Coordination coordination;
    private final Duration wait;

    /** Locks on {@code coordination}, waiting up to {@code wait} for one held by someone else. */
    public ThreadLocks(Coordination coordination, Duration wait) {
        this.coordination = requireNonNull(coordination, "coordination");
        this.wait = requireNonNull(wait, "wait");
    }

    /** The lock of {@code thread}, or empty when it stayed held by someone else for the whole wait. */
    public Optional<Coordination.Lock> take(ThreadRef thread) {
        return coordination.lock("thread:" + thread.key(), wait, LEASE);
    }
}
