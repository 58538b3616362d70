package dev.aiwizard.core.testing;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A job store in memory, for unit tests of the engine. */
public final class MemoryJobStore implements JobStore {
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();
    private final Map<JobId, List<GeneratedFile>> files = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(Job job) {
        jobs.put(job.id(), job);
    }

    @Override
    public synchronized Optional<Job> find(JobId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public synchronized List<Job> forConversation(ConversationId id) {
        // Oldest first, ties in the order they were queued, as the database's created_at, seq ordering.
        return jobs.values().stream().filter(j -> j.conversationId().equals(id))
                .sorted(Comparator.comparing(Job::createdAt)).toList();
    }

    @Override
    public synchronized Optional<Job> claimNext(String owner, Instant now, Duration lease) {
        Optional<Job> next = jobs.values().stream()
                .filter(j -> j.state() == JobState.QUEUED
                        || (j.state() == JobState.RUNNING && j.leaseUntil() != null && j.leaseUntil().isBefore(now)))
                .min(Comparator.comparing(Job::createdAt));
        next.ifPresent(j -> jobs.put(j.id(), new Job(j.id(), j.conversationId(), j.kind(), JobState.RUNNING,
                j.spec(), j.statusMessage(), j.progress(), owner, now.plus(lease), j.attempts() + 1, j.branch(),
                j.commitId(), j.location(), j.pullRequestUrl(), j.validation(), j.result(), j.error(), j.createdAt(),
                now)));
        return next.map(j -> jobs.get(j.id()));
    }

    @Override
    public synchronized boolean renew(Job claimed, Instant until) {
        Job stored = jobs.get(claimed.id());
        if (stored == null || stored.state() != JobState.RUNNING || claimed.owner() == null
                || !claimed.owner().equals(stored.owner()) || stored.attempts() != claimed.attempts()) {
            return false;
        }
        jobs.put(stored.id(), stored.leased(stored.owner(), until, stored.updatedAt()));
        return true;
    }

    @Override
    public synchronized boolean release(Job claimed, Instant now) {
        Job stored = jobs.get(claimed.id());
        if (stored == null || stored.state() != JobState.RUNNING || claimed.owner() == null
                || !claimed.owner().equals(stored.owner()) || stored.attempts() != claimed.attempts()) {
            return false;
        }
        jobs.put(stored.id(), stored.leased("handed back by " + claimed.owner(), now, stored.updatedAt()));
        return true;
    }

    @Override
    public synchronized boolean update(Job job) {
        Job stored = jobs.get(job.id());
        if (stored == null || (stored.owner() != null && (!Objects.equals(stored.owner(), job.owner())
                || stored.attempts() != job.attempts()))) {
            return false;
        }
        jobs.put(job.id(), job);
        return true;
    }

    @Override
    public synchronized void saveFiles(JobId id, List<GeneratedFile> generated) {
        files.put(id, generated.stream().sorted(Comparator.comparing(GeneratedFile::path)).toList());
    }

    @Override
    public synchronized List<GeneratedFile> files(JobId id) {
        return files.getOrDefault(id, List.of());
    }
}
