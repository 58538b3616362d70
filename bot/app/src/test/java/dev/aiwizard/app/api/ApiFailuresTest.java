package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.Wizard;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.request.JobRequestService;
import dev.aiwizard.core.request.JobRequestSettings;
import dev.aiwizard.core.testing.MemoryApiTokenStore;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryJobRequestLog;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import io.helidon.webserver.WebServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the API answers when what it stands on fails: still a problem document, and never a stack trace. */
class ApiFailuresTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer server;

    /** {@code real}, except that {@code failing} throws {@code failure} (a store's outage, or a bug). */
    @SuppressWarnings("unchecked")
    private static <T> T failing(Class<T> port, T real, String failing, RuntimeException failure) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getName().equals(failing)) {
                throw failure;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @BeforeEach
    void start() {
        MemoryJobStore jobs = new MemoryJobStore();
        ConversationStore broken = failing(ConversationStore.class, new MemoryConversationStore(), "list",
                new IllegalStateException("a bug"));
        JobStore down = failing(JobStore.class, jobs, "find", new StorageException("Could not look up a job: the "
                + "database cannot be reached", null));
        JobRequestService requests = new JobRequestService(broken, jobs, new MemoryJobRequestLog(),
                new MemoryCoordination(), new ScriptedInterviewer(), ShippedSettings.conversation(),
                new JobRequestSettings(1000, 10, Duration.ofHours(24), Set.of("java-rest"), "offline"),
                Clock.systemUTC(), () -> { }, Telemetry.NONE);
        ApiService.Parts parts = new ApiService.Parts(broken, down, requests, new ApiTokens(new MemoryApiTokenStore(),
                Clock.systemUTC()), new JobFeed(down, new JobEvents(), Duration.ofSeconds(1)), "",
                Duration.ofSeconds(15));
        server = WebServer.builder().host("127.0.0.1").port(0).routing(r -> Wizard.routing(r, parts)).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() throws Exception {
        HttpResponse<String> res = get("/api/v1/jobs/j-abcd1234");

        assertEquals(503, res.statusCode());
        assertEquals("5", res.headers().firstValue("Retry-After").orElseThrow());
        JsonNode problem = new ObjectMapper().readTree(res.body());
        assertEquals("unavailable", problem.get("code").asText());
        assertFalse(res.body().contains("cannot be reached"), "the store's words stay in the log: " + res.body());
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsStackTrace() throws Exception {
        HttpResponse<String> res = get("/api/v1/conversations");

        assertEquals(500, res.statusCode());
        assertEquals("application/problem+json", res.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("internal_error", new ObjectMapper().readTree(res.body()).get("code").asText());
        assertTrue(!res.body().contains("a bug") && !res.body().contains("at dev.aiwizard"), res.body());
    }
}
