package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobFeed;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
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
        try (ServerSentEvents events = ServerSentEvents.open(res)) {
            feed.follow(job.id(), new JobFeed.Follower() {
                @Override
                public void changed(JobFeed.Change change) {
                    events.send("job", json(fields(change.job())));
                    if (change.job().state().isFinal()) {
                        events.send("end", "{}");
                    }
                }

                @Override
                public void idle() {
                    events.keepAlive();
                }
            }, keepAlive);
        } catch (ServerSentEvents.ClientGone e) {
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

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
