package dev.aiwizard.core.request;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.LogContext;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.Principal;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Approvals;
import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationEvent;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.ConversationStateMachine;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.InterviewContext;
import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Replies;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.conversation.ThreadLocks;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.RateDecision;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.core.text.InboundText;
import dev.aiwizard.core.text.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The use case behind {@code POST /api/v1/jobs}: a job asked for in one request. The interviewer reads the idea once,
 * asks nothing, and every open slot takes its default (the spec's assumptions say which); the caller's own answers
 * (stack, name, target, model) win over both. The conversation is stored like a chat's (platform {@code api}, with its
 * messages, audit trail and model usage), so it is listed with the others, and with {@code approve} its job is queued
 * at once. An identical request within the cache period is answered from the earlier one without a model call: its
 * job when it has one, otherwise its spec.
 */
public final class JobRequestService {
    private static final int CACHE_CANDIDATES = 10;

    private final ConversationStore store;
    private final JobStore jobs;
    private final JobRequestLog log;
    private final Coordination coordination;
    private final Interviewer interviewer;
    private final ConversationSettings conversations;
    private final JobRequestSettings settings;
    private final Clock clock;
    private final Approvals approvals;
    private final ThreadLocks locks;
    private final Telemetry telemetry;

    /** Wires the use case; {@code jobEnqueued} wakes the job runner when a job was queued. */
    public JobRequestService(ConversationStore store, JobStore jobs, JobRequestLog log, Coordination coordination,
                             Interviewer interviewer, ConversationSettings conversations, JobRequestSettings settings,
                             Clock clock, Runnable jobEnqueued, Telemetry telemetry) {
        this.store = requireNonNull(store, "store");
        this.jobs = requireNonNull(jobs, "jobs");
        this.log = requireNonNull(log, "log");
        this.coordination = requireNonNull(coordination, "coordination");
        this.interviewer = requireNonNull(interviewer, "interviewer");
        this.conversations = requireNonNull(conversations, "conversations");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.approvals = new Approvals(store, jobs, clock, jobEnqueued);
        this.locks = new ThreadLocks(coordination, conversations.lockWait());
        this.telemetry = requireNonNull(telemetry, "telemetry");
    }

    /** The limits this service keeps, for those who document or show them. */
    public JobRequestSettings settings() {
        return settings;
    }

    /**
     * Checks {@code request}, counts it against {@code caller}'s limit, and answers with the spec (waiting for
     * approval) or, with {@code approve}, the queued job.
     */
    public RequestOutcome submit(Principal caller, JobRequest request) {
        requireNonNull(caller, "caller");
        requireNonNull(request, "request");
        List<RequestProblem> problems = new RequestCheck(settings, conversations).problems(request);
        if (!problems.isEmpty()) {
            return new RequestOutcome.Invalid(problems);
        }
        RateDecision rate = coordination.tryAcquire("job-requests:" + caller.user().id(), settings.perMinute(),
                Duration.ofMinutes(1));
        if (!rate.allowed()) {
            return new RequestOutcome.Limited(settings.perMinute(), rate.retryAfter());
        }
        try (LogContext.Scope ignored = LogContext.turn(ApiGateway.PLATFORM)) {
            Secrets.Redacted idea = InboundText.clean(request.idea().strip());
            List<String> notes = new ArrayList<>();
            if (idea.removedAny()) {
                notes.add(Replies.secretsRemoved(idea.kinds()));
            }
            String key = RequestKey.of(idea.text(), request, settings.engine());
            Earlier earlier = earlier(key, request.approve());
            if (earlier.job() != null) {
                return new RequestOutcome.Queued(earlier.conversation(), earlier.job(), notes, true);
            }
            ConversationId id = ConversationId.random();
            LogContext.conversation(id.value());
            Spec spec = earlier.conversation() != null ? earlier.conversation().spec()
                    : interview(new InterviewContext(id, caller.user()), idea.text(), request, notes);
            Conversation draft = draft(id, caller.user(), idea.text(), spec);
            log.record(key, id, clock.instant());
            if (!request.approve()) {
                return new RequestOutcome.Drafted(draft, notes, earlier.conversation() != null);
            }
            return queue(draft, notes);
        }
    }

    /**
     * Approves conversation {@code id}, started through the API and waiting for approval (or failed), as
     * {@code caller}: its requester or the operator.
     */
    public RequestOutcome approve(Principal caller, ConversationId id) {
        Optional<Conversation> found = store.find(id);
        if (found.isEmpty()) {
            return new RequestOutcome.NotFound("No conversation " + id + ".");
        }
        Conversation c = found.get();
        if (!c.thread().platform().equals(ApiGateway.PLATFORM)) {
            return new RequestOutcome.Conflict("Conversation " + id + " was started on " + c.thread().platform()
                    + "; approve it in its thread there.");
        }
        if (!caller.mayActFor(c.requester().id())) {
            return new RequestOutcome.NotAllowed("Only " + c.requester().displayName() + " (who asked for it) or the "
                    + "operator can approve conversation " + id + ".");
        }
        Optional<Coordination.Lock> lock = locks.take(c.thread());
        if (lock.isEmpty()) {
            return new RequestOutcome.Conflict("Conversation " + id + " is busy; try again in a moment.");
        }
        try (Coordination.Lock held = lock.get(); LogContext.Scope ignored = LogContext.turn(ApiGateway.PLATFORM)) {
            LogContext.conversation(id.value());
            Conversation now = store.find(id).orElseThrow();
            if (now.state() != ConversationState.AWAITING_APPROVAL && now.state() != ConversationState.FAILED) {
                return new RequestOutcome.Conflict("Conversation " + id + " is " + now.state()
                        + ", not waiting for approval.");
            }
            return queue(now, List.of());
        }
    }

