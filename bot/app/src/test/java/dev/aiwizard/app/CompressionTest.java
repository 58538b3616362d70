package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.job.ObservedJobStore;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryJobStore;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Responses go out gzip-compressed to clients that ask for it (browsers do), on a real server set up as the bot's:
 * the same bytes once decompressed, and event streams still deliver each event as it happens.
 */
@ServerTest
class CompressionTest {
    private static final JobEvents EVENTS = new JobEvents();
    private static final ObservedJobStore JOBS = new ObservedJobStore(new MemoryJobStore(), EVENTS);
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    CompressionTest(WebServer server) {
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.contentEncoding(HttpRoutes.contentEncoding());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        TestRoutes.routing(routing, JOBS, EVENTS);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path));
        if (acceptEncoding != null) {
            req.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anAssetAskedForWithGzipComesCompressedAndDecompressesToTheSameBytes() throws Exception {
        String asset = "/openapi/ui/swagger-ui-bundle.js";
        HttpResponse<byte[]> plain = get(asset, null);
        HttpResponse<byte[]> gzipped = get(asset, "gzip, deflate, br");

        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse("none"));
        assertTrue(gzipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
                "caches keep the two forms apart: " + gzipped.headers().map());
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), unzipped);
        assertTrue(gzipped.body().length < plain.body().length / 2,
                gzipped.body().length + " bytes compressed of " + plain.body().length);
    }

    @Test
    void aClientThatDoesNotAskGetsThePlainBytes() throws Exception {
        HttpResponse<byte[]> plain = get("/openapi/ui/swagger-ui.css", null);

        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), plain.headers().map().toString());
        assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains(".swagger-ui"));
    }

    @Test
    void aCompressedEventStreamStillDeliversEachEventAtOnce() throws Exception {
        Job job = Job.queued(ConversationId.random(), JobKind.GENERATE, Spec.empty(), null, Instant.now());
        JOBS.enqueue(job);
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/jobs/" + job.id().value() + "/events"))
                .header("Accept", "text/event-stream").header("Accept-Encoding", "gzip").build();
        HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("gzip", res.headers().firstValue("Content-Encoding").orElse("none"));

        // The job is still queued, so the stream stays open: the first event must come without the stream ending.
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> firstEvent(res.body()));
        String event = first.get(10, TimeUnit.SECONDS);

        assertTrue(event.contains("event: state\nid: 1\n"), event);
        res.body().close();
    }

    /** Reads up to the first event's data line; byte by byte, since a Reader would wait for more than is there. */
    private static String firstEvent(InputStream body) {
        try {
            InputStream in = new GZIPInputStream(body);
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                seen.write(b);
                String text = seen.toString(StandardCharsets.UTF_8);
                if (b == '\n' && text.contains("\ndata: ")) {
                    return text;
                }
            }
            return seen.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
