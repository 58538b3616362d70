package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.app.HttpRoutes;
import dev.aiwizard.app.TestRoutes;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Health over a real loopback socket, on the bot's one routing, with checks the test controls, so that "down" can be
 * seen too: the status code is for everyone, the checks only for trusted callers.
 */
class HealthServiceTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer server;

    private void start(String apiToken) {
        HealthService health = new HealthService(List.of(
                new HealthService.Check("database", () -> true),
                new HealthService.Check("coordination", () -> {
                    throw new IllegalStateException("Redis went away");
                })), apiToken);
        HttpRoutes routes = HttpRoutes.builder(health, TestRoutes.api(new MemoryConversationStore(),
                new MemoryJobStore(), apiToken)).build();
        server = WebServer.builder().host("127.0.0.1").port(0).routing(routes::routing).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            req.headers(headers);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailingOrThrowingCheckMakesHealthAndReadiness503WhileLivenessStaysUp() throws Exception {
        start("");
        for (String path : new String[] {"/health", "/health/ready"}) {
            HttpResponse<String> res = send("GET", path);
            assertEquals(503, res.statusCode(), path);
            assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
                    + "{\"name\":\"coordination\",\"status\":\"DOWN\"}]}", res.body(), path);
        }
        assertEquals(200, send("GET", "/health/live").statusCode());
        assertEquals(200, send("GET", "/health/started").statusCode());
    }

    @Test
    void throughAProxyOnlyTheStatusIsShownWithTheSameCode() throws Exception {
        start("");
        HttpResponse<String> res = send("GET", "/health", "X-Forwarded-For", "203.0.113.7");
        assertEquals(503, res.statusCode());
        assertEquals("{\"status\":\"DOWN\"}", res.body());
        assertEquals("no-cache, no-store, must-revalidate, no-transform",
                res.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void withATokenOnlyItsHolderSeesTheChecks() throws Exception {
        start("s3cret");
        assertEquals("{\"status\":\"DOWN\"}", send("GET", "/health").body());
        assertEquals("{\"status\":\"DOWN\"}", send("GET", "/health", "Authorization", "Bearer s3cre").body());
        assertEquals(2, send("GET", "/health", "Authorization", "Bearer s3cret").body().split("\"name\"").length - 1);
    }

    @Test
    void headAnswersTheStatusCodeWithoutABody() throws Exception {
        start("");
        HttpResponse<String> down = send("HEAD", "/health/ready");
        assertEquals(503, down.statusCode());
        assertEquals("", down.body());
        assertEquals(200, send("HEAD", "/health/live").statusCode());
    }
}
