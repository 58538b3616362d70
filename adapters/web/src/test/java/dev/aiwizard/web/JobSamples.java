package dev.aiwizard.web;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.spec.Spec;
import java.time.Instant;
import java.util.List;

/** Conversations and jobs as the engine leaves them, put straight into a {@link WebFixture}'s stores. */
final class JobSamples {
    private final WebFixture web;

    JobSamples(WebFixture web) {
        this.web = web;
    }

    /** A conversation {@code requester} started in a Slack thread. */
    Conversation conversation(String requester, String idea) {
        Conversation c = Conversation.start(ConversationId.random(), new ThreadRef("slack", "C42", "1700000000.0001"),
                new UserRef(requester, "Name of " + requester), idea, Instant.now());
        web.conversations.create(c, List.of());
        return c;
    }

    /** A queued job of {@code c} building the project {@code name}. */
    Job queued(Conversation c, String name) {
        Job job = Job.queued(c.id(), JobKind.GENERATE, Spec.empty().withName(name), null, Instant.now());
        web.jobs.enqueue(job);
        return job;
    }

    /** A job of {@code c} that delivered {@code files} on a branch with a pull request. */
    Job delivered(Conversation c, String name, List<GeneratedFile> files) {
        Job job = queued(c, name);
        Job done = job.succeeded("wizard/" + name, "abc123", "octo/apps", "delivered " + files.size() + " files",
                Instant.now()).withDelivery("https://github.example.com/octo/apps/pull/7", null, Instant.now());
        web.jobs.update(done);
        web.jobs.saveFiles(job.id(), files);
        return done;
    }
}
