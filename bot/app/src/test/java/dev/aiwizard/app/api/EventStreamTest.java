package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.TestRoutes;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.job.ObservedJobStore;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryJobStore;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A job's event stream on the wire (a real server on the one routing): its framing, and a client that hangs up stops
 * being followed.
 */
@ServerTest
class EventStreamTest {
    private static final JobEvents EVENTS = new JobEvents();
    private static final ObservedJobStore JOBS = new ObservedJobStore(new MemoryJobStore(), EVENTS);
    private final WebServer server;

    EventStreamTest(WebServer server) {
        this.server = server;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        TestRoutes.routing(routing, JOBS, EVENTS);
    }

    @Test
    void eventsAreFramedAsServerSentEventsAndAClientThatHangsUpIsLetGo() throws Exception {
        Job job = Job.queued(ConversationId.random(), JobKind.GENERATE, Spec.empty(), null, Instant.now());
        JOBS.enqueue(job);
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
            assertEquals(1, EVENTS.listeners(job.id()), "followed while the client listens");
        }

        // The client hung up. The next writes fail, and the stream lets the job go.
        Job current = job;
        for (int i = 0; i < 200 && EVENTS.listeners(job.id()) > 0; i++) {
            current = current.withProgress("note " + i, Instant.now());
            JOBS.update(current);
            Thread.sleep(20);
        }
        assertEquals(0, EVENTS.listeners(job.id()), "nobody follows a job for a client that is gone");
    }
}
