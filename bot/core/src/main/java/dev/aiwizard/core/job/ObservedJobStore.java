package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link JobStore} that publishes every job it stored to {@link JobEvents} once the store accepted it: queued,
 * claimed, each progress note, the outcome. Whoever writes jobs (the conversation service, the runner, the worker)
 * goes through it, so they need not know anyone is watching. A write the store refused (a fenced-off worker) is not
 * published.
 */
public final class ObservedJobStore implements JobStore {
    private final JobStore store;
    private final JobEvents events;

    public ObservedJobStore(JobStore store, JobEvents events) {
        this.store = requireNonNull(store, "store");
        this.events = requireNonNull(events, "events");
    }

    @Override
    public void enqueue(Job job) {
        store.enqueue(job);
        events.publish(job);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return store.find(id);
    }

    @Override
    public List<Job> forConversation(ConversationId id) {
        return store.forConversation(id);
    }

    @Override
    public Optional<Job> claimNext(String owner, Instant now, Duration lease) {
        Optional<Job> claimed = store.claimNext(owner, now, lease);
        claimed.ifPresent(events::publish);
        return claimed;
    }

    @Override
    public boolean renew(Job claimed, Instant until) {
        // Only the lease moves on: nothing a watcher sees.
        return store.renew(claimed, until);
    }

    @Override
    public boolean release(Job claimed, Instant now) {
        return store.release(claimed, now);
    }

    @Override
    public boolean update(Job job) {
        boolean stored = store.update(job);
        if (stored) {
            events.publish(job);
        }
        return stored;
    }

    @Override
    public void saveFiles(JobId id, List<GeneratedFile> files) {
        store.saveFiles(id, files);
    }

    @Override
    public List<GeneratedFile> files(JobId id) {
        return store.files(id);
    }
}
