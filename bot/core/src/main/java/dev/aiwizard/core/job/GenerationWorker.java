package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.ConcurrentUpdateException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.spec.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Runs one claimed generation job: generate, check, store the files, publish, and tell the thread — editing one
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

    public GenerationWorker(JobStore jobs, ConversationStore conversations, CodeGenerator generator,
                            Publisher publisher, ChatRouter chat, JobSettings settings, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs");
        this.conversations = requireNonNull(conversations, "conversations");
        this.generator = requireNonNull(generator, "generator");
        this.publisher = requireNonNull(publisher, "publisher");
        this.chat = requireNonNull(chat, "chat");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Runs {@code claimed} to the end: succeeded, failed or cancelled. */
    public void run(Job claimed) {
        Conversation c = conversations.find(claimed.conversationId())
                .orElseThrow(() -> new WizardException("job " + claimed.id() + " has no conversation"));
        Status status = new Status(claimed, c);
        if (c.state() == ConversationState.CANCELLED) {
            jobs.update(claimed.cancelled(clock.instant()));
            return;
        }
        if (claimed.attempts() > settings.maxAttempts()) {
            fail(status, "gave up after " + settings.maxAttempts() + " attempts");
            return;
        }
        try {
            status.show("planning the files", true);
            GeneratedProject project = generator.generate(new GenerationRequest(claimed.spec(), c.id(), c.requester()),
                    note -> status.show(note, false));
            status.show("generated " + project.files().size() + " files (code, tests and docs); checking them", true);
            List<String> problems = settings.limits().problems(project.files());
            if (!problems.isEmpty()) {
                fail(status, "the generated files did not pass the checks: " + String.join("; ", problems));
                return;
            }
            jobs.saveFiles(claimed.id(), project.files());
            if (cancelled(claimed)) {
                status.show("cancelled before delivery", true);
                jobs.update(status.job.cancelled(clock.instant()));
                return;
            }
            status.show("committing " + project.files().size() + " files", true);
            String threadLink = chat.gatewayFor(c.thread()).link(c.thread());
            PublishResult pushed = publisher.publish(new PublishRequest(c.id(), claimed.spec(), c.branch(),
                    project.files(), commitMessage(claimed, c), null,
                    PullRequestText.body(c, claimed, project, settings.limits(), threadLink),
                    c.branch() == null ? null : PullRequestText.changeNote(lastDelivered(claimed), claimed)));
            succeed(status, project, pushed);
        } catch (LeaseLost e) {
            LOG.log(System.Logger.Level.WARNING, "job {0} of conversation {1} was taken over by another worker",
                    claimed.id(), c.id());
        } catch (GenerationException | PublishException e) {
            fail(status, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job " + claimed.id() + " of conversation " + c.id() + " failed", e);
            fail(status, "an unexpected error (" + e.getClass().getSimpleName() + "); details are in the bot's log "
                    + "under conversation " + c.id());
        }
    }

    private void succeed(Status status, GeneratedProject project, PublishResult pushed) {
        String shortSha = pushed.commitId().substring(0, Math.min(7, pushed.commitId().length()));
        String summary = project.files().size() + " files on branch " + pushed.branch() + " (commit " + shortSha + ")"
                + (pushed.pullRequestUrl() == null ? "" : ", pull request #" + pushed.pullRequest());
        status.job = status.job.succeeded(pushed.branch(), pushed.commitId(), pushed.location(), summary, clock.instant());
        status.show("done: pushed " + summary, true);
        String text = "Done: **" + status.job.spec().name() + "** — " + project.files().size()
                + " files (code, tests and docs) on branch `" + pushed.branch() + "`, commit `" + shortSha + "`.\n"
                + (pushed.pullRequestUrl() == null ? "" : "Pull request #" + pushed.pullRequest() + ": "
                        + pushed.pullRequestUrl() + "\n")
                + "Get it: `git clone --branch " + pushed.branch() + " " + pushed.location() + "`\n"
                + "Run its tests: `" + project.testCommand() + "`\n"
                + "Made by " + project.engine() + " (" + project.usage().describe() + ").\n"
                + project.notes().stream().map(n -> "Note: " + n + "\n").collect(Collectors.joining())
                + pushed.notes().stream().map(n -> "Note: " + n + "\n").collect(Collectors.joining())
                + "Say `change <what>` to revise it on the same branch.";
        finish(status.job, c -> c.withBranch(pushed.branch(), clock.instant())
                .withState(ConversationState.PR_OPEN, clock.instant()), text, "delivered",
                pushed.branch() + " " + pushed.commitId());
        // Final state last: whoever waits for the job sees the thread's last message already posted.
        jobs.update(status.job);
    }

    private void fail(Status status, String why) {
        status.job = status.job.failed(why, clock.instant());
        status.show("failed", true);
        finish(status.job, c -> c.withState(ConversationState.FAILED, clock.instant()),
                "Generation failed: " + why + "\nSay `generate` to try again, or `change <what>` first.",
                "job-failed", why);
        jobs.update(status.job);
    }

    /** Moves the conversation on and says so, retrying when a message in the thread was saved at the same time. */
    private void finish(Job job, UnaryOperator<Conversation> change, String text, String event, String detail) {
        for (int attempt = 1; ; attempt++) {
            Conversation c = conversations.find(job.conversationId()).orElseThrow();
            if (c.state() == ConversationState.CANCELLED) {
                conversations.audit(c.id(), event + "-after-cancel", detail);
                return;
            }
            try {
                Conversation saved = conversations.save(change.apply(c), List.of(
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

    private static String commitMessage(Job job, Conversation c) {
        String title = job.kind() == JobKind.GENERATE ? "Generate " + job.spec().name() : "Revise " + job.spec().name();
        return title + "\n\n" + (job.spec().purpose() == null ? c.idea() : job.spec().purpose())
                + "\n\nGenerated by AI Wizard for conversation " + c.id() + " (job " + job.id() + ").";
    }

    /** The job's one status message, edited in place; stores progress and renews the lease as it goes. */
    private final class Status {
        private Job job;
        private final Conversation conversation;
        private Instant lastShown = Instant.EPOCH;

        Status(Job job, Conversation conversation) {
            this.job = job;
            this.conversation = conversation;
        }

        void show(String note, boolean force) {
            Instant now = clock.instant();
            if (!force && Duration.between(lastShown, now).compareTo(STATUS_EVERY) < 0) {
                return;
            }
            lastShown = now;
            boolean running = !job.state().isFinal();
            if (running) {
                job = job.withProgress(note, now).leased(job.owner(), now.plus(settings.lease()), now);
            }
            BotMessage message = BotMessage.text("Job " + job.id() + " (" + job.spec().name() + "): " + note);
            try {
                if (job.statusMessage() == null) {
                    MessageRef ref = chat.post(conversation.thread(), message);
                    job = job.withStatusMessage(ref, now);
                } else {
                    chat.update(job.statusMessage(), message);
                }
            } catch (RuntimeException e) {
                // Progress is a courtesy: a chat outage must not fail the job itself.
                LOG.log(System.Logger.Level.WARNING, "status of job " + job.id() + " not shown: " + e.getMessage());
            }
            if (running && !jobs.update(job)) {
                throw new LeaseLost();
            }
        }
    }

    /** This worker's lease ran out and another worker owns the job now: stop without touching it. */
    private static final class LeaseLost extends WizardException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("lease lost");
        }
    }
}
