package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/**
 * A message a person wrote in a thread. {@code eventId} is the platform's id of the delivery, used to process
 * redelivered events once; {@code null} where the platform has none.
 */
public record InboundMessage(ThreadRef thread, UserRef user, String text, String eventId) {
    public InboundMessage {
        requireNonNull(thread, "thread");
        requireNonNull(user, "user");
        requireNonNull(text, "text");
    }
}
