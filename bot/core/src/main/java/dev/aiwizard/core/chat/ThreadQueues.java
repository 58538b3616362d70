package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a chat adapter's work after it acknowledged the platform, one queue per key (a thread, a channel): work of
 * one key runs in the order it arrived, different keys in parallel. A failure is logged and the queue goes on.
 * The queues are bounded by {@link TurnLimits}: beyond them, and once {@link #stopAccepting() shutting down}, work
 * is refused (a value, not an exception) so the adapter can tell the platform to retry. {@link #awaitIdle} lets
 * shutdown finish what was accepted and name what could not be finished.
 */
public final class ThreadQueues {
    private static final System.Logger LOG = System.getLogger(ThreadQueues.class.getName());

    /** One key's queue: how much is accepted and not finished, and the end of its chain. */
    private static final class Line {
        int count;
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    }

    private final Executor executor;
    private final TurnLimits limits;
    private final String name;
    private final RefusalLog refusals;
    /** Guarded by {@code this}; a key is present while it has work accepted and not finished. */
    private final Map<String, Line> lines = new HashMap<>();
    private int total;
    private boolean accepting = true;
    private volatile boolean abandoned;

    /** Queues whose work runs on {@code executor}; {@code name} (the platform) tells them apart in the log. */
    public ThreadQueues(Executor executor, TurnLimits limits, String name) {
        this.executor = requireNonNull(executor, "executor");
        this.limits = requireNonNull(limits, "limits");
        this.name = requireNonNull(name, "name");
        this.refusals = new RefusalLog(name, System.Logger.Level.WARNING, Duration.ofSeconds(10));
    }

    /**
     * Runs {@code work} after everything queued under {@code key} before it; false (and nothing queued) when the
     * key's queue or all queues are full, or shutdown has begun.
     */
    public boolean submit(String key, Runnable work) {
        requireNonNull(work, "work");
        if (!reserve(key)) {
            return false;
        }
        fill(key, work);
        return true;
    }

    /**
     * Takes a place in {@code key}'s queue for work that will be {@linkplain #fill given} or {@linkplain #release
     * given back} later (the sieve holds work for a moment before it knows whether it matters).
     */
    boolean reserve(String key) {
        requireNonNull(key, "key");
        synchronized (this) {
            Line line = lines.get(key);
            int queued = line == null ? 0 : line.count;
            String refused = !accepting ? "shutting down"
                    : queued >= limits.perThread() ? "thread " + key + " has " + queued + " of " + limits.perThread()
                    : total >= limits.total() ? total + " of " + limits.total() + " in total" : null;
            if (refused == null) {
                lines.computeIfAbsent(key, k -> new Line()).count++;
                total++;
                return true;
            }
            refusals.refused(refused, total);
            return false;
        }
    }

    /** Queues {@code work} in the place {@link #reserve} took for it. */
    void fill(String key, Runnable work) {
        synchronized (this) {
            Line line = lines.get(key);
            // Run even after a failed predecessor: each piece of work is on its own.
            CompletableFuture<Void> next = line.tail.handleAsync((ok, failed) -> {
                run(key, work);
                return null;
            }, executor);
            line.tail = next;
            // Also when the executor refused the work (it was shut down after the grace period): counted as done,
            // and shutdown has already named it.
            next.whenComplete((ok, failed) -> done(key));
        }
    }

    /** How much work holds a place in {@code key}'s queue (reserved, queued or running). */
    synchronized int reserved(String key) {
        Line line = lines.get(key);
        return line == null ? 0 : line.count;
    }

    /** Gives back a place {@link #reserve} took, for work that turned out not to matter. */
    void release(String key) {
        done(key);
    }

    private void run(String key, Runnable work) {
        if (abandoned) {
            // Past the shutdown grace: not started here; its event is handed to another replica through the inbox.
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "chat work for " + key + " failed", e);
        }
    }

    private synchronized void done(String key) {
        Line line = lines.get(key);
        if (line != null && --line.count == 0) {
            lines.remove(key);
        }
        total--;
        if (total == 0) {
            notifyAll();
        }
    }

    /** From now on every submit is refused; what was accepted still runs. */
    public synchronized void stopAccepting() {
        accepting = false;
    }

    /**
     * From now on queued work that has not started is skipped (its event stays in the inbox for another replica),
     * while work already running finishes: a turn stopped in the middle could have stored its answer and not said it.
     */
    public void abandonQueued() {
        abandoned = true;
    }

    /**
     * Waits up to {@code grace} for everything accepted to finish; returns what has not, per key (empty when all
     * finished).
     */
    public Map<String, Integer> awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            for (long left = grace.toNanos(); total > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            Map<String, Integer> unfinished = new LinkedHashMap<>();
            lines.forEach((key, line) -> unfinished.put(key, line.count));
            return unfinished;
        }
    }

    /** How many queues still have work, for tests and shutdown. */
    public synchronized int busy() {
        return lines.size();
    }

    /** How much work is accepted and not finished, in all queues. */
    public synchronized int queued() {
        return total;
    }

    /** How much work was refused since start (over a limit, or shutting down): the load shed, for metrics. */
    public synchronized long refused() {
        return refusals.refusedInAll();
    }

    /** The platform these queues serve, for log lines. */
    public String name() {
        return name;
    }

    Executor executor() {
        return executor;
    }
}