    /** One interview without questions: the idea once, the caller's answers, then defaults for what is still open. */
    private Spec interview(InterviewContext who, String idea, JobRequest request, List<String> notes) {
        // The stack and model shape what the interviewer proposes; name and target are set after it read the idea,
        // since a spec that has them already reads the idea as a change.
        Spec start = Spec.empty();
        if (request.stack() != null) {
            start = start.withStack(request.stack());
        }
        if (request.model() != null) {
            start = start.withModel(request.model());
        }
        InterviewStep step = interviewer.step(who, start, null, idea, 0);
        String note = step instanceof InterviewStep.Ready r ? r.note() : ((InterviewStep.Ask) step).note();
        if (note != null && !note.isBlank()) {
            notes.add(note);
        }
        Spec spec = answered(step.spec(), request);
        return spec.isComplete() ? spec : answered(interviewer.assumeDefaults(who, spec), request);
    }

    /** {@code spec} with the caller's own answers, which win over the interviewer's. */
    private static Spec answered(Spec spec, JobRequest request) {
        Spec s = spec;
        if (request.stack() != null) {
            s = s.withStack(request.stack());
        }
        if (request.name() != null) {
            s = s.withName(request.name());
        }
        if (request.target() != null) {
            s = s.withTarget(request.target());
        }
        if (request.model() != null) {
            s = s.withModel(request.model());
        }
        return s;
    }

    /** Stores a new conversation of {@code requester} whose spec waits for approval, with its first two messages. */
    private Conversation draft(ConversationId id, UserRef requester, String idea, Spec spec) {
        Instant now = clock.instant();
        Conversation c = Conversation.start(id, new ThreadRef(ApiGateway.PLATFORM, requester.id(), id.value()),
                        requester, idea, now)
                .withSpec(spec, now);
        c = ConversationStateMachine.apply(c, ConversationEvent.SPEC_READY, now);
        store.create(c, List.of(new StoredMessage(id, Author.USER, requester.id(), idea, now),
                new StoredMessage(id, Author.BOT, "bot", "Here is the spec, with defaults for everything the "
                        + "request left open (no questions were asked):\n\n" + SpecMarkdown.render(spec), now)));
        store.audit(id, "started", "by " + requester.id() + " on " + ApiGateway.PLATFORM);
        telemetry.conversationStarted(ApiGateway.PLATFORM);
        return c;
    }

    /**
     * Queues the job of {@code c} as an approval in a chat does ({@link Approvals}), once its target is allowed, and
     * stores the conversation moved on.
     */
    private RequestOutcome queue(Conversation c, List<String> notes) {
        String target = c.spec().target();
        if (target != null && !conversations.targets().allows(target)) {
            return new RequestOutcome.Invalid(List.of(new RequestProblem("target", "'" + target + "' is not one of "
                    + "the targets allowed here (WIZARD_ALLOWED_TARGETS)")));
        }
        Approvals.Approved approved = approvals.approve(c, c.branch() != null);
        Job job = jobs.find(new JobId(approved.job().id())).orElseThrow();
        Instant now = clock.instant();
        Conversation saved = store.save(approved.conversation(), List.of(new StoredMessage(c.id(), Author.BOT, "bot",
                Replies.queuedThroughApi(job.id().value()), now)));
        store.audit(c.id(), "state", saved.state().name());
        approvals.wakeRunner();
        return new RequestOutcome.Queued(saved, job, notes, false);
    }

    /** An earlier identical request: the conversation it started, and its job when one is usable. */
    private record Earlier(Conversation conversation, Job job) {
    }

    /**
     * The newest earlier request with {@code key} within the cache period: with {@code approve}, preferably one whose
     * job is queued, running or done (not failed or cancelled); otherwise any, for its spec.
     */
    private Earlier earlier(String key, boolean approve) {
        if (settings.cacheFor().isZero()) {
            return new Earlier(null, null);
        }
        Conversation first = null;
        for (ConversationId id : log.since(key, clock.instant().minus(settings.cacheFor()), CACHE_CANDIDATES)) {
            Optional<Conversation> c = store.find(id);
            if (c.isEmpty()) {
                continue;
            }
            if (!approve) {
                return new Earlier(c.get(), null);
            }
            first = first == null ? c.get() : first;
            Optional<Job> usable = jobs.forConversation(id).stream()
                    .filter(j -> j.kind() == JobKind.GENERATE && j.state() != JobState.FAILED
                            && j.state() != JobState.CANCELLED)
                    .max(Comparator.comparing(Job::createdAt));
            if (usable.isPresent()) {
                return new Earlier(c.get(), usable.get());
            }
        }
        return new Earlier(first, null);
    }
}
