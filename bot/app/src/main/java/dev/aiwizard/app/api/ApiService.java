package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobStore;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The read-only REST API under {@code /api/v1}: conversations, jobs, their files and a zip of them. */
public final class ApiService implements HttpService {
    private static final int MAX_LIMIT = 200;

    private final ConversationReads conversations;
    private final JobStore jobs;
    private final ApiAccess access;

    /** An API over the stores; {@code apiToken} empty means loopback callers only. */
    public ApiService(ConversationReads conversations, JobStore jobs, String apiToken) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.jobs = requireNonNull(jobs, "jobs");
        this.access = new ApiAccess(apiToken);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any((req, res) -> {
            if (access.admit(req, res)) {
                res.next();
            }
        });
        rules.get("/conversations", this::listConversations)
                .get("/conversations/{id}", this::conversation)
                .get("/jobs/{id}", this::job)
                .get("/jobs/{id}/files", this::files)
                .get("/jobs/{id}/archive.zip", this::archive)
                .any((req, res) -> Json.error(res, Status.NOT_FOUND_404, "not_found",
                        "No API resource at " + req.path().path() + "."));
    }

    private void listConversations(ServerRequest req, ServerResponse res) {
        Optional<Integer> limit = intParam(req, res, "limit", 50);
        Optional<Integer> offset = limit.isEmpty() ? Optional.empty() : intParam(req, res, "offset", 0);
        if (limit.isEmpty() || offset.isEmpty()) {
            return;
        }
        if (limit.get() < 1 || limit.get() > MAX_LIMIT || offset.get() < 0) {
            Json.error(res, Status.BAD_REQUEST_400, "bad_request",
                    "limit must be 1.." + MAX_LIMIT + " and offset at least 0.");
            return;
        }
        List<Conversation> page = conversations.list(limit.get(), offset.get());
        Json.send(res, Map.of("conversations", page.stream().map(Views::conversation).toList(),
                "limit", limit.get(), "offset", offset.get()));
    }

    private void conversation(ServerRequest req, ServerResponse res) {
        Optional<ConversationId> id = conversationId(req.path().pathParameters().get("id"));
        Optional<Conversation> c = id.flatMap(conversations::find);
        if (c.isEmpty()) {
            Json.error(res, Status.NOT_FOUND_404, "not_found", "No conversation " + req.path().pathParameters().get("id") + ".");
            return;
        }
        Json.send(res, Views.conversationDetail(c.get(), conversations.messages(c.get().id()),
                jobs.forConversation(c.get().id())));
    }

    private void job(ServerRequest req, ServerResponse res) {
        findJob(req, res).ifPresent(j -> Json.send(res, Views.job(j)));
    }

    private void files(ServerRequest req, ServerResponse res) {
        findJob(req, res).ifPresent(j -> Json.send(res, Map.of("jobId", j.id().value(),
                "files", jobs.files(j.id()).stream().map(Views::file).toList())));
    }

    private void archive(ServerRequest req, ServerResponse res) {
        Optional<Job> job = findJob(req, res);
        if (job.isEmpty()) {
            return;
        }
        List<GeneratedFile> files = jobs.files(job.get().id());
        if (files.isEmpty()) {
            Json.error(res, Status.NOT_FOUND_404, "not_found", "Job " + job.get().id() + " has no files (yet).");
            return;
        }
        String root = job.get().spec().name() == null ? job.get().id().value() : job.get().spec().name();
        res.header(HeaderNames.CONTENT_TYPE, "application/zip");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + root + ".zip\"");
        try (OutputStream out = res.outputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (GeneratedFile f : files) {
                zip.putNextEntry(new ZipEntry(root + "/" + f.path()));
                zip.write(f.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the archive of " + job.get().id() + " failed", e);
        }
    }

    private Optional<Job> findJob(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("id");
        Optional<Job> job;
        try {
            job = jobs.find(new JobId(raw));
        } catch (IllegalArgumentException e) {
            job = Optional.empty();
        }
        if (job.isEmpty()) {
            Json.error(res, Status.NOT_FOUND_404, "not_found", "No job " + raw + ".");
        }
        return job;
    }

    private static Optional<ConversationId> conversationId(String raw) {
        try {
            return Optional.of(new ConversationId(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> intParam(ServerRequest req, ServerResponse res, String name, int fallback) {
        String raw = req.query().first(name).orElse(null);
        if (raw == null) {
            return Optional.of(fallback);
        }
        try {
            return Optional.of(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            Json.error(res, Status.BAD_REQUEST_400, "bad_request", name + " must be a whole number, was '" + raw + "'.");
            return Optional.empty();
        }
    }
}
