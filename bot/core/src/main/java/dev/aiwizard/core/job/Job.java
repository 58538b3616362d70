package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.spec.Spec;
import java.time.Instant;

/**
 * A durable unit of work. {@code spec} is the approved spec it builds; {@code statusMessage} is the chat message
 * edited in place with progress; {@code owner} and {@code leaseUntil} say which worker holds it and until when
 * (an expired lease lets another worker take it over after a crash). {@code result} is a short human summary;
 * {@code pullRequestUrl} and {@code validation} say where the delivery can be reviewed and what its tests showed
 * ({@code null} until a delivery, and when there is no pull request or nothing was validated).
 */
public record Job(JobId id, ConversationId conversationId, JobKind kind, JobState state, Spec spec,
                  MessageRef statusMessage, String progress, String owner, Instant leaseUntil, int attempts,
                  String branch, String commitId, String location, String pullRequestUrl,
                  ValidationSummary validation, String result, String error, Instant createdAt, Instant updatedAt) {
    public Job {
        requireNonNull(id, "id");
        requireNonNull(conversationId, "conversationId");
        requireNonNull(kind, "kind");
        requireNonNull(state, "state");
        requireNonNull(spec, "spec");
        requireNonNull(progress, "progress");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
    }

    /** A new queued job. */
    public static Job queued(ConversationId conversation, JobKind kind, Spec spec, MessageRef status, Instant now) {
        return new Job(JobId.random(), conversation, kind, JobState.QUEUED, spec, status, "queued", null, null, 0,
                null, null, null, null, null, null, null, now, now);
    }

    public Job withProgress(String p, Instant now) {
        return new Job(id, conversationId, kind, state, spec, statusMessage, p, owner, leaseUntil, attempts, branch,
                commitId, location, pullRequestUrl, validation, result, error, createdAt, now);
    }

    /** The same job held by {@code worker} until {@code until}. */
    public Job leased(String worker, Instant until, Instant now) {
        return new Job(id, conversationId, kind, state, spec, statusMessage, progress, worker, until, attempts, branch,
                commitId, location, pullRequestUrl, validation, result, error, createdAt, now);
    }

    public Job withStatusMessage(MessageRef ref, Instant now) {
        return new Job(id, conversationId, kind, state, spec, ref, progress, owner, leaseUntil, attempts, branch,
                commitId, location, pullRequestUrl, validation, result, error, createdAt, now);
    }

    public Job succeeded(String branch, String commitId, String location, String summary, Instant now) {
        return new Job(id, conversationId, kind, JobState.SUCCEEDED, spec, statusMessage, "done", owner, null,
                attempts, branch, commitId, location, pullRequestUrl, validation, summary, null, createdAt, now);
    }

    /** The same job with its pull request's web address and what its validation showed (either may be null). */
    public Job withDelivery(String prUrl, ValidationSummary checked, Instant now) {
        return new Job(id, conversationId, kind, state, spec, statusMessage, progress, owner, leaseUntil, attempts,
                branch, commitId, location, prUrl, checked, result, error, createdAt, now);
    }

    public Job failed(String why, Instant now) {
        return new Job(id, conversationId, kind, JobState.FAILED, spec, statusMessage, "failed", owner, null,
                attempts, branch, commitId, location, pullRequestUrl, validation, result, why, createdAt, now);
    }

    public Job cancelled(Instant now) {
        return new Job(id, conversationId, kind, JobState.CANCELLED, spec, statusMessage, "cancelled", owner, null,
                attempts, branch, commitId, location, pullRequestUrl, validation, result, error, createdAt, now);
    }
}
