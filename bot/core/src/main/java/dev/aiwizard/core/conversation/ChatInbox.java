package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.ThreadSieve;
import dev.aiwizard.core.chat.Turns;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way in for a chat platform: an adapter hands over each {@link ChatEvent} it translated and answers the
 * platform as {@link #accept} says; every inbound rule is here or behind it. The inbox keeps the event durable before
 * the platform hears "ok" ({@link Intake}: a retry of an event in hand is a {@link Outcome#DUPLICATE}), runs one turn
 * at a time per thread in arrival order (the thread's queue, bounded by the turn limits: beyond them
 * {@link Outcome#BUSY}), drops messages in threads that surely hold no conversation before they cost the database
 * (the {@link ThreadSieve} on the thread index), and lets the {@link ConversationService} decide between continuing
 * and starting on the one read of the conversation its turn makes. Who may say or press what, duplicates that get past
 * the intake, the thread's lock across replicas and the rate limits are the service's, behind this. One inbox serves
 * one platform.
 */
public final class ChatInbox {
    private static final System.Logger LOG = System.getLogger(ChatInbox.class.getName());

    /** What became of an event an adapter handed over, and so what the platform hears. */
    public enum Outcome {
        /** Kept and queued: acknowledge it. */
        QUEUED,
        /** A retry of an event already in hand (here or on another replica): acknowledge it; it runs once. */
        DUPLICATE,
        /** Refused for now (the queues are full, or shutting down): tell the platform or the person to retry. */
        BUSY
    }

    /** How an event's work ended. */
    public enum Ended {
        /** Its turn ran (or the person was told why not). */
        HANDLED,
        /** There was no conversation for it, and it asked for none (see {@link ChatEvent.IfNone#IGNORE}). */
        NO_CONVERSATION,
        /** It failed; the thread was told, and a kept event is tried again. */
        FAILED
    }

    private final ConversationService conversations;
    private final Intake intake;
    private final ThreadSieve queues;
    private final ChatGateway gateway;
    private final Clock clock;
    private final Policy policy;

    /**
     * How a platform differs, and only that. {@code platformRedelivers}: the platform sends an event again when it is
     * not acknowledged (Slack), so an event refused as busy is taken back out of the intake at once and the retry is
     * new; otherwise (Discord) it stays there and is replayed once its lease runs out. {@code sieveInBatches}: whether
     * to drop messages in threads without a conversation before they are queued, asking the thread index about a few
     * milliseconds' arrivals at once (Slack: an HTTP event that needs no turn should cost no queue), or in the queued
     * turn, one thread at a time (Discord: faster there, see performance.md); either way the index decides.
     */
    public record Policy(boolean platformRedelivers, boolean sieveInBatches) {
    }

    /** An inbox for {@code gateway}'s platform, running turns on {@code queues}. */
    public ChatInbox(ConversationService conversations, Intake intake, ThreadQueues queues, ChatGateway gateway,
                     Clock clock, Policy policy) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.intake = requireNonNull(intake, "intake");
        this.gateway = requireNonNull(gateway, "gateway");
        this.clock = requireNonNull(clock, "clock");
        this.policy = requireNonNull(policy, "policy");
        this.queues = new ThreadSieve(conversations::mayHoldConversations, requireNonNull(queues, "queues"));
    }

    /**
     * Keeps {@code event} durably ({@code stored}: what the adapter needs to {@link #replay} it after a crash, in its
     * own words), then queues its turn.
     *
     * @throws RuntimeException when it cannot be kept: do not acknowledge it (the platform retries) or tell the
     *     person to try again
     */
    public Outcome accept(ChatEvent event, Map<String, String> stored) {
        return accept(event, stored, ended -> { });
    }

    /**
     * {@link #accept(ChatEvent, Map)}, telling {@code then} how the event's work ended (a platform that owes the
     * person an answer of its own, such as a Discord interaction's, gives it there).
     */
    public Outcome accept(ChatEvent event, Map<String, String> stored, Consumer<Ended> then) {
        return accept(event, stored, () -> { }, then);
    }

    /**
     * {@link #accept(ChatEvent, Map, Consumer)}, running {@code acknowledge} once the event is kept and before its
     * work is queued (a Discord interaction is deferred there, so its answer can only follow the deferral).
     */
    public Outcome accept(ChatEvent event, Map<String, String> stored, Runnable acknowledge, Consumer<Ended> then) {
        String key = requireNonNull(event.key(), "an event kept in the inbox needs an event id");
        // Kept under this inbox's platform, whose adapter can replay it, even for a thread of another platform.
        boolean fresh = intake.accept(new InboundEvent(key, gateway.platform(), stored, clock.instant()));
        acknowledge.run();
        if (!fresh) {
            return Outcome.DUPLICATE;
        }
        if (!queue(event, true, requireNonNull(then, "then"))) {
            if (policy.platformRedelivers()) {
                intake.withdraw(key);
            } else {
                intake.finished(key, false);
            }
            return Outcome.BUSY;
        }
        return Outcome.QUEUED;
    }

    /** Queues {@code event}, kept in the intake and claimed again after its lease ran out (a crash, a failure). */
    public void replay(ChatEvent event) {
        if (!queue(event, true, ended -> { })) {
            // Full or shutting down: its lease runs out and it is claimed again, here or elsewhere.
            intake.finished(event.key(), false);
        }
    }

    /**
     * Queues {@code event} without keeping it (the platform neither redelivers it nor waits for an answer, so there
     * is nothing to acknowledge); false when refused.
     */
    public boolean handle(ChatEvent event) {
        return queue(event, false, ended -> { });
    }

    /** What the bot can do, for the platform's help command ({@code startHint}: how to start there). */
    public String help(String startHint) {
        return conversations.helpText(startHint);
    }

    /** The conversations of {@code channel}, newest first, for the platform's status or list command. */
    public String overview(String platform, String channel) {
        return conversations.channelOverview(platform, channel);
    }

    /** Whether queued work is still running (tests wait for quiet). */
    public boolean isBusy() {
        return queues.busy() > 0;
    }

    /**
     * The queue each kind runs on: a thread's own (its {@link ThreadRef#key()}), so one conversation's messages and
     * presses keep their order, or, for a new conversation and where there are no threads, its channel's.
     */
    private boolean queue(ChatEvent event, boolean kept, Consumer<Ended> then) {
        String key = event.key();
        return switch (event) {
            case ChatEvent.NewConversation n -> queues.submit(channelQueue(n.channel()), () -> open(n, kept));
            // Most thread messages a bot hears are in threads without a conversation: the thread index drops those
            // without the database.
            case ChatEvent.ThreadMessage m when m.none() == ChatEvent.IfNone.IGNORE && m.place().thread() != null ->
                    ifConversation(m.place().thread(), () -> turn(m.place(), m.text(), m, kept, m.none(), then),
                            () -> ended(key, Ended.NO_CONVERSATION, then));
            case ChatEvent.ThreadMessage m -> queues.submit(queue(m.place()),
                    () -> turn(m.place(), m.text(), m, kept, m.none(), then));
            case ChatEvent.ChoicePressed c -> queues.submit(queue(c.place()),
                    () -> turn(c.place(), c.value(), c, kept, ChatEvent.IfNone.IGNORE, then));
            case ChatEvent.Command c -> queues.submit(channelQueue(c.channel()), () -> c.answer().accept(
                    c.what() == ChatEvent.Command.Show.STATUS ? overview(c.platform(), c.channel())
                            : help(gateway.startHint())));
            case ChatEvent.Unreadable u -> ifConversation(u.thread(), () -> {
                if (conversations.holdsConversation(u.thread())) {
                    u.hint().accept(u.thread());
                }
            }, () -> { });
        };
    }

    /**
     * Queues {@code work} on {@code thread}'s queue if the thread index says it may hold a conversation, else runs
     * {@code dropped}: asked in batches before the queue, or in the queued work, as the {@link Policy} says.
     */
    private boolean ifConversation(ThreadRef thread, Runnable work, Runnable dropped) {
        if (policy.sieveInBatches()) {
            return queues.submitIfConversation(thread, thread.key(), work, dropped);
        }
        return queues.submit(thread.key(), () -> {
            if (conversations.mayHoldConversation(thread)) {
                work.run();
            } else {
                dropped.run();
            }
        });
    }

    private static String queue(ChatEvent.Place place) {
        return place.thread() != null ? place.thread().key() : channelQueue(place.channel());
    }

    private static String channelQueue(String channel) {
        return "channel:" + channel;
    }

    private void open(ChatEvent.NewConversation n, boolean kept) {
        Optional<ThreadRef> thread;
        try {
            thread = n.opener().open();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot start a conversation in " + n.channel() + " for now: "
                    + e.getMessage());
            intake.finished(n.key(), false);
            return;
        }
        if (thread.isEmpty()) {
            intake.finished(n.key(), true); // the person was told why
            return;
        }
        InboundMessage msg = new InboundMessage(thread.get(), n.user(), n.idea(), n.eventId(),
                gateway.platform());
        intake.finished(n.key(), Turns.guarded(thread.get(), gateway, () -> conversations.start(msg), kept));
    }

    /**
     * One turn for {@code event} at {@code place}. Where there are no threads, the place is the newest unfinished
     * conversation of the channel, or a new one (the event's id its thread) when the message may start one.
     */
    private void turn(ChatEvent.Place place, String text, ChatEvent event, boolean kept, ChatEvent.IfNone none,
                      Consumer<Ended> then) {
        Optional<ThreadRef> thread = place.thread() != null ? Optional.of(place.thread())
                : conversations.latestThread(place.platform(), place.channel()).or(() -> none == ChatEvent.IfNone.START
                        && event.eventId() != null
                        ? Optional.of(new ThreadRef(place.platform(), place.channel(), event.eventId()))
                        : Optional.empty());
        if (thread.isEmpty()) {
            ended(event.key(), Ended.NO_CONVERSATION, then);
            return;
        }
        // Who the person is, they are on this inbox's platform, whichever platform the thread is on.
        InboundMessage msg = new InboundMessage(thread.get(), event.user(), text, event.eventId(),
                gateway.platform());
        boolean[] ran = {false};
        boolean ok = Turns.guarded(thread.get(), gateway, () -> ran[0] = conversations.handle(msg, none), kept);
        intake.finished(event.key(), ok);
        then.accept(!ok ? Ended.FAILED : ran[0] ? Ended.HANDLED : Ended.NO_CONVERSATION);
    }

    private void ended(String key, Ended how, Consumer<Ended> then) {
        intake.finished(key, true);
        then.accept(how);
    }
}
