package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ProjectArchive;
import dev.aiwizard.core.request.JobRequestService;
import dev.aiwizard.web.ServerSentEvents;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /jobs}: ask for a job ({@link JobRequestService}), read one, follow its events, list and download its
 * files. Handlers only translate HTTP; what a request means is decided in the core.
 */
final class JobRoutes {
    private static final System.Logger LOG = System.getLogger(JobRoutes.class.getName());

    private final JobStore jobs;
    private final JobRequestService requests;
    private final JobFeed feed;
    private final Duration keepAlive;

    JobRoutes(JobStore jobs, JobRequestService requests, JobFeed feed, Duration keepAlive) {
        this.jobs = requireNonNull(jobs, "jobs");
        this.requests = requireNonNull(requests, "requests");
        this.feed = requireNonNull(feed, "feed");
        this.keepAlive = requireNonNull(keepAlive, "keepAlive");
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.POST, "/jobs", this::create),
                new ApiRoute(Method.GET, "/jobs/{id}", this::job),
                new ApiRoute(Method.GET, "/jobs/{id}/events", this::events),
                new ApiRoute(Method.GET, "/jobs/{id}/files", this::files),
                new ApiRoute(Method.GET, "/jobs/{id}/archive.zip", this::archive));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Optional<JsonNode> body = Bodies.json(req, res);
        if (body.isEmpty()) {
            return;
        }
        JobRequestBody.Read read = JobRequestBody.read(body.get());
        if (!read.errors().isEmpty()) {
            Problems.invalid(res, read.errors());
            return;
        }
        Outcomes.send(res, requests.submit(Bodies.caller(req), read.request()));
    }

    private void job(ServerRequest req, ServerResponse res) {
        find(req, res).ifPresent(j -> Json.send(res, Views.job(j)));
    }

    private void events(ServerRequest req, ServerResponse res) {
        Optional<Job> job = find(req, res);
        if (job.isEmpty()) {
            return;
        }
        try (EventStream stream = EventStream.open(res)) {
            feed.follow(job.get().id(), stream, keepAlive);
        } catch (ServerSentEvents.ClientGone e) {
            LOG.log(System.Logger.Level.DEBUG, "the events of job {0} lost their client", job.get().id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void files(ServerRequest req, ServerResponse res) {
        find(req, res).ifPresent(j -> Json.send(res, Map.of("jobId", j.id().value(),
                "files", jobs.files(j.id()).stream().map(Views::file).toList())));
    }

    private void archive(ServerRequest req, ServerResponse res) {
        Optional<Job> job = find(req, res);
        if (job.isEmpty()) {
            return;
        }
        List<GeneratedFile> files = jobs.files(job.get().id());
        if (files.isEmpty()) {
            Problems.send(res, Status.NOT_FOUND_404, "not_found", "Job " + job.get().id() + " has no files (yet).");
            return;
        }
        String root = ProjectArchive.root(job.get());
        res.header(HeaderNames.CONTENT_TYPE, "application/zip");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + root + ".zip\"");
        ProjectArchive.write(res.outputStream(), root, files);
    }

    private Optional<Job> find(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("id");
        Optional<Job> job = JobId.parse(raw).flatMap(jobs::find);
        if (job.isEmpty()) {
            Problems.send(res, Status.NOT_FOUND_404, "not_found", "No job " + raw + ".");
        }
        return job;
    }
}
