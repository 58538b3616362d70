package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.LogContext;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.text.InboundText;
import dev.aiwizard.core.text.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use case every chat platform calls: starts conversations and turns each message in a thread into the next
 * step (a question, the spec for approval, a queued job). Every message is stored before it is answered, and a
 * redelivered event is handled once.
 */
public final class ConversationService {
    private static final System.Logger LOG = System.getLogger(ConversationService.class.getName());
    private final ConversationStore store;
    private final JobStore jobs;
    private final Interviewer interviewer;
    private final ChatRouter chat;
    private final ConversationSettings settings;
    private final Clock clock;
    private final Runnable jobEnqueued;
    private final Telemetry telemetry;
    private final ThreadIndex threads;
    private final TurnGuard guard;

    /** Wires the service; {@code jobEnqueued} wakes the job runner when work was queued. */
    public ConversationService(ConversationStore store, JobStore jobs, Coordination coordination,
                               Interviewer interviewer, ChatRouter chat, ConversationSettings settings, Clock clock,
                               Runnable jobEnqueued, Telemetry telemetry) {
        this.store = requireNonNull(store, "store");
        this.jobs = requireNonNull(jobs, "jobs");
        this.interviewer = requireNonNull(interviewer, "interviewer");
        this.chat = requireNonNull(chat, "chat");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.jobEnqueued = requireNonNull(jobEnqueued, "jobEnqueued");
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.threads = new ThreadIndex(store, requireNonNull(coordination, "coordination"));
        this.guard = new TurnGuard(store, coordination, chat, settings);
    }

    /** Starts a conversation in {@code msg.thread()} with the idea in {@code msg.text()}. */
    public void start(InboundMessage msg) {
        measured(msg, () -> startTurn(msg));
    }

