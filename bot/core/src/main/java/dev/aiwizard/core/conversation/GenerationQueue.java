package dev.aiwizard.core.conversation;

import dev.aiwizard.core.spec.Spec;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: the generation jobs a conversation asks for, as the conversation sees them. The job package keeps the jobs
 * and implements this ({@code JobStore} extends it), so conversations depend on nothing of the job package and the
 * job package may depend on conversations.
 */
public interface GenerationQueue {
    /** A job as the conversation tells about it: its id, state (lower case), progress, error and where the code is. */
    record JobStatus(String id, String state, String progress, String error, String location) {
    }

    /**
     * The job that an approval queued: {@code kind} as the audit trail names it, {@code adopted} when it was queued
     * before (the retry of an approval whose save failed) and is taken over instead of queuing a second.
     */
    record Queued(String id, String kind, boolean adopted) {
    }

    /**
     * Queues a job building {@code spec} for conversation {@code id} ({@code revision}: on the branch it delivered to
     * before), unless one of its jobs is still queued or running: that one is adopted.
     */
    Queued queue(ConversationId id, Spec spec, boolean revision, Instant now);

    /** Cancels the conversation's jobs that have not started; one already running finishes. */
    void cancelQueued(ConversationId id, Instant now);

    /** The conversation's latest job, if it has one. */
    Optional<JobStatus> latest(ConversationId id);
}
