package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One message of a conversation as kept in the store; {@code userId} is the author's platform id. */
public record StoredMessage(ConversationId conversationId, Author author, String userId, String text, Instant at) {
    public StoredMessage {
        requireNonNull(conversationId, "conversationId");
        requireNonNull(author, "author");
        requireNonNull(userId, "userId");
        requireNonNull(text, "text");
        requireNonNull(at, "at");
    }
}
