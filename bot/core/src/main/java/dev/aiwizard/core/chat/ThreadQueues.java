package dev.aiwizard.core.chat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs a chat adapter's work after it acknowledged the platform, one queue per key (a thread, a channel): work of
 * one key runs in the order it arrived, different keys in parallel. A failure is logged and the queue goes on.
 */
public final class ThreadQueues {
    private static final System.Logger LOG = System.getLogger(ThreadQueues.class.getName());

    private final Executor executor;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public ThreadQueues(Executor executor) {
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
    }

    /** Runs {@code work} after everything queued under {@code key} before it. */
    public void submit(String key, Runnable work) {
        CompletableFuture<Void> tail = tails.compute(key, (k, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null) : previous).thenRunAsync(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "chat work for " + key + " failed", e);
                    }
                }, executor));
        tail.whenComplete((ok, e) -> tails.remove(key, tail));
    }

    /** How many queues still have work, for tests and shutdown. */
    public int busy() {
        return tails.size();
    }
}
