package dev.aiwizard.core.conversation;

/**
 * What can happen to a conversation that moves it to another state; {@link ConversationStateMachine} says from which
 * states each is allowed and where it leads.
 */
public enum ConversationEvent {
    /** The interviewer asked a question: the first, the next, or one a change request raised. */
    QUESTION_ASKED,
    /** The spec is complete enough and is shown for approval. */
    SPEC_READY,
    /** Approved: a job generating the code was queued. */
    GENERATION_QUEUED,
    /** Approved after a delivery: a job revising the delivered branch was queued. */
    REVISION_QUEUED,
    /** A job delivered the code (a pushed branch, and a pull request where the target has one). */
    JOB_DELIVERED,
    /** A job ended without delivering. */
    JOB_FAILED,
    /** The requester (or an admin) cancelled. */
    CANCEL_REQUESTED,
    /** The delivery's pull request was merged. */
    PULL_REQUEST_MERGED,
    /** The delivery's pull request was closed without merging. */
    PULL_REQUEST_CLOSED
}
