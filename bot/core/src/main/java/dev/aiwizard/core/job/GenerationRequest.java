package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.spec.Spec;

/** What to generate, for which conversation and on whose behalf (budgets are counted per person). */
public record GenerationRequest(Spec spec, ConversationId conversation, UserRef requester) {
    public GenerationRequest {
        requireNonNull(spec, "spec");
        requireNonNull(conversation, "conversation");
        requireNonNull(requester, "requester");
    }
}
