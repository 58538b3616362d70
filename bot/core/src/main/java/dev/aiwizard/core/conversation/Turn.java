package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.spec.Spec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message applied to one conversation, under its thread's lock: what the message means in the conversation's
 * state (an answer, a command, a change, an approval), who may say it, and what the bot answers. State changes go
 * through {@link ConversationStateMachine}; everything the turn changed is stored before the bot says anything.
 */
final class Turn {
    /** What every turn works with; wired once by {@link ConversationService}. */
    record Context(ConversationStore store, GenerationQueue jobs, Interviewer interviewer, ChatRouter chat,
                   ConversationSettings settings, Clock clock, TurnGuard guard, Runnable jobEnqueued) {
        Context {
            requireNonNull(store, "store");
            requireNonNull(jobs, "jobs");
            requireNonNull(interviewer, "interviewer");
            requireNonNull(chat, "chat");
            requireNonNull(settings, "settings");
            requireNonNull(clock, "clock");
            requireNonNull(guard, "guard");
            requireNonNull(jobEnqueued, "jobEnqueued");
        }
    }

    private final ConversationStore store;
    private final GenerationQueue jobs;
    private final Interviewer interviewer;
    private final ChatRouter chat;
    private final ConversationSettings settings;
    private final Clock clock;
    private final TurnGuard guard;
    private final Runnable jobEnqueued;
    private Conversation conversation;
    private final InboundMessage msg;
    private final List<StoredMessage> pendingWrites = new ArrayList<>();
    /** The chat event this turn handles, recorded with its first save; null once recorded, or without one. */
    private String eventKey;

    Turn(Context context, Conversation conversation, InboundMessage msg, String eventKey) {
        this.store = context.store();
        this.jobs = context.jobs();
        this.interviewer = context.interviewer();
        this.chat = context.chat();
        this.settings = context.settings();
        this.clock = context.clock();
        this.guard = context.guard();
        this.jobEnqueued = context.jobEnqueued();
        this.conversation = conversation;
        this.msg = msg;
        this.eventKey = eventKey;
    }

    private InterviewContext who() {
        return new InterviewContext(conversation.id(), conversation.requester());
    }

