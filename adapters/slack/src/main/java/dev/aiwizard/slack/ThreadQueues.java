package dev.aiwizard.slack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs work after the acknowledgement, one queue per thread: messages of one thread are handled in the order they
 * arrived, different threads in parallel.
 */
final class ThreadQueues {
    private static final System.Logger LOG = System.getLogger(ThreadQueues.class.getName());

    private final Executor executor;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ThreadQueues(Executor executor) {
        this.executor = executor;
    }

    void submit(String key, Runnable work) {
        CompletableFuture<Void> tail = tails.compute(key, (k, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null) : previous).thenRunAsync(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "Slack work for " + key + " failed", e);
                    }
                }, executor));
        tail.whenComplete((ok, e) -> tails.remove(key, tail));
    }

    /** How many queues still have work, for tests and shutdown. */
    int busy() {
        return tails.size();
    }
}
