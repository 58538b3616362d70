package dev.aiwizard.core.conversation;

/** Where a conversation stands. {@code PR_OPEN} means delivered (a pull request, or a pushed branch). */
public enum ConversationState {
    QUESTIONING, AWAITING_APPROVAL, GENERATING, PR_OPEN, REVISING, MERGED, CLOSED, CANCELLED, FAILED;

    /** Whether the conversation is over and takes no more answers. */
    public boolean isFinal() {
        return this == MERGED || this == CLOSED || this == CANCELLED;
    }

    /** Whether a generation job is under way. */
    public boolean isBusy() {
        return this == GENERATING || this == REVISING;
    }
}
