package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.LogContext;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.text.InboundText;
import dev.aiwizard.core.text.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The use case every chat platform calls: starts conversations and turns each message in a thread into the next
 * step (a question, the spec for approval, a queued job). Every message is stored before it is answered, and a
 * redelivered event is handled once.
 */
public final class ConversationService {
    private static final System.Logger LOG = System.getLogger(ConversationService.class.getName());
    private final ConversationStore store;
    private final ChatRouter chat;
    private final ConversationSettings settings;
    private final Clock clock;
    private final Telemetry telemetry;
    private final ThreadIndex threads;
    private final TurnGuard guard;
    private final Turn.Context turns;

    /**
     * Wires the service; {@code jobs} is where approvals queue generations (the job store), {@code jobEnqueued} wakes
     * the job runner when work was queued.
     */
    public ConversationService(ConversationStore store, GenerationQueue jobs, Coordination coordination,
                               Interviewer interviewer, ChatRouter chat, ConversationSettings settings, Clock clock,
                               Runnable jobEnqueued, Telemetry telemetry) {
        this.store = requireNonNull(store, "store");
        this.chat = requireNonNull(chat, "chat");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.threads = new ThreadIndex(store, requireNonNull(coordination, "coordination"));
        this.guard = new TurnGuard(store, coordination, chat, settings);
        this.turns = new Turn.Context(store, jobs, interviewer, chat, settings, clock, guard, jobEnqueued);
    }

    /** Starts a conversation in {@code msg.thread()} with the idea in {@code msg.text()}. */
    public void start(InboundMessage msg) {
        measured(msg, () -> startTurn(msg));
    }

    /**
     * One turn for {@code msg} with one read of its thread's conversation, under the thread's lock: the next step of
     * the conversation the thread holds, or, when it holds none, what {@code none} says. This is the inbox's way in
     * ({@link ChatInbox}): the decision between continuing and starting is made here, on the read the turn uses.
     * False when the thread held no conversation and {@code none} said to ignore the message.
     */
    boolean handle(InboundMessage msg, ChatEvent.IfNone none) {
        requireNonNull(none, "none");
        boolean[] ran = {true};
        measured(msg, () -> {
            Cleaned clean = cleaned(msg);
            if (guard.seenBefore(clean.msg())) {
                return true;
            }
            toldAboutSecrets(clean);
            ran[0] = inboxTurn(clean.msg(), none);
            return ran[0];
        });
        return ran[0];
    }

    /** The thread of the newest conversation in {@code channel} that is not over (DMs: no threads there). */
    Optional<ThreadRef> latestThread(String platform, String channel) {
        return threads.latestUnfinished(platform, channel).map(Conversation::thread);
    }

    /** Whether {@code thread} holds a conversation (a read; callers ask the index first). */
    boolean holdsConversation(ThreadRef thread) {
        return threads.find(thread).isPresent();
    }

    /**
     * Runs one turn for {@code msg} with its platform in the log context, and reports how long it took and how it
     * ended (a duplicate delivery is noticed by the guard).
     */
    private void measured(InboundMessage msg, Runnable turn) {
        measured(msg, () -> {
            turn.run();
            return true;
        });
    }

    /**
     * {@link #measured(InboundMessage, Runnable)} for a turn that may turn out not to be one ({@code turn} answers
     * false: the message was none of the bot's business), which is then not counted.
     */
    private void measured(InboundMessage msg, BooleanSupplier turn) {
        long began = System.nanoTime();
        Telemetry.TurnOutcome outcome = Telemetry.TurnOutcome.FAILED;
        boolean counted = true;
        guard.beginTurn();
        try (LogContext.Scope ignored = LogContext.turn(msg.thread().platform())) {
            counted = turn.getAsBoolean();
            outcome = guard.turnWasDuplicate() ? Telemetry.TurnOutcome.DUPLICATE : Telemetry.TurnOutcome.HANDLED;
        } finally {
            guard.endTurn();
            if (counted) {
                telemetry.turn(msg.thread().platform(), outcome, Duration.ofNanos(System.nanoTime() - began));
            }
        }
    }

