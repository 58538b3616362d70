package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP side of a running bot: health, metrics and the read-only API over a real socket. The test client is on
 * loopback, as a reverse proxy on the bot's own host would be; the headers such a proxy adds are what tell them apart.
 */
class ApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One header of each kind a reverse proxy adds, with a plausible value. */
    private static final List<String[]> PROXY_HEADERS = List.of(
            new String[] {"Forwarded", "for=203.0.113.7;proto=https"},
            new String[] {"X-Forwarded-For", "203.0.113.7"},
            new String[] {"X-Forwarded-Host", "wizard.example.com"},
            new String[] {"X-Forwarded-Proto", "https"},
            new String[] {"X-Real-IP", "203.0.113.7"},
            new String[] {"Via", "1.1 proxy.example.com"});
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;
    private Wizard wizard;

    @AfterEach
    void stop() {
        if (wizard != null) {
            wizard.close();
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port() + path));
        if (headers.length > 0) {
            req.headers(headers);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> res) throws Exception {
        return JSON.readTree(res.body());
    }

    private void startWithConversation(String... env) throws Exception {
        Transcript.session(TestSettings.embedded(data, env), """
                new a todo service where people manage tasks with a title and a done flag
                skip
                generate
                """);
        wizard = Wizard.start(TestSettings.embedded(data, env), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @Test
    void healthIsUpAndReadinessIncludesTheDatabase() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data), new PrintStream(new ByteArrayOutputStream()));
        var res = get("/health");
        assertEquals(200, res.statusCode());
        JsonNode body = json(res);
        assertEquals("UP", body.get("status").asText());
        assertTrue(body.toString().contains("database"), body.toString());
        assertEquals(200, get("/health/ready").statusCode());
    }

    @Test
    void metricsAreServedInPrometheusFormatWithTheBotsOwnMeters() throws Exception {
        startWithConversation();
        wizard.conversations().reply(new dev.aiwizard.core.chat.InboundMessage(
                new dev.aiwizard.core.chat.ThreadRef("console", "terminal", "lobby"),
                new dev.aiwizard.core.chat.UserRef("u", "u"), "status", null));
        var res = get("/metrics", "Accept", "text/plain");
        assertEquals(200, res.statusCode());
        String text = new String(res.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("# TYPE"), text);
        PrometheusScrape scrape = PrometheusScrape.parse(text);
        assertTrue(scrape.value("wizard_turn_seconds_count", java.util.Map.of("platform", "console",
                "outcome", "handled")) >= 4, text);
        assertTrue(scrape.value("wizard_job_seconds_count", java.util.Map.of("state", "succeeded")) >= 1, text);
    }

    @Test
    void theApiListsConversationsWithTheirMessagesSpecAndJobs() throws Exception {
        startWithConversation();
        JsonNode list = json(get("/api/v1/conversations"));
        assertEquals(1, list.get("conversations").size());
        String id = list.get("conversations").get(0).get("id").asText();

        JsonNode detail = json(get("/api/v1/conversations/" + id));
        assertEquals("PR_OPEN", detail.get("state").asText());
        assertEquals("Task", detail.get("spec").get("entities").get(0).get("name").asText());
        assertTrue(detail.get("messages").size() >= 6, detail.get("messages").toString());
        String jobId = detail.get("jobs").get(0).get("id").asText();

        JsonNode job = json(get("/api/v1/jobs/" + jobId));
        assertEquals("SUCCEEDED", job.get("state").asText());
        JsonNode files = json(get("/api/v1/jobs/" + jobId + "/files")).get("files");
        Set<String> paths = new HashSet<>();
        files.forEach(f -> paths.add(f.get("path").asText()));
        assertTrue(paths.contains("docs/spec.md") && paths.contains("README.md"), paths.toString());

        var zip = get("/api/v1/jobs/" + jobId + "/archive.zip");
        assertEquals("application/zip", zip.headers().firstValue("content-type").orElseThrow());
        int entries = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries++;
            }
        }
        assertEquals(files.size(), entries);
    }

    @Test
    void unknownResourcesAnswerWithProblemDocuments() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data), new PrintStream(new ByteArrayOutputStream()));
        for (String path : new String[] {"/api/v1/conversations/c-nothere", "/api/v1/jobs/bogus", "/api/v1/nope"}) {
            var res = get(path);
            assertEquals(404, res.statusCode(), path);
            assertEquals("application/problem+json", res.headers().firstValue("content-type").orElseThrow(), path);
            assertEquals("not_found", json(res).get("code").asText(), path);
            assertEquals(404, json(res).get("status").asInt(), path);
            assertEquals("Not Found", json(res).get("title").asText(), path);
        }
        var bad = get("/api/v1/conversations?limit=many");
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).get("detail").asText().contains("limit"));
    }

    @Test
    void withATokenConfiguredTheApiRequiresIt() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data, "WIZARD_API_TOKEN", "s3cret-token"),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(401, get("/api/v1/conversations").statusCode());
        assertEquals(401, get("/api/v1/conversations", "Authorization", "Bearer wrong").statusCode());
        assertEquals(200, get("/api/v1/conversations", "Authorization", "Bearer s3cret-token").statusCode());
        assertEquals(200, get("/health").statusCode(), "health stays open for load balancers");
    }

    @Test
    void withoutATokenTheApiRefusesLoopbackRequestsThatCameThroughAProxy() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(200, get("/api/v1/conversations").statusCode(), "a direct loopback caller");
        for (String[] header : PROXY_HEADERS) {
            var res = get("/api/v1/conversations", header);
            assertEquals(403, res.statusCode(), header[0]);
            assertEquals("forbidden", json(res).get("code").asText(), header[0]);
        }
    }

    @Test
    void withATokenRequestsThroughAProxyAreAdmittedWithTheTokenOnly() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data, "WIZARD_API_TOKEN", "s3cret-token"),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(401, get("/api/v1/conversations", "X-Forwarded-For", "203.0.113.7").statusCode());
        assertEquals(200, get("/api/v1/conversations", "X-Forwarded-For", "203.0.113.7",
                "Authorization", "Bearer s3cret-token").statusCode());
    }

    @Test
    void withoutATokenHealthShowsItsChecksToDirectLoopbackCallersOnly() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data), new PrintStream(new ByteArrayOutputStream()));
        for (String path : new String[] {"/health", "/health/ready"}) {
            var direct = get(path);
            assertEquals(200, direct.statusCode(), path);
            assertEquals("UP", json(direct).get("status").asText(), path);
            assertEquals(List.of("database", "coordination"), checkNames(json(direct)), path);
            for (String[] header : PROXY_HEADERS) {
                var proxied = get(path, header);
                assertEquals(200, proxied.statusCode(), path + " " + header[0]);
                assertEquals("{\"status\":\"UP\"}", new String(proxied.body(), StandardCharsets.UTF_8),
                        path + " " + header[0]);
            }
        }
    }

    @Test
    void withATokenHealthShowsItsChecksOnlyToTheTokenHolderAndItsStatusToEveryone() throws Exception {
        wizard = Wizard.start(TestSettings.embedded(data, "WIZARD_API_TOKEN", "s3cret-token"),
                new PrintStream(new ByteArrayOutputStream()));
        for (String[] headers : List.of(new String[0], new String[] {"Authorization", "Bearer wrong"},
                new String[] {"X-Forwarded-For", "203.0.113.7"})) {
            var res = get("/health", headers);
            assertEquals(200, res.statusCode(), String.join(" ", headers));
            assertEquals("{\"status\":\"UP\"}", new String(res.body(), StandardCharsets.UTF_8),
                    "loopback is not enough once a token is set: " + String.join(" ", headers));
        }
        for (String[] headers : List.of(new String[] {"Authorization", "Bearer s3cret-token"},
                new String[] {"Authorization", "Bearer s3cret-token", "X-Forwarded-For", "203.0.113.7"})) {
            var res = get("/health", headers);
            assertEquals(200, res.statusCode());
            assertEquals(List.of("database", "coordination"), checkNames(json(res)), String.join(" ", headers));
        }
    }

    private static List<String> checkNames(JsonNode health) {
        List<String> names = new java.util.ArrayList<>();
        health.path("checks").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }
}
