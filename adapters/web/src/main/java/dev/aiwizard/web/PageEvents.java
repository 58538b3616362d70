package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobFeed;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's page, live: server-sent events from {@link JobFeed} (no polling in the page). Each {@code job} event carries
 * the fields the page shows, by the names of its {@code data-job-field} elements; {@code end} follows once the job is
 * over, and the stream closes (the page then loads itself again, with the files and links).
 */
final class PageEvents {
    private static final System.Logger LOG = System.getLogger(PageEvents.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobFeed feed;
    private final Duration keepAlive;

    PageEvents(JobFeed feed, Duration keepAlive) {
        this.feed = requireNonNull(feed, "feed");
        this.keepAlive = requireNonNull(keepAlive, "keepAlive");
    }

    /** Streams {@code job}'s changes to {@code res} until the job is over or the browser goes away. */
    void stream(Job job, ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache, no-store")
                .header(HeaderNames.create("X-Accel-Buffering"), "no");
        try (OutputStream out = res.outputStream()) {
            feed.follow(job.id(), new Writer(out), keepAlive);
        } catch (Gone | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the page following job {0} went away", job.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fields of the page that change, by their {@code data-job-field} names. */
    static Map<String, String> fields(Job job) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("state", JobPage.word(job.state()));
        m.put("progress", job.progress());
        m.put("updated", JobPage.WHEN.format(job.updatedAt()));
        return m;
    }

    private record Writer(OutputStream out) implements JobFeed.Follower {
        @Override
        public void changed(JobFeed.Change change) {
            try {
                write("event: job\ndata: " + JSON.writeValueAsString(fields(change.job())) + "\n\n");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            if (change.job().state().isFinal()) {
                write("event: end\ndata: {}\n\n");
            }
        }

        @Override
        public void idle() {
            write(": keep-alive\n\n");
        }

        private void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                throw new Gone(e);
            }
        }
    }

    /** The browser closed the stream: thrown out of {@link JobFeed#follow} to stop following. */
    private static final class Gone extends RuntimeException {
        Gone(Throwable cause) {
            super("the page's event stream is closed", cause);
        }
    }
}