    private void startTurn(InboundMessage raw) {
        Cleaned cleaned = cleaned(raw);
        InboundMessage msg = cleaned.msg();
        if (guard.seenBefore(msg)) {
            return;
        }
        toldAboutSecrets(cleaned);
        Optional<String> refused = ideaRefused(msg);
        if (refused.isPresent()) {
            say(msg.thread(), refused.get());
            guard.handledWithoutWrites(msg);
            return;
        }
        turn(msg, msg.text().strip());
    }

    /** Why {@code msg} cannot be the idea of a new conversation (empty, too long), if it cannot. */
    private Optional<String> ideaRefused(InboundMessage msg) {
        String idea = msg.text().strip();
        if (idea.isEmpty()) {
            return Optional.of(Refusals.ideaMissing(chat.gatewayFor(msg.thread()).startHint()));
        }
        if (idea.length() > settings.maxIdeaLength()) {
            return Optional.of(Refusals.ideaTooLong(idea.length(), settings.maxIdeaLength()));
        }
        return Optional.empty();
    }

    /** Handles a message in a thread: an answer, a command, or a hint when the thread holds no conversation. */
    public void reply(InboundMessage msg) {
        measured(msg, () -> {
            Cleaned clean = cleaned(msg);
            if (!guard.seenBefore(clean.msg())) {
                toldAboutSecrets(clean);
                turn(clean.msg(), null);
            }
        });
    }

    /**
     * The delivery of conversation {@code id} ({@code what}: "pull request #3") was merged or closed by {@code by}:
     * the conversation is over, and its thread says so. A conversation that is already over stays as it is.
     */
    public void deliveryClosed(ConversationId id, boolean merged, String by, String what) {
        deliveryClosed(id, merged, by, what, null);
    }

    /**
     * {@link #deliveryClosed(ConversationId, boolean, String, String)} for the platform event {@code eventKey}
     * (null: none), recorded with the conversation's save: a replayed event changes nothing.
     */
    public void deliveryClosed(ConversationId id, boolean merged, String by, String what, String eventKey) {
        Optional<Conversation> found = store.find(id);
        if (found.isEmpty()) {
            return;
        }
        guard.withLock(found.get().thread(), () -> {
            Conversation c = store.find(id).orElseThrow();
            ConversationEvent event = merged ? ConversationEvent.PULL_REQUEST_MERGED
                    : ConversationEvent.PULL_REQUEST_CLOSED;
            if (!ConversationStateMachine.allows(c.state(), event) || guard.handledBefore(eventKey)) {
                return;
            }
            String text = merged ? Replies.merged(what, by)
                    : Replies.closed(what, by, chat.gatewayFor(c.thread()).startHint());
            Conversation saved;
            try {
                saved = store.save(ConversationStateMachine.apply(c.asking(null, clock.instant()), event,
                        clock.instant()), List.of(
                        new StoredMessage(c.id(), Author.BOT, "bot", text, clock.instant())), eventKey);
            } catch (DuplicateEventException e) {
                return;
            }
            store.audit(id, merged ? "merged" : "closed", what + " by " + by);
            chat.post(saved.thread(), BotMessage.text(text));
        });
    }

    /**
     * {@code who} asked for a change on the delivered code ({@code where}: "a review comment on pull request #3"):
     * the change is applied to the spec as if said in the thread, and when the spec is complete the revision job is
     * queued straight away, since the person asking is a reviewer with write access. A conversation that is not
     * delivered (still busy, or over) only gets a note in its thread.
     */
    public void revisionRequested(ConversationId id, UserRef who, String asked, String where) {
        revisionRequested(id, who, asked, where, null);
    }

