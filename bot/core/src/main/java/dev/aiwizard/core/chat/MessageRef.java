package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/** A message the bot posted, so it can be edited in place later (status messages). */
public record MessageRef(ThreadRef thread, String messageId) {
    public MessageRef {
        requireNonNull(thread, "thread");
        requireNonNull(messageId, "messageId");
    }
}
