package dev.aiwizard.core.job;

import dev.aiwizard.core.conversation.ConversationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: keeps jobs and the files they produced, and hands each job to exactly one worker at a time. */
public interface JobStore {
    /** Stores a new job. */
    void enqueue(Job job);

    Optional<Job> find(JobId id);

    /** The jobs of a conversation, oldest first. */
    List<Job> forConversation(ConversationId id);

    /**
     * Claims the oldest job that is queued, or running with a lease that expired before {@code now}: sets it
     * running, owned by {@code owner} until {@code now + lease}, and counts the attempt. At most one caller wins.
     */
    Optional<Job> claimNext(String owner, Instant now, Duration lease);

    /**
     * Extends the lease of {@code claimed} to {@code until}, only while the job is still running under that claim
     * (same owner, same attempt). The attempt counter is the fencing token: every claim raises it, so a worker that
     * lost its job to a later claim gets false here and must stop without another visible step.
     */
    boolean renew(Job claimed, Instant until);

    /**
     * Hands {@code claimed} back at {@code now} (its replica is shutting down): claimable by anyone at once, and no
     * longer the claim's, so the worker that held it is fenced off like one that lost its lease. False when the job
     * is no longer running under that claim.
     */
    boolean release(Job claimed, Instant now);

    /**
     * Stores the job's progress, state and result. Returns false, storing nothing, when the job was claimed since
     * {@code job} was read: another owner, or the same owner with a later attempt (a run that outlived its lease).
     */
    boolean update(Job job);

    /** Stores the files a job produced, replacing any earlier ones of the same job. */
    void saveFiles(JobId id, List<GeneratedFile> files);

    /** The files a job produced, ordered by path. */
    List<GeneratedFile> files(JobId id);
}