    /**
     * {@link #revisionRequested(ConversationId, UserRef, String, String)} for the platform event {@code eventKey}
     * (null: none), recorded with the turn's writes: a replayed event queues no second revision.
     */
    public void revisionRequested(ConversationId id, UserRef who, String asked, String where, String eventKey) {
        Optional<Conversation> found = store.find(id);
        if (found.isEmpty()) {
            return;
        }
        Secrets.Redacted clean = InboundText.clean(asked);
        String what = clean.text();
        if (clean.removedAny()) {
            say(found.get().thread(), Replies.secretsRemoved(who.displayName(), clean.kinds()));
        }
        guard.withLock(found.get().thread(), () -> {
            if (guard.handledBefore(eventKey)) {
                return;
            }
            Conversation c = store.find(id).orElseThrow();
            try {
                new Turn(turns, c, new InboundMessage(c.thread(), who, "change " + what, null), eventKey).fromReview(what,
                        where);
            } catch (DuplicateEventException e) {
                LOG.log(System.Logger.Level.DEBUG, "review event {0} was handled already", eventKey);
            }
        });
    }

    /** What the bot can do, for a platform's help command ({@code startHint}: how to start there). */
    public String helpText(String startHint) {
        return Replies.help(null, startHint).text();
    }

    /** The conversations of one channel, newest first, for a platform's status or list command. */
    public String channelOverview(String platform, String channel) {
        return Replies.status(null, null, store.listByChannel(platform, channel, 10));
    }

    /**
     * Whether {@code thread} may hold a conversation: false means it surely holds none. The answer comes from an index
     * of conversation threads in the coordination store (one round trip, no database), which is filled as
     * conversations start and rebuilt from the database, in the background, when the store has lost it (until then
     * the answer is true). Chat adapters ask this before looking a thread up, since most messages they hear are in
     * threads without a conversation. When the coordination store fails, the answer is true.
     */
    public boolean mayHoldConversation(ThreadRef thread) {
        return threads.mayHold(List.of(thread)).getFirst();
    }

    /** {@link #mayHoldConversation} for several threads of one platform, in one round trip. */
    public List<Boolean> mayHoldConversations(List<ThreadRef> threads) {
        return this.threads.mayHold(threads);
    }

    /**
     * The conversation held in {@code thread}, if any.
     *
     * @deprecated kept for the console adapter (synchronous, one person; chat platforms go through
     *     {@link ChatInbox}); readers use {@link ConversationReads#findByThread}
     */
    @Deprecated
    public Optional<Conversation> find(ThreadRef thread) {
        return threads.find(thread);
    }

    /**
     * The newest conversation in the channel that is not over, to continue after a restart.
     *
     * @deprecated kept for the console adapter; chat platforms go through {@link ChatInbox}
     */
    @Deprecated
    public Optional<Conversation> latestUnfinished(String platform, String channel) {
        return threads.latestUnfinished(platform, channel);
    }

    /**
     * One turn for {@code msg} under its thread's lock, with one read of the conversation: the next step of the
     * conversation the thread holds; or, when it holds none, a new one with {@code idea}, or (no idea) a hint. The read
     * comes after the lock, so it is the conversation as the previous turn left it.
     */
    private void turn(InboundMessage msg, String idea) {
        guard.withLock(msg.thread(), () -> guard.inTurn(msg, () -> {
            Optional<Conversation> found = threads.find(msg.thread());
            if (found.isPresent()) {
                LogContext.conversation(found.get().id().value());
                new Turn(turns, found.get(), msg, TurnGuard.eventKey(msg)).run();
            } else if (idea == null) {
                noConversation(msg);
                guard.handledWithoutWrites(msg);
            } else {
                startIfAllowed(msg, idea);
            }
        }));
    }

    /**
     * {@link #turn(InboundMessage, String)} for the inbox: when the thread holds no conversation, {@code none} says
     * what happens. False when the message was ignored (no turn was run).
     */
    private boolean inboxTurn(InboundMessage msg, ChatEvent.IfNone none) {
        boolean[] ran = {true};
        guard.withLock(msg.thread(), () -> guard.inTurn(msg, () -> {
            Optional<Conversation> found = threads.find(msg.thread());
            if (found.isPresent()) {
                LogContext.conversation(found.get().id().value());
                new Turn(turns, found.get(), msg, TurnGuard.eventKey(msg)).run();
            } else if (none == ChatEvent.IfNone.IGNORE) {
                ran[0] = false;
            } else if (none == ChatEvent.IfNone.HINT) {
                noConversation(msg);
                guard.handledWithoutWrites(msg);
            } else {
                Optional<String> refused = ideaRefused(msg);
                if (refused.isPresent()) {
                    say(msg.thread(), refused.get());
                    guard.handledWithoutWrites(msg);
                } else {
                    startIfAllowed(msg, msg.text().strip());
                }
            }
        }));
        return ran[0];
    }

