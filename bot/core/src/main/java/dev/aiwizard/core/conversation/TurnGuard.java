package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.Optional;

/**
 * What a turn must pass before it may run, decided once for every platform: a delivery seen before is dropped (the
 * coordination store's fast check, then the database's), one turn at a time runs in a thread (its lock, shared by all
 * replicas), and each person's rate limits hold.
 */
final class TurnGuard {
    private static final System.Logger LOG = System.getLogger(TurnGuard.class.getName());
    private static final Duration SEEN_TTL = Duration.ofDays(2);
    /** Set when the current thread's turn met a duplicate delivery, for the turn's telemetry. */
    private static final ThreadLocal<Boolean> DUPLICATE = new ThreadLocal<>();

    private final ConversationStore store;
    private final Coordination coordination;
    private final ChatRouter chat;
    private final ConversationSettings settings;
    private final ThreadLocks locks;

    TurnGuard(ConversationStore store, Coordination coordination, ChatRouter chat, ConversationSettings settings) {
        this.store = requireNonNull(store, "store");
        this.coordination = requireNonNull(coordination, "coordination");
        this.chat = requireNonNull(chat, "chat");
        this.settings = requireNonNull(settings, "settings");
        this.locks = new ThreadLocks(coordination, settings.lockWait());
    }

    /** The key under which {@code msg}'s platform event is recorded as handled; null when it has no event id. */
    static String eventKey(InboundMessage msg) {
        return msg.eventId() == null ? null : InboundEvent.key(msg.thread().platform(), msg.eventId());
    }

    /** A turn begins on the calling thread: nothing about duplicates is known yet. */
    void beginTurn() {
        DUPLICATE.remove();
    }

    /** Whether the calling thread's turn met a duplicate delivery (and so did nothing). */
    boolean turnWasDuplicate() {
        return Boolean.TRUE.equals(DUPLICATE.get());
    }

    /** The calling thread's turn is over. */
    void endTurn() {
        DUPLICATE.remove();
    }

    private static void duplicate() {
        DUPLICATE.set(Boolean.TRUE);
    }

    /**
     * Whether the coordination store remembers {@code msg}'s event as handled: the fast check, for every replica.
     * It records nothing, so a turn that fails leaves nothing that would block the platform's retry.
     */
    boolean seenBefore(InboundMessage msg) {
        String key = eventKey(msg);
        if (key == null) {
            return false;
        }
        try {
            if (coordination.seen(key)) {
                LOG.log(System.Logger.Level.DEBUG, "duplicate delivery {0} ignored", msg.eventId());
                duplicate();
                return true;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "coordination store unavailable, the database decides on duplicates: "
                    + e.getMessage());
        }
        return false;
    }

    /** Whether the database recorded the event {@code key} (null: none) as handled: a replayed event changes nothing. */
    boolean handledBefore(String key) {
        return key != null && store.eventHandled(key);
    }

    /**
     * Runs {@code turn} for {@code msg} (under its thread's lock), unless the database says its event was handled: the
     * event is recorded in the same transaction as the turn's writes, so it counts as handled exactly when they are
     * committed. A duplicate that raced past both checks is dropped when its commit is refused.
     */
    void inTurn(InboundMessage msg, Runnable turn) {
        String key = eventKey(msg);
        if (handledBefore(key)) {
            LOG.log(System.Logger.Level.DEBUG, "duplicate delivery {0} ignored", msg.eventId());
            duplicate();
            remember(key);
            return;
        }
        try {
            turn.run();
        } catch (DuplicateEventException e) {
            LOG.log(System.Logger.Level.DEBUG, "duplicate delivery {0} dropped at commit", msg.eventId());
            duplicate();
        }
        remember(key);
    }

    /** A turn that wrote nothing to a conversation (a hint, a refusal before any): its event is recorded alone. */
    void handledWithoutWrites(InboundMessage msg) {
        String key = eventKey(msg);
        if (key == null) {
            return;
        }
        try {
            store.recordEvent(key);
            remember(key);
        } catch (RuntimeException e) {
            // The answer was given; a retry would only give it again.
            LOG.log(System.Logger.Level.WARNING, "could not record event " + key + ": " + e.getMessage());
        }
    }

    private void remember(String key) {
        if (key == null) {
            return;
        }
        try {
            coordination.firstSeen(key, SEEN_TTL);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "coordination store unavailable, event " + key
                    + " is remembered by the database only: " + e.getMessage());
        }
    }

    /**
     * Runs {@code work} while holding {@code thread}'s lock, so one turn at a time runs there across replicas; when
     * the lock cannot be had in time, the thread is asked to send the message again instead.
     */
    void withLock(ThreadRef thread, Runnable work) {
        Optional<Coordination.Lock> lock = locks.take(thread);
        if (lock.isEmpty()) {
            chat.post(thread, BotMessage.text(Refusals.busy()));
            return;
        }
        try (Coordination.Lock held = lock.get()) {
            work.run();
        }
    }

    /** Counts a new conversation for {@code msg}'s person; what to tell them when that is over their hourly limit. */
    Optional<String> startRefused(InboundMessage msg) {
        RateDecision rate = coordination.tryAcquire("start:" + msg.thread().platform() + ":" + msg.user().id(),
                settings.conversationsPerHour(), Duration.ofHours(1));
        return rate.allowed() ? Optional.empty()
                : Optional.of(Refusals.tooManyConversations(settings.conversationsPerHour(), rate.retryAfter()));
    }

    /** Counts a generation for {@code who} in {@code thread}; what to tell them when that is over their hourly limit. */
    Optional<String> generationRefused(ThreadRef thread, UserRef who) {
        RateDecision rate = coordination.tryAcquire("generate:" + thread.platform() + ":" + who.id(),
                settings.generationsPerHour(), Duration.ofHours(1));
        return rate.allowed() ? Optional.empty()
                : Optional.of(Refusals.tooManyGenerations(settings.generationsPerHour(), rate.retryAfter()));
    }
}
