package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ProjectArchive;
import dev.aiwizard.web.view.JobView;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's page ({@code /jobs/{id}}): its state and progress, live while it runs (its {@code events} stream, which the
 * page's script follows with {@code EventSource}), the validation report, the links to the pull request and the chat
 * thread, and the ZIP of its files. Every signed-in person may look at any job; nothing here changes one.
 */
final class JobPage {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final JobStore jobs;
    private final ConversationReads conversations;
    private final PageEvents events;
    private final ThreadLinks threads;
    private final Pages pages;

    JobPage(JobParts parts, ConversationReads conversations, Pages pages) {
        this.jobs = parts.jobs();
        this.conversations = requireNonNull(conversations, "conversations");
        this.events = new PageEvents(parts.feed(), parts.keepAlive());
        this.threads = parts.threads();
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/jobs/{id}", this::show),
                WebRoute.get("/jobs/{id}/events", (v, req, res) -> find(v, req, res)
                        .ifPresent(j -> events.stream(j, res))),
                WebRoute.get("/jobs/{id}/archive.zip", this::archive));
    }

    /** The job the path names, or a 404 page (and empty) when there is none. */
    Optional<Job> find(Visit visit, ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("id");
        Optional<Job> job = JobId.parse(raw).flatMap(jobs::find);
        if (job.isEmpty()) {
            pages.problem(res, Status.NOT_FOUND_404, "No such job", "There is no job " + raw + ".", visit, req);
        }
        return job;
    }

    private void show(Visit visit, ServerRequest req, ServerResponse res) {
        Optional<Job> found = find(visit, req, res);
        if (found.isEmpty()) {
            return;
        }
        Job job = found.get();
        Optional<Conversation> conversation = conversations.find(job.conversationId());
        int files = jobs.files(job.id()).size();
        String base = "/jobs/" + job.id().value();
        JobView view = new JobView(job.id().value(), conversation.map(Conversation::idea).orElse(""),
                job.kind().name().toLowerCase(Locale.ROOT), word(job.state()), job.state().name()
                .toLowerCase(Locale.ROOT), job.progress(), job.result(), job.error(),
                job.validation() == null ? null : job.validation().outcome().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' '),
                job.validation() == null ? null : job.validation().summary(), job.pullRequestUrl(), job.branch(),
                job.location(), conversation.map(c -> "/conversations/" + c.id().value()).orElse(null),
                conversation.map(c -> threadName(c)).orElse(null),
                conversation.flatMap(c -> threads.link(c.thread())).orElse(null),
                job.state().isFinal() ? null : base + "/events", files == 0 ? null : base + "/files",
                files == 0 ? null : base + "/diff", files == 0 ? null : base + "/archive.zip", files,
                WHEN.format(job.createdAt()), WHEN.format(job.updatedAt()));
        pages.render(res, "job.jte", pages.layout("Job " + job.id().value(), visit, req), "job", view);
    }

    private void archive(Visit visit, ServerRequest req, ServerResponse res) {
        Optional<Job> job = find(visit, req, res);
        if (job.isEmpty()) {
            return;
        }
        List<GeneratedFile> files = jobs.files(job.get().id());
        if (files.isEmpty()) {
            pages.problem(res, Status.NOT_FOUND_404, "No files yet", "Job " + job.get().id()
                    + " has no files (yet).", visit, req);
            return;
        }
        String root = ProjectArchive.root(job.get());
        res.header(HeaderNames.CONTENT_TYPE, "application/zip");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + root + ".zip\"");
        ProjectArchive.write(res.outputStream(), root, files);
    }

    /** A job's state as the page says it. */
    static String word(JobState state) {
        return switch (state) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case SUCCEEDED -> "delivered";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private static String threadName(Conversation c) {
        return switch (c.thread().platform()) {
            case "slack" -> "a Slack thread in channel " + c.thread().channel();
            case "discord" -> "a Discord thread in channel " + c.thread().channel();
            case WebGateway.PLATFORM -> "this site";
            default -> "the " + c.thread().platform() + " conversation " + c.thread().channel();
        };
    }
}