    private void startIfAllowed(InboundMessage msg, String idea) {
        Optional<String> refused = guard.startRefused(msg);
        if (refused.isPresent()) {
            say(msg.thread(), refused.get());
            guard.handledWithoutWrites(msg);
            return;
        }
        begin(msg, idea);
    }

    private void begin(InboundMessage msg, String idea) {
        RequestOptions options = RequestOptions.read(idea);
        if (options.refusal() != null) {
            // Refused before a conversation exists: nothing to generate, nothing that could be queued later.
            say(msg.thread(), options.refusal());
            guard.handledWithoutWrites(msg);
            return;
        }
        var now = clock.instant();
        Conversation c = Conversation.start(ConversationId.random(), msg.thread(), msg.user(), idea, now);
        LogContext.conversation(c.id().value());
        threads.add(msg.thread());
        store.create(c, List.of(Turn.userMessage(c, msg, now)), TurnGuard.eventKey(msg));
        store.audit(c.id(), "started", "by " + msg.user().id() + " on " + msg.thread().platform());
        telemetry.conversationStarted(msg.thread().platform());
        LOG.log(System.Logger.Level.INFO, "conversation {0} started on {1}", c.id(), msg.thread().platform());
        Turn turn = new Turn(turns, c, msg, null);
        Spec start = Spec.empty().withPlacement(options.placement());
        if (options.repo() != null) {
            start = start.withTarget(options.repo());
        }
        if (options.model() != null) {
            if (settings.allowedModels().contains(options.model())) {
                start = start.withModel(options.model());
            } else {
                say(msg.thread(), settings.allowedModels().isEmpty() ? Refusals.modelChoiceOff()
                        : Refusals.modelNotAllowed(options.model(), settings.allowedModels()));
            }
        }
        if (!options.problems().isEmpty()) {
            say(msg.thread(), Refusals.optionsIgnored(options.problems()));
        }
        turn.interview(start, null, options.idea());
    }

    private void noConversation(InboundMessage msg) {
        Command cmd = Command.parse(msg.text());
        String hint = chat.gatewayFor(msg.thread()).startHint();
        if (cmd.kind() == Command.Kind.STATUS) {
            say(msg.thread(), Replies.status(null, null, store.listByChannel(msg.thread().platform(),
                    msg.thread().channel(), 10)));
        } else if (cmd.kind() == Command.Kind.HELP) {
            chat.post(msg.thread(), Replies.help(null, hint));
        } else {
            say(msg.thread(), Replies.noConversation(hint));
        }
    }

    /**
     * {@code msg} as the bot may keep and repeat it: what a person cannot see is stripped before either engine reads
     * it, and what looks like a secret is removed before it can reach a spec, a log, a commit or a pull request.
     */
    private static Cleaned cleaned(InboundMessage msg) {
        Secrets.Redacted clean = InboundText.clean(msg.text());
        return new Cleaned(clean.text().equals(msg.text()) ? msg
                : new InboundMessage(msg.thread(), msg.user(), clean.text(), msg.eventId(), msg.via()),
                clean.kinds());
    }

    /** A message as the bot may keep it, and the kinds of secret that were removed from it. */
    private record Cleaned(InboundMessage msg, List<String> secretsRemoved) {
    }

    /** Tells the person privately that a secret was removed from what they wrote. */
    private void toldAboutSecrets(Cleaned cleaned) {
        if (!cleaned.secretsRemoved().isEmpty()) {
            chat.whisper(cleaned.msg().via(), cleaned.msg().thread(), cleaned.msg().user(),
                    BotMessage.text(Replies.secretsRemoved(cleaned.secretsRemoved())));
        }
    }

    private void say(ThreadRef thread, String text) {
        chat.post(thread, BotMessage.text(text));
    }
}