    /** Applies the message: a decision the person may not make is refused, else the command or the state answers. */
    void run() {
        WhoMay whoMay = settings.whoMay();
        if (!whoMay.mayTakePart(conversation, msg.user(), msg.via())) {
            // Not stored: what a reader from another surface wrote is not part of the thread's conversation.
            chat.whisper(msg.via(), conversation.thread(), msg.user(), BotMessage.text(whoMay.whyReadOnly(
                    conversation)));
            guard.handledWithoutWrites(msg);
            return;
        }
        pendingWrites.add(userMessage(conversation, msg, clock.instant()));
        Command cmd = choiceTyped(Command.parse(msg.text()));
        String act = decision(cmd);
        if (act != null && !whoMay.mayDecide(conversation, msg.user(), msg.via())) {
            refuse(Refusals.onlyRequester(chat.gatewayFor(conversation.thread()).mention(conversation.requester()),
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
            case CANCEL -> state.isFinal() ? null : Refusals.CANCEL;
            case GENERATE -> state == ConversationState.AWAITING_APPROVAL || state == ConversationState.FAILED
                    ? Refusals.APPROVE : null;
            case CHANGE -> delivered && state != ConversationState.QUESTIONING ? Refusals.CHANGE_DELIVERED : null;
            case TEXT -> state == ConversationState.PR_OPEN ? Refusals.CHANGE_DELIVERED : null;
            default -> null;
        };
    }

    /**
     * Applies {@code what}, a change asked outside the thread ({@code where}: a review comment) by someone allowed to
     * ask it, to a delivered conversation, and queues the revision once the spec is complete; any other conversation
     * only gets a note.
     */
    void fromReview(String what, String where) {
        pendingWrites.add(userMessage(conversation, msg, clock.instant()));
        boolean delivered = conversation.state() == ConversationState.PR_OPEN
                || conversation.state() == ConversationState.FAILED && conversation.branch() != null;
        if (!delivered) {
            answer(BotMessage.text(Replies.reviewChangeIgnored(msg.user().displayName(), where, conversation.state(),
                    what)));
            return;
        }
        // This turn writes several times (the note, the spec, the queued revision): its event is recorded after
        // the last write, so a crash midway replays the whole turn, and the replay adopts a revision job queued
        // before the crash instead of queuing a second.
        String key = eventKey;
        eventKey = null;
        answer(BotMessage.text(Replies.reviewChange(msg.user().displayName(), where, what)));
        interview(conversation.spec(), null, what);
        if (conversation.state() == ConversationState.AWAITING_APPROVAL) {
            enqueue(true);
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
            case GENERATING, REVISING -> answer(BotMessage.text(Replies.stillGenerating(progress())));
            case MERGED, CLOSED, CANCELLED -> answer(BotMessage.text(Replies.over(conversation.state(), hint())));
        }
    }

    private void questioning(Command cmd) {
        switch (cmd.kind()) {
            case SKIP -> ready(interviewer.assumeDefaults(who(), conversation.spec()), Replies.usingDefaults());
            case GENERATE -> answer(BotMessage.text(Replies.questionStillOpen()));
            case CHANGE -> interview(conversation.spec(), conversation.pending(), cmd.argument(), true);
            default -> interview(conversation.spec(), conversation.pending(), msg.text());
        }
    }

    private void awaitingApproval(Command cmd) {
        switch (cmd.kind()) {
            case GENERATE -> enqueue(conversation.branch() != null);
            case CHANGE -> change(cmd.argument());
            case SKIP -> answer(BotMessage.text(Replies.nothingLeftToAsk()));
            default -> answer(BotMessage.text(Replies.awaitingApproval()));
        }
    }

    private void delivered(Command cmd) {
        switch (cmd.kind()) {
            case CHANGE -> change(cmd.argument());
            case TEXT -> change(msg.text());
            default -> answer(BotMessage.text(Replies.delivered(conversation.branch())));
        }
    }

    private void change(String what) {
        if (what.isBlank()) {
            answer(BotMessage.text(Replies.changeWhat()));
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

    /** Queues the job an approval asks for ({@code revision}: of the delivered branch), unless refused first. */
    private void enqueue(boolean revision) {
        String target = conversation.spec().target();
        if (target != null && !settings.targets().allows(target)) {
            // Refused before any work: a generation that cannot be delivered would only waste time and tokens.
            answer(BotMessage.text(Refusals.targetNotAllowed(target, settings.targets().defaultTarget())));
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
        GenerationQueue.Queued job = jobs.queue(conversation.id(), conversation.spec(), revision, clock.instant());
        if (!job.adopted()) {
            store.audit(conversation.id(), "job-queued", job.id() + " " + job.kind());
        }
        conversation = ConversationStateMachine.apply(conversation, revision ? ConversationEvent.REVISION_QUEUED
                : ConversationEvent.GENERATION_QUEUED, clock.instant());
        answer(BotMessage.text(Replies.queued(job.id())));
        jobEnqueued.run();
    }

    private void cancel() {
        if (!ConversationStateMachine.allows(conversation.state(), ConversationEvent.CANCEL_REQUESTED)) {
            answer(BotMessage.text(Replies.alreadyOver(conversation.state())));
            return;
        }
        jobs.cancelQueued(conversation.id(), clock.instant());
        conversation = ConversationStateMachine.apply(conversation.asking(null, clock.instant()),
                ConversationEvent.CANCEL_REQUESTED, clock.instant());
        answer(BotMessage.text(Replies.cancelled(conversation.branch(), hint())));
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
        chat.whisper(msg.via(), conversation.thread(), msg.user(), BotMessage.text(text));
    }

    private String statusText() {
        return Replies.status(conversation, jobs.latest(conversation.id()).orElse(null),
                store.listByChannel(conversation.thread().platform(), conversation.thread().channel(), 10));
    }

    private String progress() {
        return jobs.latest(conversation.id()).map(GenerationQueue.JobStatus::progress).orElse(null);
    }

    private String hint() {
        return chat.gatewayFor(conversation.thread()).startHint();
    }

    /** What {@code msg} said in conversation {@code c}, as it is stored. */
    static StoredMessage userMessage(Conversation c, InboundMessage msg, Instant now) {
        return new StoredMessage(c.id(), Author.USER, msg.user().id(), msg.text(), now);
    }
}
