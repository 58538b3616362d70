package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a person did on a chat platform, in the core's words: the few kinds the conversation inbox
 * ({@code conversation.ChatInbox}) takes. An adapter translates its platform's events into these and keeps no rule
 * of its own about them: whether a thread holds a conversation, whether to start one, who may say what, duplicates,
 * ordering and limits are decided in the core. (Not to be confused with {@link InboundEvent}, the inbox's stored
 * record of an acknowledged event.)
 */
public sealed interface ChatEvent {
    /** The platform the event came from. */
    String platform();

    /** The platform's id of the delivery (redeliveries carry the same), or null where it has none. */
    String eventId();

    /** Who did it. */
    UserRef user();

    /** The key the event is kept and recorded under, or null without an event id. */
    default String key() {
        return eventId() == null ? null : InboundEvent.key(platform(), eventId());
    }

    /**
     * Makes the thread a new conversation lives in (a root message in the channel, a platform thread), in the
     * channel's queue: empty when it could not and the person was told (the event is done); an exception when it
     * could not for now (the event is tried again later).
     */
    @FunctionalInterface
    interface ThreadOpener {
        Optional<ThreadRef> open();
    }

    /** A request to start a conversation with {@code idea} in {@code channel}; {@code opener} makes its thread. */
    record NewConversation(String platform, String channel, UserRef user, String idea, String eventId,
                           ThreadOpener opener) implements ChatEvent {
        public NewConversation {
            requireNonNull(platform, "platform");
            requireNonNull(channel, "channel");
            requireNonNull(user, "user");
            requireNonNull(idea, "idea");
            requireNonNull(opener, "opener");
        }
    }

    /**
     * A message in {@code thread}. {@code addressed}: the person spoke to the bot (a mention), so the message starts
     * a conversation when the thread holds none; otherwise a thread without a conversation is none of the bot's
     * business and the message is dropped, most often without the database.
     */
    record ThreadMessage(ThreadRef thread, UserRef user, String text, String eventId, boolean addressed)
            implements ChatEvent {
        public ThreadMessage {
            requireNonNull(thread, "thread");
            requireNonNull(user, "user");
            requireNonNull(text, "text");
        }

        @Override
        public String platform() {
            return thread.platform();
        }
    }

    /**
     * A press of one of the conversation's choices ({@code value}: what it says) in {@code thread}; who may press
     * what is the conversation's rule, the same as for typing it.
     */
    record ChoicePressed(ThreadRef thread, UserRef user, String value, String eventId) implements ChatEvent {
        public ChoicePressed {
            requireNonNull(thread, "thread");
            requireNonNull(user, "user");
            requireNonNull(value, "value");
        }

        @Override
        public String platform() {
            return thread.platform();
        }
    }
}
