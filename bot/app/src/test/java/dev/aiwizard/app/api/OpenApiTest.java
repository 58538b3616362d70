package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.Wizard;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document against the API as routed: every operation registered under {@code /api/v1} is documented,
 * every documented operation reaches a handler of its own (not the catch-all), and the document and its viewer are
 * served from the bot itself.
 */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private final HttpClient http = HttpClient.newHttpClient();
    private final MemoryJobStore jobs = new MemoryJobStore();
    private final MemoryConversationStore conversations = new MemoryConversationStore();
    private ApiService.Parts parts;
    private WebServer server;

    @BeforeEach
    void start() {
        JobRequestService requests = new JobRequestService(conversations, jobs, new MemoryJobRequestLog(),
                new MemoryCoordination(), new ScriptedInterviewer(), ShippedSettings.conversation(),
                new JobRequestSettings(1000, 10, Duration.ofHours(24), Set.of("java-rest"), "offline"),
                Clock.systemUTC(), () -> { }, Telemetry.NONE);
        parts = new ApiService.Parts(conversations, jobs, requests, new ApiTokens(new MemoryApiTokenStore(),
                Clock.systemUTC()), new JobFeed(jobs, new JobEvents(), Duration.ofSeconds(1)), "",
                Duration.ofSeconds(15));
        server = WebServer.builder().host("127.0.0.1").port(0).routing(r -> Wizard.routing(r, parts)).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws Exception {
        try (InputStream in = OpenApiTest.class.getClassLoader()
                .getResourceAsStream("dev/aiwizard/app/api/openapi.yaml")) {
            return new Yaml().load(in);
        }
    }

    /** Every operation of the document as {@code METHOD /path}. */
    @SuppressWarnings("unchecked")
    private static Set<String> documented() throws Exception {
        Set<String> ops = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream().filter(METHODS::contains)
                .forEach(m -> ops.add(m.toUpperCase() + " " + path)));
        return ops;
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            req.headers(headers);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRoutedOperationIsDocumentedAndEveryDocumentedOneIsRouted() throws Exception {
        Set<String> routed = new TreeSet<>();
        new ApiService(parts).routes().forEach(r -> routed.add(r.method().text() + " " + r.path()));

        assertEquals(documented(), routed);
    }

    @Test
    void everyDocumentedOperationReachesAHandlerOfItsOwnInTheRealRouting() throws Exception {
        for (String op : documented()) {
            String method = op.substring(0, op.indexOf(' '));
            String path = ApiService.BASE + op.substring(op.indexOf(' ') + 1)
                    .replace("{id}", method.equals("DELETE") ? "tok-0000000000" : "x-1");
            HttpResponse<String> res = send(method, path, "Content-Type", "application/json");
            assertFalse(res.body().contains("No API operation"), op + " fell through to the catch-all: " + res.body());
        }
        HttpResponse<String> unknown = send("PUT", ApiService.BASE + "/jobs");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("No API operation PUT /api/v1/jobs"), unknown.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentIsOpenApi31WithUniqueOperationIdsAndEveryReferenceResolves() throws Exception {
        Map<String, Object> doc = document();
        String yaml = new String(OpenApiTest.class.getClassLoader()
                .getResourceAsStream("dev/aiwizard/app/api/openapi.yaml").readAllBytes(), StandardCharsets.UTF_8);

        assertEquals("3.1.0", doc.get("openapi"));
        List<String> ids = new ArrayList<>();
        ((Map<String, Object>) doc.get("paths")).values().forEach(item -> ((Map<String, Object>) item).forEach(
                (m, op) -> {
                    if (METHODS.contains(m)) {
                        ids.add((String) ((Map<String, Object>) op).get("operationId"));
                        assertTrue(((Map<String, Object>) op).containsKey("responses"), m);
                    }
                }));
        assertEquals(ids.size(), Set.copyOf(ids).size(), "operation ids are unique: " + ids);
        Matcher ref = Pattern.compile("\\$ref: \"#/components/(\\w+)/(\\w+)\"").matcher(yaml);
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        int refs = 0;
        while (ref.find()) {
            refs++;
            Map<String, Object> kind = (Map<String, Object>) components.get(ref.group(1));
            assertTrue(kind != null && kind.containsKey(ref.group(2)), "unresolved " + ref.group());
        }
        assertTrue(refs > 20, "references checked: " + refs);
    }

    @Test
    void theDocumentIsServedAsYamlOrJsonAndTheViewerFromTheBotItselfWithoutACdn() throws Exception {
        HttpResponse<String> yaml = send("GET", "/openapi");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("content-type").orElseThrow().startsWith("application/yaml"));
        assertTrue(yaml.body().startsWith("openapi: 3.1.0"));
        HttpResponse<String> json = send("GET", "/openapi", "Accept", "application/json");
        JsonNode parsed = new ObjectMapper().readTree(json.body());
        assertEquals("3.1.0", parsed.get("openapi").asText());
        assertEquals(documented().size(), parsed.get("paths").properties().stream()
                .mapToLong(p -> METHODS.stream().filter(m -> p.getValue().has(m)).count()).sum());

        HttpResponse<String> page = send("GET", "/openapi/ui");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from elsewhere: " + page.body());
        assertTrue(page.headers().firstValue("content-security-policy").orElseThrow().contains("script-src 'self'"));
        Matcher asset = Pattern.compile("(?:src|href)=\"(/openapi/ui/[^\"]+)\"").matcher(page.body());
        int assets = 0;
        while (asset.find()) {
            assets++;
            HttpResponse<String> res = send("GET", asset.group(1));
            assertEquals(200, res.statusCode(), asset.group(1));
            assertFalse(res.body().isEmpty(), asset.group(1));
        }
        assertEquals(6, assets, "styles, icons, Swagger UI and its start-up script");
        assertTrue(send("GET", "/openapi/ui/init.js").body().contains("url: \"/openapi?json\""));
        assertEquals(404, send("GET", "/openapi/ui/swagger-initializer.js").statusCode(), "only the files it needs");
    }
}
