package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.LogContext;
import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.ConcurrentUpdateException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationEvent;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.ConversationStateMachine;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.spec.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs one claimed generation job: generate, check, run the project's own tests in isolation (and let the model
 * repair what fails, a bounded number of rounds), store the files, publish, and tell the thread — editing one
 * status message as it goes. Expected failures (generation, limits, delivery) end the job with a reason the
 * person can act on; the conversation never stays stuck in "generating".
 */
public final class GenerationWorker {
    private static final System.Logger LOG = System.getLogger(GenerationWorker.class.getName());
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);

    private final JobStore jobs;
    private final ConversationStore conversations;
    private final CodeGenerator generator;
    private final Publisher publisher;
    private final ChatRouter chat;
    private final JobSettings settings;
    private final Clock clock;
    private final ProjectValidator validator;
    private final int repairRounds;

    /** A worker that delivers without running the project's tests. */
    public GenerationWorker(JobStore jobs, ConversationStore conversations, CodeGenerator generator,
                            Publisher publisher, ChatRouter chat, JobSettings settings, Clock clock) {
        this(jobs, conversations, generator, publisher, chat, settings, clock, null, 0);
    }

    /**
     * A worker that runs each project's tests with {@code validator} ({@code null}: never) before delivery, asking
     * the generator for at most {@code repairRounds} repairs while they fail.
     */
    public GenerationWorker(JobStore jobs, ConversationStore conversations, CodeGenerator generator,
                            Publisher publisher, ChatRouter chat, JobSettings settings, Clock clock,
                            ProjectValidator validator, int repairRounds) {
        if (repairRounds < 0) {
            throw new IllegalArgumentException("repairRounds cannot be negative");
        }
        this.validator = validator;
        this.repairRounds = repairRounds;
        this.jobs = requireNonNull(jobs, "jobs");
        this.conversations = requireNonNull(conversations, "conversations");
        this.generator = requireNonNull(generator, "generator");
        this.publisher = requireNonNull(publisher, "publisher");
        this.chat = requireNonNull(chat, "chat");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code claimed} to the end: succeeded, failed or cancelled. Its lease is renewed while it runs; if another
     * worker claims it meanwhile, this run stops before its next visible step and leaves the job to the other one.
     */
    public void run(Job claimed) {
        Conversation c = conversations.find(claimed.conversationId())
                .orElseThrow(() -> new WizardException("job " + claimed.id() + " has no conversation"));
        try (LogContext.Scope ignored = LogContext.job(claimed.id().value(), c.id().value(), c.thread().platform());
             JobLease lease = JobLease.hold(jobs, claimed, settings.lease(), clock)) {
            Status status = new Status(claimed, c, lease);
            try {
                deliver(status);
            } catch (JobTakenOverException e) {
                takenOver(claimed);
            } catch (GenerationException | PublishException e) {
                if (lease.lost()) {
                    takenOver(claimed);
                } else {
                    fail(status, e.getMessage());
                }
            } catch (RuntimeException e) {
                if (lease.lost()) {
                    // Most likely the interrupt of the heartbeat, or of a shutdown that handed the job back,
                    // surfacing from whatever the worker was waiting on.
                    takenOver(claimed);
                    return;
                }
                LOG.log(System.Logger.Level.ERROR, "job " + claimed.id() + " of conversation " + c.id() + " failed",
                        e);
                fail(status, JobReplies.unexpectedError(e, c.id()));
            }
        }
    }

    private void deliver(Status status) {
        Job claimed = status.job;
        Conversation c = status.conversation;
        if (c.state() == ConversationState.CANCELLED) {
            settle(status, claimed.cancelled(clock.instant()));
            return;
        }
        if (claimed.attempts() > settings.maxAttempts()) {
            fail(status, JobReplies.gaveUp(settings.maxAttempts()));
            return;
        }
        status.show(JobReplies.planning(), true);
        GenerationRequest request = new GenerationRequest(claimed.spec(), c.id(), c.requester());
        GeneratedProject project = generator.generate(request, note -> status.show(note, false));
        status.show(JobReplies.generated(project.files().size()), true);
        if (!withinLimits(status, project)) {
            return;
        }
        Verification verification = null;
        if (validator != null) {
            Validated validated = validate(status, request, project);
            if (validated == null) {
                return;
            }
            project = validated.project();
            verification = validated.verification();
        }
        // The files replace the job's stored ones, which only the job's holder may do.
        status.lease.check();
        jobs.saveFiles(claimed.id(), project.files());
        if (cancelled(claimed)) {
            status.show(JobReplies.cancelledBeforeDelivery(), true);
            settle(status, status.job.cancelled(clock.instant()));
            return;
        }
        status.show(JobReplies.committing(project.files().size()), true);
        String threadLink = chat.gatewayFor(c.thread()).link(c.thread());
        PublishResult pushed = publisher.publish(new PublishRequest(c.id(), claimed.spec(), c.branch(),
                project.files(), PullRequestText.commitMessage(claimed, c), null,
                PullRequestText.body(c, claimed, project, settings.limits(), threadLink, verification),
                c.branch() == null ? null : PullRequestText.changeNote(lastDelivered(claimed), claimed, verification),
                verification), status.lease);
        succeed(status, project, pushed, verification);
    }

    private boolean withinLimits(Status status, GeneratedProject project) {
        List<String> problems = settings.limits().problems(project.files());
        if (!problems.isEmpty()) {
            fail(status, JobReplies.checksFailed(problems));
            return false;
        }
        return true;
    }

    private record Validated(GeneratedProject project, Verification verification) {
    }

    /**
     * Runs the project's tests; while they fail and rounds are left, asks the generator to repair the files they
     * point at and runs them again. {@code null} when the job ended on the way (a repair broke the limits).
     */
    private Validated validate(Status status, GenerationRequest request, GeneratedProject first) {
        GeneratedProject project = first;
        long spent = first.usage().totalTokens();
        Verification v = runTests(status, project);
        int round = 0;
        while (v.outcome() == Verification.Outcome.FAILED && round < repairRounds) {
            round++;
            int thisRound = round;
            status.show(JobReplies.repairing(v.summary(), round, repairRounds), true);
            Optional<GeneratedProject> repaired;
            try {
                repaired = generator.repair(new RepairRequest(request, project, v, round, repairRounds, spent),
                        note -> status.show(JobReplies.repairNote(note, thisRound, repairRounds), false));
            } catch (GenerationException e) {
                // A spent budget or a model that is down ends the repairs, not the job: what failed is delivered.
                project = project.withNote(JobReplies.repairSkipped(round, e.getMessage()));
                round--;
                break;
            }
            if (repaired.isEmpty()) {
                // This engine cannot repair (no model): what failed is delivered as it is, and said so.
                round--;
                break;
            }
            spent += repaired.get().usage().totalTokens();
            project = merged(project, repaired.get());
            if (!withinLimits(status, project)) {
                return null;
            }
            v = runTests(status, project);
        }
        status.show(v.summary(), true);
        return new Validated(project, v.withRepairRounds(round));
    }

    private Verification runTests(Status status, GeneratedProject project) {
        status.show(JobReplies.runningTests(), true);
        return validator.validate(project, status.job.spec().stack(), note -> status.show(note, true));
    }

    /** The project after a repair: its files, the notes of both, and the model usage of both added up. */
    private static GeneratedProject merged(GeneratedProject before, GeneratedProject repaired) {
        List<String> notes = new java.util.ArrayList<>(before.notes());
        repaired.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new GeneratedProject(repaired.files(), before.testCommand(), before.engine(), notes,
                before.usage().plus(repaired.usage()));
    }

    private void succeed(Status status, GeneratedProject project, PublishResult pushed, Verification verification) {
        String shortSha = pushed.commitId().substring(0, Math.min(7, pushed.commitId().length()));
        String summary = JobReplies.deliverySummary(project.files().size(), pushed, shortSha);
        if (!settle(status, status.job.withDelivery(pushed.pullRequestUrl(), ValidationSummary.of(verification),
                clock.instant()).succeeded(pushed.branch(), pushed.commitId(), pushed.location(), summary,
                clock.instant()))) {
            return;
        }
        status.show(JobReplies.donePushed(summary), true);
        String text = JobReplies.delivered(status.job.spec().name(), project, pushed, shortSha,
                ValidationText.chatLine(verification, project.engine(), pushed.pullRequestUrl() != null));
        finish(status.job, ConversationEvent.JOB_DELIVERED, c -> c.withBranch(pushed.branch(), clock.instant()), text,
                "delivered", pushed.branch() + " " + pushed.commitId());
    }

    private void fail(Status status, String why) {
        if (!settle(status, status.job.failed(why, clock.instant()))) {
            return;
        }
        status.show(JobReplies.failed(), true);
        finish(status.job, ConversationEvent.JOB_FAILED, UnaryOperator.identity(),
                JobReplies.generationFailed(why),
                "job-failed", why);
    }

    /**
     * Stores the job's final state, conditional on this run's claim: of two workers finishing the same job only one
     * gets here with true, and only that one tells the thread. Whoever waits for the job waits for its runner too
     * ({@link JobRunner#awaitIdle}), so the thread's last message is posted by then.
     */
    private boolean settle(Status status, Job outcome) {
        status.lease.close();
        if (!jobs.update(outcome)) {
            takenOver(outcome);
            return false;
        }
        status.job = outcome;
        return true;
    }

    private static void takenOver(Job job) {
        LOG.log(System.Logger.Level.WARNING, "job {0} of conversation {1} is no longer this worker''s (handed back "
                + "at shutdown, or taken over by another worker); this run stopped without delivering", job.id(),
                job.conversationId());
    }

    /**
     * Moves the conversation on by {@code outcome} (after {@code change}) and says so, retrying when a message in the
     * thread was saved at the same time.
     */
    private void finish(Job job, ConversationEvent outcome, UnaryOperator<Conversation> change, String text,
                        String event, String detail) {
        for (int attempt = 1; ; attempt++) {
            Conversation c = conversations.find(job.conversationId()).orElseThrow();
            if (!ConversationStateMachine.allows(c.state(), outcome)) {
                // Cancelled, merged or closed meanwhile: the job's outcome does not reopen the conversation.
                conversations.audit(c.id(), event + "-after-" + c.state().name().toLowerCase(Locale.ROOT), detail);
                return;
            }
            try {
                Conversation saved = conversations.save(ConversationStateMachine.apply(change.apply(c), outcome,
                        clock.instant()), List.of(
                        new StoredMessage(c.id(), Author.BOT, "bot", text, clock.instant())));
                conversations.audit(c.id(), event, detail);
                chat.post(saved.thread(), BotMessage.text(text));
                return;
            } catch (ConcurrentUpdateException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The spec of this conversation's latest delivery before {@code job}, or {@code null}. */
    private Spec lastDelivered(Job job) {
        return jobs.forConversation(job.conversationId()).stream()
                .filter(j -> j.state() == JobState.SUCCEEDED && !j.id().equals(job.id()))
                .max(java.util.Comparator.comparing(Job::updatedAt))
                .map(Job::spec).orElse(null);
    }

    private boolean cancelled(Job job) {
        return conversations.find(job.conversationId()).map(c -> c.state() == ConversationState.CANCELLED).orElse(true);
    }

    /**
     * The job's one status message, edited in place. Progress is stored first, conditional on the claim, so a worker
     * that lost its job stops before it edits a message the new worker owns.
     */
    private final class Status {
        private Job job;
        private final Conversation conversation;
        private final JobLease lease;
        private Instant lastShown = Instant.EPOCH;

        Status(Job job, Conversation conversation, JobLease lease) {
            this.job = job;
            this.conversation = conversation;
            this.lease = lease;
        }

        void show(String note, boolean force) {
            Instant now = clock.instant();
            if (!force && Duration.between(lastShown, now).compareTo(STATUS_EVERY) < 0) {
                return;
            }
            lastShown = now;
            if (!job.state().isFinal()) {
                store(job.withProgress(note, now).leased(job.owner(), now.plus(settings.lease()), now));
            }
            BotMessage message = BotMessage.text(JobReplies.status(job.id(), job.spec().name(), note));
            try {
                if (job.statusMessage() == null) {
                    store(job.withStatusMessage(chat.post(conversation.thread(), message), now));
                } else {
                    chat.update(job.statusMessage(), message);
                }
            } catch (JobTakenOverException e) {
                throw e;
            } catch (RuntimeException e) {
                // Progress is a courtesy: a chat outage must not fail the job itself.
                LOG.log(System.Logger.Level.WARNING, "status of job " + job.id() + " not shown: " + e.getMessage());
            }
        }

        private void store(Job next) {
            if (!jobs.update(next)) {
                throw new JobTakenOverException(next.id());
            }
            job = next;
        }
    }
}
