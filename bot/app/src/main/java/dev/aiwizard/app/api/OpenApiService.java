package dev.aiwizard.app.api;

import dev.aiwizard.core.WizardException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code /openapi}: the job API's OpenAPI 3.1 document (hand-written, {@code openapi.yaml} in this jar; YAML, or JSON
 * for clients that ask for it), and at {@code /openapi/ui} an interactive viewer, Swagger UI, whose built files come
 * from its WebJar on the class path: nothing is fetched from a CDN. Open to everyone, like any API's documentation;
 * trying an operation needs a token like any other call.
 */
public final class OpenApiService implements HttpService {
    private static final String DOCUMENT = "dev/aiwizard/app/api/openapi.yaml";
    /** The viewer's files this service serves, by name, with their media types: nothing else of the WebJar. */
    private static final Map<String, String> VIEWER_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    /**
     * The viewer page's policy: only this server's own scripts (the page has no inline script), and Swagger UI's
     * inline styles and data-URI images.
     */
    private static final String VIEWER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final byte[] yaml = resource(DOCUMENT);
    private final byte[] json = Json.bytes(new Yaml().load(new String(yaml, StandardCharsets.UTF_8)));
    private final String webJar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::document)
                .get("/ui", (req, res) -> viewer(res, "dev/aiwizard/app/api/openapi-ui.html", "text/html; charset=utf-8"))
                .get("/ui/init.js", (req, res) -> viewer(res, "dev/aiwizard/app/api/openapi-ui.js",
                        "text/javascript; charset=utf-8"))
                .get("/ui/{file}", this::viewerFile);
    }

    private void document(ServerRequest req, ServerResponse res) {
        String accept = req.headers().first(HeaderNames.ACCEPT).orElse("").toLowerCase(Locale.ROOT);
        boolean asJson = accept.contains("json") && !accept.contains("yaml") || req.query().contains("json");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.CONTENT_TYPE, asJson ? "application/json" : "application/yaml; charset=utf-8");
        res.send(asJson ? json : yaml);
    }

    private void viewerFile(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String type = VIEWER_FILES.get(file);
        if (type == null) {
            Problems.send(res, Status.NOT_FOUND_404, "not_found", "No viewer file " + file + ".");
            return;
        }
        // The WebJar's version is in the path, so a new viewer is a new address and the files may be kept a day.
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
        viewer(res, webJar + file, type);
    }

    private static void viewer(ServerResponse res, String resource, String type) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.create("Content-Security-Policy"), VIEWER_POLICY);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        res.send(resource(resource));
    }

    /** The Swagger UI version whose WebJar is on the class path (from its Maven properties). */
    static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = OpenApiService.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new WizardException("Swagger UI's WebJar is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new WizardException("cannot read Swagger UI's WebJar", e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpenApiService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new WizardException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new WizardException("cannot read resource " + name, e);
        }
    }
}
