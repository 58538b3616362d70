package dev.aiwizard.app;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * An executor that runs at most {@code limit} tasks at once and refuses more (with {@link RejectedExecutionException},
 * which the GitHub webhook endpoint answers with 503), so a flood of events cannot pile up threads without end.
 */
final class BoundedExecutor implements Executor {
    private final Executor delegate;
    private final Semaphore places;

    BoundedExecutor(Executor delegate, int limit) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.places = new Semaphore(limit);
    }

    @Override
    public void execute(Runnable task) {
        requireNonNull(task, "task");
        if (!places.tryAcquire()) {
            throw new RejectedExecutionException("already running the most tasks allowed at once");
        }
        try {
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    places.release();
                }
            });
        } catch (RejectedExecutionException e) {
            places.release();
            throw e;
        }
    }
}
