package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells listeners in this process about each stored change of a job, the moment it is stored, so someone watching a
 * job (the job API's event stream) needs no polling for jobs that run here. Jobs that run on another replica are not
 * heard here; {@link JobFeed} reads those from the store. Publishing never fails because of a listener.
 */
public final class JobEvents {
    private static final System.Logger LOG = System.getLogger(JobEvents.class.getName());

    private final Map<JobId, List<JobListener>> listeners = new ConcurrentHashMap<>();

    /** A handle that stops a subscription; closing it twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Calls {@code listener} with every change of job {@code id} published from now on, until closed. */
    public Subscription subscribe(JobId id, JobListener listener) {
        requireNonNull(id, "id");
        requireNonNull(listener, "listener");
        listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(id, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Tells the listeners of {@code job} that it was stored as it is now. */
    public void publish(Job job) {
        List<JobListener> those = listeners.get(job.id());
        if (those == null) {
            return;
        }
        for (JobListener l : those) {
            try {
                l.changed(job);
            } catch (RuntimeException e) {
                // A watcher's trouble (a closed connection) is its own; the job goes on.
                LOG.log(System.Logger.Level.WARNING, "a listener of job " + job.id() + " failed: " + e.getMessage());
            }
        }
    }

    /** How many listeners job {@code id} has now (for tests and shutdown). */
    public int listeners(JobId id) {
        List<JobListener> those = listeners.get(id);
        return those == null ? 0 : those.size();
    }
}
