package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.job.ObservedJobStore;
import dev.aiwizard.core.request.JobRequestService;
import dev.aiwizard.core.request.JobRequestSettings;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryApiTokenStore;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryJobRequestLog;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import io.helidon.webserver.WebServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A job's event stream on the wire: its framing, and a client that hangs up stops being followed. */
class EventStreamTest {
    private final JobEvents events = new JobEvents();
    private final ObservedJobStore jobs = new ObservedJobStore(new MemoryJobStore(), events);
    private WebServer server;

    @BeforeEach
    void start() {
        MemoryConversationStore conversations = new MemoryConversationStore();
        JobRequestService requests = new JobRequestService(conversations, jobs, new MemoryJobRequestLog(),
                new MemoryCoordination(), new ScriptedInterviewer(), ShippedSettings.conversation(),
                new JobRequestSettings(1000, 10, Duration.ofHours(24), Set.of("java-rest"), "offline"),
                Clock.systemUTC(), () -> { }, Telemetry.NONE);
        ApiService.Parts parts = new ApiService.Parts(conversations, jobs, requests,
                new ApiTokens(new MemoryApiTokenStore(), Clock.systemUTC()),
                new JobFeed(jobs, events, Duration.ofMinutes(1)), "", Duration.ofMinutes(1));
        server = WebServer.builder().host("127.0.0.1").port(0).routing(r -> Wizard.routing(r, parts)).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void eventsAreFramedAsServerSentEventsAndAClientThatHangsUpIsLetGo() throws Exception {
        Job job = Job.queued(ConversationId.random(), JobKind.GENERATE, Spec.empty(), null, Instant.now());
        jobs.enqueue(job);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/v1/jobs/" + job.id().value() + "/events HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.startsWith("data: {"); line = in.readLine()) {
                seen.append(line).append('\n');
            }
            assertTrue(seen.toString().startsWith("HTTP/1.1 200 OK"), seen.toString());
            assertTrue(seen.toString().toLowerCase().contains("content-type: text/event-stream"), seen.toString());
            assertTrue(seen.toString().contains("event: state\nid: 1\n"), seen.toString());
            assertEquals(1, events.listeners(job.id()), "followed while the client listens");
        }

        // The client hung up. The next writes fail, and the stream lets the job go.
        Job current = job;
        for (int i = 0; i < 200 && events.listeners(job.id()) > 0; i++) {
            current = current.withProgress("note " + i, Instant.now());
            jobs.update(current);
            Thread.sleep(20);
        }
        assertEquals(0, events.listeners(job.id()), "nobody follows a job for a client that is gone");
    }
}
