package dev.aiwizard.core.job;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.GenerationQueue;
import dev.aiwizard.core.spec.Spec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Port: keeps jobs and the files they produced, and hands each job to exactly one worker at a time. It is also the
 * conversations' {@link GenerationQueue}, built on the methods below.
 */
public interface JobStore extends GenerationQueue {
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

    @Override
    default Queued queue(ConversationId id, Spec spec, boolean revision, Instant now) {
        Optional<Job> leftOver = forConversation(id).stream()
                .filter(j -> j.state() == JobState.QUEUED || j.state() == JobState.RUNNING).findFirst();
        if (leftOver.isPresent()) {
            return new Queued(leftOver.get().id().value(), leftOver.get().kind().name(), true);
        }
        Job queued = Job.queued(id, revision ? JobKind.REVISE : JobKind.GENERATE, spec, null, now);
        enqueue(queued);
        return new Queued(queued.id().value(), queued.kind().name(), false);
    }

    @Override
    default void cancelQueued(ConversationId id, Instant now) {
        for (Job j : forConversation(id)) {
            if (j.state() == JobState.QUEUED) {
                update(j.cancelled(now));
            }
        }
    }

    @Override
    default Optional<JobStatus> latest(ConversationId id) {
        List<Job> all = forConversation(id);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Job last = all.getLast();
        return Optional.of(new JobStatus(last.id().value(), last.state().name().toLowerCase(Locale.ROOT),
                last.progress(), last.error(), last.location()));
    }
}
