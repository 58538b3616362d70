package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.HttpRoutes;
import dev.aiwizard.app.TestRoutes;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document against the API as the bot routes it (the one {@link HttpRoutes#routing}, without a socket):
 * every operation registered under {@code /api/v1} is documented, every documented operation reaches a handler of its
 * own (not the catch-all), and the document and its viewer are served from the bot itself.
 */
@RoutingTest
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final HttpRoutes ROUTES = HttpRoutes.builder(TestRoutes.health(),
            TestRoutes.api(new MemoryConversationStore(), new MemoryJobStore(), TestRoutes.OPERATOR_TOKEN)).build();
    private final DirectClient client;

    OpenApiTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ROUTES.routing(routing);
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

    /** A request from the operator. */
    private ClientResponseTyped<String> send(String method, String path, String... headers) {
        return TestRoutes.send(client, method, path, Stream.concat(Stream.of(TestRoutes.asOperator()),
                Stream.of(headers)).toArray(String[]::new));
    }

    @Test
    void everyRoutedOperationIsDocumentedAndEveryDocumentedOneIsRouted() throws Exception {
        Set<String> routed = new TreeSet<>();
        ROUTES.api().routes().forEach(r -> routed.add(r.method().text() + " " + r.path()));

        assertEquals(documented(), routed);
    }

    @Test
    void everyDocumentedOperationReachesAHandlerOfItsOwnInTheRealRouting() throws Exception {
        for (String op : documented()) {
            String method = op.substring(0, op.indexOf(' '));
            String path = ApiService.BASE + op.substring(op.indexOf(' ') + 1)
                    .replace("{id}", method.equals("DELETE") ? "tok-0000000000" : "x-1");
            ClientResponseTyped<String> res = send(method, path, "Content-Type", "application/json");
            assertFalse(res.entity().contains("No API operation"), op + " fell through to the catch-all: " + res.entity());
        }
        ClientResponseTyped<String> unknown = send("PUT", ApiService.BASE + "/jobs");
        assertEquals(404, unknown.status().code());
        assertTrue(unknown.entity().contains("No API operation PUT /api/v1/jobs"), unknown.entity());
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
        ClientResponseTyped<String> yaml = send("GET", "/openapi");
        assertEquals(200, yaml.status().code());
        assertTrue(yaml.headers().get(HeaderNames.CONTENT_TYPE).get().startsWith("application/yaml"));
        assertTrue(yaml.entity().startsWith("openapi: 3.1.0"));
        ClientResponseTyped<String> json = send("GET", "/openapi", "Accept", "application/json");
        JsonNode parsed = new ObjectMapper().readTree(json.entity());
        assertEquals("3.1.0", parsed.get("openapi").asText());
        assertEquals(documented().size(), parsed.get("paths").properties().stream()
                .mapToLong(p -> METHODS.stream().filter(m -> p.getValue().has(m)).count()).sum());

        ClientResponseTyped<String> page = send("GET", "/openapi/ui");
        assertEquals(200, page.status().code());
        assertTrue(page.headers().get(HeaderNames.CONTENT_TYPE).get().startsWith("text/html"));
        assertFalse(page.entity().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from elsewhere: " + page.entity());
        assertTrue(page.headers().get(HeaderNames.create("Content-Security-Policy")).get().contains("script-src 'self'"));
        Matcher asset = Pattern.compile("(?:src|href)=\"(/openapi/ui/[^\"]+)\"").matcher(page.entity());
        int assets = 0;
        while (asset.find()) {
            assets++;
            ClientResponseTyped<String> res = send("GET", asset.group(1));
            assertEquals(200, res.status().code(), asset.group(1));
            assertFalse(res.entity().isEmpty(), asset.group(1));
        }
        assertEquals(6, assets, "styles, icons, Swagger UI and its start-up script");
        assertTrue(send("GET", "/openapi/ui/init.js").entity().contains("url: \"/openapi?json\""));
        assertEquals(404, send("GET", "/openapi/ui/swagger-initializer.js").status().code(), "only the files it needs");
    }
}
