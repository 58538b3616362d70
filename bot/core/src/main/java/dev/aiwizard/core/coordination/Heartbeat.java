package dev.aiwizard.core.coordination;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A lease kept alive while its holder works: a beat on a virtual thread at a fixed interval until the beat says
 * stop or the heartbeat is closed. It waits on a condition rather than sleeping, so closing ends it at once and no
 * renewal in progress is cut short by an interrupt.
 */
public final class Heartbeat implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private boolean closed;

    private Heartbeat() {
    }

    /**
     * Runs {@code beat} every {@code every} on a virtual thread named {@code name}, for as long as it returns true and
     * the heartbeat is not closed.
     */
    public static Heartbeat start(String name, Duration every, BooleanSupplier beat) {
        requireNonNull(beat, "beat");
        Heartbeat heartbeat = new Heartbeat();
        long nanos = Math.max(1_000_000, requireNonNull(every, "every").toNanos());
        Thread.ofVirtual().name(requireNonNull(name, "name")).start(() -> {
            while (heartbeat.awaitNextBeat(nanos) && beat.getAsBoolean()) {
                // beating
            }
        });
        return heartbeat;
    }

    /** Runs {@code action} unless the heartbeat was closed meanwhile, atomically with {@link #close()}. */
    public void unlessClosed(Runnable action) {
        lock.lock();
        try {
            if (!closed) {
                action.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the beats; true the first time only. */
    public boolean stop() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            closing.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean awaitNextBeat(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!closed && left > 0) {
                left = closing.awaitNanos(left);
            }
            return !closed;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}
