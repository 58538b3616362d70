package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;

/**
 * What an approval does, whichever way it came (a chat turn, the job API): queues the conversation's job and moves
 * the conversation on. The job is stored before the conversation moves, so a crash in between leaves a job that still
 * runs, and a job of the conversation still queued or running is adopted rather than doubled (the retry of an approval
 * whose save failed). The caller stores the moved conversation with its own words, then {@linkplain #wakeRunner wakes
 * the runner}.
 */
public final class Approvals {
    private final ConversationStore store;
    private final GenerationQueue jobs;
    private final Clock clock;
    private final Runnable jobEnqueued;

    /** {@code jobs}: where approvals queue generations (the job store); {@code jobEnqueued} wakes the job runner. */
    public Approvals(ConversationStore store, GenerationQueue jobs, Clock clock, Runnable jobEnqueued) {
        this.store = requireNonNull(store, "store");
        this.jobs = requireNonNull(jobs, "jobs");
        this.clock = requireNonNull(clock, "clock");
        this.jobEnqueued = requireNonNull(jobEnqueued, "jobEnqueued");
    }

    /** The conversation as the approval moved it (not stored yet), and the job it queued or adopted. */
    public record Approved(Conversation conversation, GenerationQueue.Queued job) {
        public Approved {
            requireNonNull(conversation, "conversation");
            requireNonNull(job, "job");
        }
    }

    /** Queues (or adopts) the job building {@code c}'s spec ({@code revision}: on the branch it delivered to before). */
    public Approved approve(Conversation c, boolean revision) {
        Instant now = clock.instant();
        GenerationQueue.Queued job = jobs.queue(c.id(), c.spec(), revision, now);
        if (!job.adopted()) {
            store.audit(c.id(), "job-queued", job.id() + " " + job.kind());
        }
        Conversation moved = ConversationStateMachine.apply(c, revision ? ConversationEvent.REVISION_QUEUED
                : ConversationEvent.GENERATION_QUEUED, clock.instant());
        return new Approved(moved, job);
    }

    /** Tells the job runner about the job, once the approved conversation is stored (a run must find it moved on). */
    public void wakeRunner() {
        jobEnqueued.run();
    }
}