    /**
     * Runs one turn for {@code msg} with its platform in the log context, and reports how long it took and how it
     * ended (a duplicate delivery is noticed by the guard).
     */
    private void measured(InboundMessage msg, Runnable turn) {
        long began = System.nanoTime();
        Telemetry.TurnOutcome outcome = Telemetry.TurnOutcome.FAILED;
        guard.beginTurn();
        try (LogContext.Scope ignored = LogContext.turn(msg.thread().platform())) {
            turn.run();
            outcome = guard.turnWasDuplicate() ? Telemetry.TurnOutcome.DUPLICATE : Telemetry.TurnOutcome.HANDLED;
        } finally {
            guard.endTurn();
            telemetry.turn(msg.thread().platform(), outcome, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    private void startTurn(InboundMessage raw) {
        Cleaned cleaned = cleaned(raw);
        InboundMessage msg = cleaned.msg();
        if (guard.seenBefore(msg)) {
            return;
        }
        toldAboutSecrets(cleaned);
        String idea = msg.text().strip();
        if (idea.isEmpty()) {
            say(msg.thread(), "Tell me the idea, e.g. `" + chat.gatewayFor(msg.thread()).startHint()
                    .replace("<idea>", "a todo service where people manage tasks with a title and a done flag") + "`.");
            guard.handledWithoutWrites(msg);
            return;
        }
        if (idea.length() > settings.maxIdeaLength()) {
            say(msg.thread(), "That idea is " + idea.length() + " characters long; the limit is "
                    + settings.maxIdeaLength() + ". Please shorten it — details can come as answers later.");
            guard.handledWithoutWrites(msg);
            return;
        }
        turn(msg, idea);
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
            String text = merged
                    ? "The " + what + " was merged by " + by + ". This conversation is done; thank you!"
                    : "The " + what + " was closed without merging (by " + by + "). This conversation is closed; "
                            + "start a new one with `" + chat.gatewayFor(c.thread()).startHint() + "`.";
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
            say(found.get().thread(), who.displayName() + ": " + Secrets.notice(clean.kinds()));
        }
        guard.withLock(found.get().thread(), () -> {
            if (guard.handledBefore(eventKey)) {
                return;
            }
            Conversation c = store.find(id).orElseThrow();
            try {
                new Turn(c, new InboundMessage(c.thread(), who, "change " + what, null), eventKey).fromReview(what,
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
        return Replies.status(null, null, list(platform, channel, 10));
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

    /** The conversation held in {@code thread}, if any. */
    public Optional<Conversation> find(ThreadRef thread) {
        return threads.find(thread);
    }

    /** Conversations in one channel, newest first. */
    public List<Conversation> list(String platform, String channel, int limit) {
        return store.listByChannel(platform, channel, limit);
    }

    /** Conversations of {@code platform} that still take answers, newest first (to catch up after an outage). */
    public List<Conversation> open(String platform, int limit) {
        return store.listOpen(platform, limit);
    }

    /** The newest conversation in the channel that is not over, to continue after a restart. */
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
                new Turn(found.get(), msg, TurnGuard.eventKey(msg)).run();
            } else if (idea == null) {
                noConversation(msg);
                guard.handledWithoutWrites(msg);
            } else {
                Optional<String> refused = guard.startRefused(msg);
                if (refused.isPresent()) {
                    say(msg.thread(), refused.get());
                    guard.handledWithoutWrites(msg);
                    return;
                }
                begin(msg, idea);
            }
        }));
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
        store.create(c, List.of(userMessage(c, msg)), TurnGuard.eventKey(msg));
        store.audit(c.id(), "started", "by " + msg.user().id() + " on " + msg.thread().platform());
        telemetry.conversationStarted(msg.thread().platform());
        LOG.log(System.Logger.Level.INFO, "conversation {0} started on {1}", c.id(), msg.thread().platform());
        Turn turn = new Turn(c, msg, null);
        Spec start = Spec.empty().withPlacement(options.placement());
        if (options.repo() != null) {
            start = start.withTarget(options.repo());
        }
        if (options.model() != null) {
            if (settings.allowedModels().contains(options.model())) {
                start = start.withModel(options.model());
            } else {
                say(msg.thread(), settings.allowedModels().isEmpty()
                        ? "Choosing a model with `model=` is not enabled here; I'll use the configured one."
                        : "`model=" + options.model() + "` is not one of the models allowed here ("
                                + String.join(", ", settings.allowedModels()) + "); I'll use the configured one.");
            }
        }
        if (!options.problems().isEmpty()) {
            say(msg.thread(), "Note: " + String.join("; ", options.problems()) + ".");
        }
        turn.interview(start, null, options.idea());
    }

    private void noConversation(InboundMessage msg) {
        Command cmd = Command.parse(msg.text());
        String hint = chat.gatewayFor(msg.thread()).startHint();
        if (cmd.kind() == Command.Kind.STATUS) {
            say(msg.thread(), Replies.status(null, null, list(msg.thread().platform(), msg.thread().channel(), 10)));
        } else if (cmd.kind() == Command.Kind.HELP) {
            chat.post(msg.thread(), Replies.help(null, hint));
        } else {
            say(msg.thread(), "There is no conversation here yet. Start one with `" + hint + "`.");
        }
    }

    /** One message applied to one conversation, under its lock. */
    private final class Turn {
        private Conversation conversation;
        private final InboundMessage msg;
        private final List<StoredMessage> pendingWrites = new ArrayList<>();
        /** The chat event this turn handles, recorded with its first save; null once recorded, or without one. */
        private String eventKey;

        Turn(Conversation conversation, InboundMessage msg, String eventKey) {
            this.conversation = conversation;
            this.msg = msg;
            this.eventKey = eventKey;
        }

        private InterviewContext who() {
            return new InterviewContext(conversation.id(), conversation.requester());
        }

        void run() {
            pendingWrites.add(userMessage(conversation, msg));
            Command cmd = choiceTyped(Command.parse(msg.text()));
            String act = decision(cmd);
            if (act != null && !mayDecide(msg.user())) {
                refuse(Replies.onlyRequester(chat.gatewayFor(conversation.thread()).mention(conversation.requester()),
                        act));
                return;
            }
            switch (cmd.kind()) {
                case HELP -> answer(Replies.help(conversation, hint()));
                case STATUS -> answer(BotMessage.text(statusText()));
                case CANCEL -> cancel();
                default -> byState(cmd);
            }
        }

        /** A number typed while the approval choices are shown means that choice, exactly like pressing it. */
        private Command choiceTyped(Command cmd) {
            boolean approvalShown = conversation.state() == ConversationState.AWAITING_APPROVAL
                    || conversation.state() == ConversationState.FAILED;
            if (!approvalShown || cmd.kind() != Command.Kind.TEXT || !cmd.argument().matches("[0-9]{1,2}")) {
                return cmd;
            }
            int n = Integer.parseInt(cmd.argument());
            return n >= 1 && n <= Replies.APPROVAL_CHOICES.size()
                    ? Command.parse(Replies.APPROVAL_CHOICES.get(n - 1).value()) : cmd;
        }

        /**
         * What {@code cmd} would decide for the requester ("approve this conversation"), or null when anyone in the
         * thread may say it: answers and spec changes before approval are teamwork, while approving, cancelling and
         * changing what was already pushed are the requester's (or an admin's) call.
         */
        private String decision(Command cmd) {
            ConversationState state = conversation.state();
            boolean delivered = conversation.branch() != null;
            return switch (cmd.kind()) {
                case CANCEL -> state.isFinal() ? null : "cancel this conversation";
                case GENERATE -> state == ConversationState.AWAITING_APPROVAL || state == ConversationState.FAILED
                        ? "approve this conversation" : null;
                case CHANGE -> delivered && state != ConversationState.QUESTIONING ? "change the delivered code" : null;
                case TEXT -> state == ConversationState.PR_OPEN ? "change the delivered code" : null;
                default -> null;
            };
        }

        private boolean mayDecide(UserRef who) {
            return who.id().equals(conversation.requester().id())
                    || settings.admins().isAdmin(conversation.thread().platform(), who);
        }

        void fromReview(String what, String where) {
            pendingWrites.add(userMessage(conversation, msg));
            boolean delivered = conversation.state() == ConversationState.PR_OPEN
                    || conversation.state() == ConversationState.FAILED && conversation.branch() != null;
            if (!delivered) {
                answer(BotMessage.text(msg.user().displayName() + " asked for a change in " + where + ", but this "
                        + "conversation is " + Replies.label(conversation.state()) + ", so nothing was changed: "
                        + what));
                return;
            }
            // This turn writes several times (the note, the spec, the queued revision): its event is recorded after
            // the last write, so a crash midway replays the whole turn, and the replay adopts a revision job queued
            // before the crash instead of queuing a second.
            String key = eventKey;
            eventKey = null;
            answer(BotMessage.text(msg.user().displayName() + " asked for a change in " + where + ": " + what));
            interview(conversation.spec(), null, what);
            if (conversation.state() == ConversationState.AWAITING_APPROVAL) {
                enqueue(JobKind.REVISE);
            }
            if (key != null) {
                store.recordEvent(key);
            }
        }

        private void byState(Command cmd) {
            switch (conversation.state()) {
                case QUESTIONING -> questioning(cmd);
                case AWAITING_APPROVAL, FAILED -> awaitingApproval(cmd);
                case PR_OPEN -> delivered(cmd);
                case GENERATING, REVISING -> answer(BotMessage.text("I'm still generating (" + progress()
                        + "). I'll post here when it is done; `status` shows progress."));
                case MERGED, CLOSED, CANCELLED -> answer(BotMessage.text("This conversation is "
                        + Replies.label(conversation.state()) + ". Start a new one with `" + hint() + "`."));
            }
        }

        private void questioning(Command cmd) {
            switch (cmd.kind()) {
                case SKIP -> ready(interviewer.assumeDefaults(who(), conversation.spec()), "Using defaults for the rest.");
                case GENERATE -> answer(BotMessage.text("I still have a question open. Answer it, or say `skip` "
                        + "to take defaults for the rest; then `generate`."));
                case CHANGE -> interview(conversation.spec(), conversation.pending(), cmd.argument(), true);
                default -> interview(conversation.spec(), conversation.pending(), msg.text());
            }
        }

        private void awaitingApproval(Command cmd) {
            switch (cmd.kind()) {
                case GENERATE -> enqueue(conversation.branch() == null ? JobKind.GENERATE : JobKind.REVISE);
                case CHANGE -> change(cmd.argument());
                case SKIP -> answer(BotMessage.text("There is nothing left to ask. Say `generate` to build it, "
                        + "or `change <what>`."));
                default -> answer(BotMessage.text("Say `generate` to build this spec, `change <what>` to adjust it "
                        + "(e.g. `change add a due date to task`), or `cancel`."));
            }
        }

        private void delivered(Command cmd) {
            switch (cmd.kind()) {
                case CHANGE -> change(cmd.argument());
                case TEXT -> change(msg.text());
                default -> answer(BotMessage.text("The code is on branch `" + conversation.branch()
                        + "`. Say `change <what>` to revise it."));
            }
        }

        private void change(String what) {
            if (what.isBlank()) {
                answer(BotMessage.text("Tell me what to change, e.g. `change add a due date to task` or "
                        + "`change rename to shop-api`."));
                return;
            }
            interview(conversation.spec(), null, what, true);
        }

        void interview(Spec spec, Question pending, String text) {
            interview(spec, pending, text, false);
        }

        /** One interview turn; after a change request ({@code sayChanges}) the reply starts with what changed. */
        void interview(Spec spec, Question pending, String text, boolean sayChanges) {
            int left = Math.max(0, settings.maxQuestions() - conversation.questionsAsked());
            InterviewStep step = interviewer.step(who(), spec, pending, text, left);
            switch (step) {
                case InterviewStep.Ask ask when left > 0 -> {
                    conversation = ConversationStateMachine.apply(conversation.withSpec(ask.spec(), clock.instant()),
                            ConversationEvent.QUESTION_ASKED, clock.instant()).asking(ask.question(), clock.instant());
                    answer(Replies.question(ask.question(), Replies.changed(sayChanges, spec, ask.spec(), ask.note())));
                }
                case InterviewStep.Ask ask -> {
                    Spec done = interviewer.assumeDefaults(who(), ask.spec());
                    ready(done, Replies.changed(sayChanges, spec, done, ask.note()));
                }
                case InterviewStep.Ready r -> {
                    Spec done = r.spec().isComplete() ? r.spec() : interviewer.assumeDefaults(who(), r.spec());
                    ready(done, Replies.changed(sayChanges, spec, done, r.note()));
                }
            }
        }

        private void ready(Spec spec, String note) {
            conversation = ConversationStateMachine.apply(conversation.withSpec(spec, clock.instant())
                    .asking(null, clock.instant()), ConversationEvent.SPEC_READY, clock.instant());
            answer(Replies.summary(conversation, note));
        }

        private void enqueue(JobKind kind) {
            String target = conversation.spec().target();
            if (target != null && !settings.targets().allows(target)) {
                // Refused before any work: a generation that cannot be delivered would only waste time and tokens.
                answer(BotMessage.text("I can't deliver to `" + target + "`: it is not one of the targets allowed "
                        + "here. Say `change target to default` to deliver to " + settings.targets().defaultTarget()
                        + ", or ask an admin to allow it (WIZARD_ALLOWED_TARGETS)."));
                return;
            }
            Optional<String> refused = RequestOptions.refusal(conversation.spec().placement());
            if (refused.isPresent()) {
                // A spec stored before the rule, or changed since: the folder is checked again before any work.
                answer(BotMessage.text(refused.get()));
                return;
            }
            Optional<String> limited = guard.generationRefused(conversation.thread(), msg.user());
            if (limited.isPresent()) {
                answer(BotMessage.text(limited.get()));
                return;
            }
            // The job is stored before the conversation moves on: a crash in between leaves a job that still runs,
            // and the retry of the same approval adopts that job instead of queuing a second one.
            Optional<Job> leftOver = jobs.forConversation(conversation.id()).stream()
                    .filter(j -> j.state() == JobState.QUEUED || j.state() == JobState.RUNNING).findFirst();
            Job job = leftOver.orElseGet(() -> {
                Job queued = Job.queued(conversation.id(), kind, conversation.spec(), null, clock.instant());
                jobs.enqueue(queued);
                store.audit(conversation.id(), "job-queued", queued.id() + " " + kind);
                return queued;
            });
            conversation = ConversationStateMachine.apply(conversation, kind == JobKind.REVISE
                    ? ConversationEvent.REVISION_QUEUED : ConversationEvent.GENERATION_QUEUED, clock.instant());
            answer(BotMessage.text("Approved. Generation job " + job.id() + " is queued; I'll keep a status "
                    + "message here up to date."));
            jobEnqueued.run();
        }

        private void cancel() {
            if (!ConversationStateMachine.allows(conversation.state(), ConversationEvent.CANCEL_REQUESTED)) {
                answer(BotMessage.text("This conversation is already " + Replies.label(conversation.state()) + "."));
                return;
            }
            for (Job j : jobs.forConversation(conversation.id())) {
                if (j.state() == JobState.QUEUED) {
                    jobs.update(j.cancelled(clock.instant()));
                }
            }
            conversation = ConversationStateMachine.apply(conversation.asking(null, clock.instant()),
                    ConversationEvent.CANCEL_REQUESTED, clock.instant());
            answer(BotMessage.text("Cancelled. Nothing more will happen in this conversation"
                    + (conversation.branch() == null ? "." : "; branch `" + conversation.branch() + "` stays as it is.")
                    + " Start a new one with `" + hint() + "`."));
        }

        private void answer(BotMessage reply) {
            Conversation before = conversation;
            pendingWrites.add(new StoredMessage(conversation.id(), Author.BOT, "bot", reply.text(), clock.instant()));
            commit();
            if (before.state() != conversation.state()) {
                store.audit(conversation.id(), "state", conversation.state().name());
            }
            chat.post(conversation.thread(), reply);
        }

        /** Stores what the turn changed, with its event the first time: nothing is said before this. */
        private void commit() {
            conversation = store.save(conversation, pendingWrites, eventKey);
            eventKey = null;
            pendingWrites.clear();
        }

        /** Tells only the person who asked that they may not; the conversation stays as it was. */
        private void refuse(String text) {
            pendingWrites.add(new StoredMessage(conversation.id(), Author.BOT, "bot", text, clock.instant()));
            commit();
            chat.whisper(conversation.thread(), msg.user(), BotMessage.text(text));
        }

        private String statusText() {
            List<Job> all = jobs.forConversation(conversation.id());
            Job last = all.isEmpty() ? null : all.getLast();
            return Replies.status(conversation, last, list(conversation.thread().platform(),
                    conversation.thread().channel(), 10));
        }

        private String progress() {
            List<Job> all = jobs.forConversation(conversation.id());
            return all.isEmpty() ? "queued" : all.getLast().progress();
        }

        private String hint() {
            return chat.gatewayFor(conversation.thread()).startHint();
        }
    }

    /**
     * {@code msg} as the bot may keep and repeat it: what a person cannot see is stripped before either engine reads
     * it, and what looks like a secret is removed before it can reach a spec, a log, a commit or a pull request.
     */
    private static Cleaned cleaned(InboundMessage msg) {
        Secrets.Redacted clean = InboundText.clean(msg.text());
        return new Cleaned(clean.text().equals(msg.text()) ? msg
                : new InboundMessage(msg.thread(), msg.user(), clean.text(), msg.eventId()), clean.kinds());
    }

    /** A message as the bot may keep it, and the kinds of secret that were removed from it. */
    private record Cleaned(InboundMessage msg, List<String> secretsRemoved) {
    }

    /** Tells the person privately that a secret was removed from what they wrote. */
    private void toldAboutSecrets(Cleaned cleaned) {
        if (!cleaned.secretsRemoved().isEmpty()) {
            chat.whisper(cleaned.msg().thread(), cleaned.msg().user(),
                    BotMessage.text(Secrets.notice(cleaned.secretsRemoved())));
        }
    }

    private StoredMessage userMessage(Conversation c, InboundMessage msg) {
        return new StoredMessage(c.id(), Author.USER, msg.user().id(), msg.text(), clock.instant());
    }

    private void say(ThreadRef thread, String text) {
        chat.post(thread, BotMessage.text(text));
    }
}
