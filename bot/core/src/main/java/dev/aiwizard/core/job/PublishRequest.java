package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.spec.Spec;
import java.util.List;

/**
 * Files to deliver for a conversation. {@code branch} is the branch this conversation already owns, or
 * {@code null} for a first delivery (the publisher then picks {@code wizard/<slug>}, made unique).
 */
public record PublishRequest(ConversationId conversationId, Spec spec, String branch, List<GeneratedFile> files,
                             String commitMessage, String authorName) {
    public PublishRequest {
        requireNonNull(conversationId, "conversationId");
        requireNonNull(spec, "spec");
        files = List.copyOf(requireNonNull(files, "files"));
        requireNonNull(commitMessage, "commitMessage");
        requireNonNull(authorName, "authorName");
    }
}
