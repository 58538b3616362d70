package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.ValidationSummary;
import dev.aiwizard.core.job.Verification;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's page: what it shows, its live event stream, its ZIP. */
class JobPageTest {
    private final WebFixture web = new WebFixture(WebSettings.localOnly());
    private final JobSamples samples = new JobSamples(web);
    // The local user needs no cookie: every direct request from this machine is signed in.
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aDeliveredJobShowsItsStateValidationLinksAndDownloads() {
        Conversation c = samples.conversation("alice", "A <b>todo</b> app");
        Job job = samples.delivered(c, "todo", List.of(new GeneratedFile("README.md", "# todo\n")));
        web.jobs.update(job.withDelivery(job.pullRequestUrl(), new ValidationSummary(Verification.Outcome.PASSED,
                "tests: 12 passed"), Instant.now()));

        HttpResponse<String> page = web.browser().get("/jobs/" + job.id().value());

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("data-job-field=\"state\">delivered<"), html);
        assertTrue(html.contains("tests: 12 passed"), html);
        assertTrue(html.contains("href=\"https://github.example.com/octo/apps/pull/7\""), html);
        assertTrue(html.contains("<code id=\"job-branch\">wizard/todo</code>"), html);
        assertTrue(html.contains("href=\"https://chat.example.com/C42\""), "the Slack thread is linked");
        assertTrue(html.contains("a Slack thread in channel C42"), html);
        assertTrue(html.contains("href=\"/jobs/" + job.id().value() + "/archive.zip\""), html);
        assertTrue(html.contains("A &lt;b&gt;todo&lt;/b&gt; app"), "what people wrote is escaped");
        assertFalse(html.contains("data-job-events"), "a job that is over has nothing to follow");
    }

    @Test
    void theZipHoldsTheJobsFilesUnderTheProjectsName() throws IOException {
        Job job = samples.delivered(samples.conversation("alice", "todo"), "todo", List.of(
                new GeneratedFile("README.md", "# todo\n"), new GeneratedFile("src/App.java", "class App {}\n")));
        HttpResponse<byte[]> zip = bytes("/jobs/" + job.id().value() + "/archive.zip");

        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(List.of("todo/README.md", "todo/src/App.java"), names);
    }

    @Test
    void aRunningJobsProgressReachesThePageOverServerSentEvents() throws Exception {
        Job job = samples.queued(samples.conversation("alice", "todo"), "todo");
        String page = web.browser().get("/jobs/" + job.id().value()).body();
        String events = "/jobs/" + job.id().value() + "/events";
        assertTrue(page.contains("data-job-events=\"" + events + "\""), "the page's script follows " + events);

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(web.base().resolve(events))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("closed: " + e);
            }
        });
        assertTrue(waitFor(lines, "\"state\":\"queued\"").startsWith("data: "), "first: the job as it is");

        web.jobs.update(job.withProgress("generating 12 files", Instant.now()));
        assertTrue(waitFor(lines, "generating 12 files").contains("\"progress\":\"generating 12 files\""));

        web.jobs.update(web.jobs.find(job.id()).orElseThrow().succeeded("b", "c", "l", "done", Instant.now()));
        assertTrue(waitFor(lines, "\"state\":\"delivered\"").startsWith("data: "));
        assertEquals("event: end", waitFor(lines, "event: end"));
    }

    @Test
    void theConversationsPageLinksItsLatestJob() {
        Conversation c = samples.conversation("alice", "todo");
        samples.delivered(c, "todo", List.of(new GeneratedFile("README.md", "# todo\n")));
        Job latest = samples.queued(c, "todo");

        HttpResponse<String> page = web.browser().get("/conversations/" + c.id().value());

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<a href=\"/jobs/" + latest.id().value() + "\" id=\"conversation-job\">"),
                page.body());
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertEquals(404, web.browser().get("/jobs/j-nosuchjob").statusCode());
        assertEquals(404, web.browser().get("/jobs/not-a-job-id/events").statusCode());
    }

    /** The first line containing {@code text}, waiting up to five seconds for it. */
    private static String waitFor(BlockingQueue<String> lines, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private HttpResponse<byte[]> bytes(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(web.base().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
