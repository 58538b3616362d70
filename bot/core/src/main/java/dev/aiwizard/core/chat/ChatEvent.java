package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Consumer;

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

    /** What a message does where there is no conversation. */
    enum IfNone {
        /** Starts one with the message as its idea: the person spoke to the bot (a mention, a DM). */
        START,
        /** Says there is none and how to start one: the person answered the bot where it has no conversation. */
        HINT,
        /** Nothing: none of the bot's business (a reply among people, a stale button). */
        IGNORE
    }

    /**
     * Where a message goes: a thread ({@code thread} set), or, where a platform has no threads (a Discord DM), the
     * newest conversation in {@code channel} that is not over; a new conversation there gets the event's id as its
     * thread.
     */
    record Place(String platform, String channel, ThreadRef thread) {
        public Place {
            requireNonNull(platform, "platform");
            requireNonNull(channel, "channel");
        }

        /** The thread {@code thread}. */
        public static Place of(ThreadRef thread) {
            return new Place(thread.platform(), thread.channel(), thread);
        }

        /** The newest unfinished conversation in {@code channel} (no threads there). */
        public static Place latestIn(String platform, String channel) {
            return new Place(platform, channel, null);
        }
    }

    /** A message ({@code text}) at {@code place}; {@code none} says what it does where there is no conversation. */
    record ThreadMessage(Place place, UserRef user, String text, String eventId, IfNone none) implements ChatEvent {
        public ThreadMessage {
            requireNonNull(place, "place");
            requireNonNull(user, "user");
            requireNonNull(text, "text");
            requireNonNull(none, "none");
        }

        /** A message in {@code thread}. */
        public ThreadMessage(ThreadRef thread, UserRef user, String text, String eventId, IfNone none) {
            this(Place.of(thread), user, text, eventId, none);
        }

        @Override
        public String platform() {
            return place.platform();
        }
    }

    /**
     * A press of one of the conversation's choices ({@code value}: what it says) at {@code place}; who may press
     * what is the conversation's rule, the same as for typing it. Where there is no conversation it does nothing.
     */
    record ChoicePressed(Place place, UserRef user, String value, String eventId) implements ChatEvent {
        public ChoicePressed {
            requireNonNull(place, "place");
            requireNonNull(user, "user");
            requireNonNull(value, "value");
        }

        /** A press in {@code thread}. */
        public ChoicePressed(ThreadRef thread, UserRef user, String value, String eventId) {
            this(Place.of(thread), user, value, eventId);
        }

        @Override
        public String platform() {
            return place.platform();
        }
    }

    /**
     * A message in {@code thread} whose text the platform withheld (Discord without its Message Content intent):
     * {@code hint} tells the thread how to answer instead, when it holds a conversation.
     */
    record Unreadable(ThreadRef thread, UserRef user, Consumer<ThreadRef> hint) implements ChatEvent {
        public Unreadable {
            requireNonNull(thread, "thread");
            requireNonNull(user, "user");
            requireNonNull(hint, "hint");
        }

        @Override
        public String platform() {
            return thread.platform();
        }

        @Override
        public String eventId() {
            return null;
        }
    }

    /**
     * A question for the bot itself, not a conversation's ({@code what}: help, or the status of {@code channel}'s
     * conversations); {@code answer} hears the core's words.
     */
    record Command(String platform, String channel, UserRef user, Show what, Consumer<String> answer)
            implements ChatEvent {
        /** What a command asks. */
        public enum Show { HELP, STATUS }

        public Command {
            requireNonNull(platform, "platform");
            requireNonNull(channel, "channel");
            requireNonNull(user, "user");
            requireNonNull(what, "what");
            requireNonNull(answer, "answer");
        }

        @Override
        public String eventId() {
            return null;
        }
    }
}
