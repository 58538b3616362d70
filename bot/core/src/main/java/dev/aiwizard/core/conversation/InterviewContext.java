package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;

/** Whose interview a turn belongs to, so model usage is counted for that conversation and person. */
public record InterviewContext(ConversationId conversation, UserRef requester) {
    public InterviewContext {
        requireNonNull(conversation, "conversation");
        requireNonNull(requester, "requester");
    }
}
