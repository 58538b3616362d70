package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/**
 * A message a person wrote in a thread. {@code eventId} is the platform's id of the delivery, used to process
 * redelivered events once; {@code null} where the platform has none. {@code via} is the platform the person used,
 * the thread's own unless they took part from another surface (the web pages, in a Slack thread's conversation):
 * {@code user} is who they are there.
 */
public record InboundMessage(ThreadRef thread, UserRef user, String text, String eventId, String via) {
    public InboundMessage {
        requireNonNull(thread, "thread");
        requireNonNull(user, "user");
        requireNonNull(text, "text");
        via = via == null ? thread.platform() : via;
    }

    /** A message written in the thread's own platform. */
    public InboundMessage(ThreadRef thread, UserRef user, String text, String eventId) {
        this(thread, user, text, eventId, null);
    }

    /** Whether the person took part from another platform than the thread's. */
    public boolean fromElsewhere() {
        return !via.equals(thread.platform());
    }
}
