package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.api.HealthService;
import dev.aiwizard.app.github.GitHubWebhookService;
import dev.aiwizard.app.slack.SlackEndpoint;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryInbox;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.git.GitHubSettings;
import dev.aiwizard.git.GitPublisher;
import dev.aiwizard.git.testing.GitTestSettings;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.slack.RequestSignature;
import dev.aiwizard.slack.SlackBot;
import dev.aiwizard.slack.SlackSettings;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every route the bot serves, through its one routing ({@link HttpRoutes}) without a socket: each path's methods,
 * status codes and content types, who needs credentials, and that the platforms' endpoints refuse what is not signed.
 * Every part is the real one; what they stand on is in memory, and Slack and GitHub are the local fakes.
 */
@RoutingTest
class HttpRoutesTest {
    private static final String SLACK_SECRET = "slack-signing-secret-for-routing";
    private static final String WEBHOOK_SECRET = "webhook-secret-for-routing";
    private static final FakeSlack SLACK = FakeSlack.start("xoxb-routing");
    private static final FakeGitHub GITHUB = FakeGitHub.start();
    private static final ExecutorService WEBHOOK_EVENTS = Executors.newVirtualThreadPerTaskExecutor();
    @TempDir
    static Path data;
    private final DirectClient client;

    HttpRoutesTest(DirectClient client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.addFeature(HttpRoutes.observe());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        MemoryConversationStore conversations = new MemoryConversationStore();
        MemoryJobStore jobs = new MemoryJobStore();
        MemoryCoordination coordination = new MemoryCoordination();
        Clock clock = Clock.systemUTC();
        SlackSettings slack = new SlackSettings("xoxb-routing", SLACK_SECRET, null, URI.create(SLACK.url()),
                Duration.ZERO);
        GitPublisher publisher = new GitPublisher(GitTestSettings.local(data),
                GitTestSettings.gitHub().withToken("routing-token").withApiUrl(URI.create(GITHUB.apiUrl())));
        ConversationService service = new ConversationService(conversations, jobs, coordination,
                new ScriptedInterviewer(), new ChatRouter(), ShippedSettings.conversation(), clock, () -> { },
                Telemetry.NONE);
        GitHubWebhookService webhooks = GitHubWebhookService.create(WEBHOOK_SECRET, coordination, conversations,
                service, publisher.gitHubReviews().orElseThrow(), GitTestSettings.gitHub().mention(),
                new Intake(new MemoryInbox(), "routing-test", Duration.ofMinutes(1), 3, key -> false),
                WEBHOOK_EVENTS, clock);
        HealthService health = new HealthService(List.of(new HealthService.Check("database", () -> true)),
                TestRoutes.OPERATOR_TOKEN);
        HttpRoutes.builder(health, TestRoutes.api(conversations, jobs, TestRoutes.OPERATOR_TOKEN))
                .slack(new SlackEndpoint(SlackBot.app(slack), new RequestSignature(SLACK_SECRET, clock)))
                .gitHubWebhooks(webhooks)
                .build().routing(routing);
    }

    @AfterAll
    static void stopFakes() {
        WEBHOOK_EVENTS.close();
        SLACK.close();
        GITHUB.close();
    }

    private ClientResponseTyped<String> send(String method, String path, String... headers) {
        return TestRoutes.send(client, method, path, headers);
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3} {4}")
    @CsvSource({
            "GET,    /health,                anyone,   200, application/json",
            "GET,    /health/ready,          anyone,   200, application/json",
            "GET,    /health/live,           anyone,   200, application/json",
            "GET,    /health/started,        anyone,   200, application/json",
            "GET,    /metrics,               anyone,   200, text/plain",
            "GET,    /openapi,               anyone,   200, application/yaml",
            "GET,    /openapi/ui,            anyone,   200, text/html",
            "GET,    /openapi/ui/nothing.js, anyone,   404, application/problem+json",
            "GET,    /api/v1/conversations,  anyone,   401, application/problem+json",
            "POST,   /api/v1/jobs,           anyone,   401, application/problem+json",
            "GET,    /api/v1/tokens,         anyone,   401, application/problem+json",
            "GET,    /api/v1/conversations,  operator, 200, application/json",
            "GET,    /api/v1/jobs/j-0,       operator, 404, application/problem+json",
            "PUT,    /api/v1/jobs,           operator, 404, application/problem+json",
            "GET,    /api/v2/jobs,           operator, 404, text/plain",
            "GET,    /nowhere,               anyone,   404, text/plain",
            // Helidon 4.1 answers a path served for other methods only 404, as it does an unknown path (no 405).
            "DELETE, /health,                operator, 404, text/plain",
            "GET,    /slack/events,          anyone,   404, text/plain",
            "GET,    /webhooks/github,       anyone,   404, text/plain",
    })
    void everyPathAnswersWithItsStatusAndContentType(String method, String path, String as, int status,
                                                      String contentType) {
        ClientResponseTyped<String> res = as.equals("operator") ? send(method, path, TestRoutes.asOperator())
                : send(method, path);

        assertEquals(status, res.status().code(), res.entity());
        assertEquals(contentType, res.headers().contentType().map(Object::toString).orElse("").split(";")[0]);
    }

    @Test
    void withoutCredentialsTheApiAsksForABearerTokenAndAWrongOneIsRefusedToo() {
        assertEquals("Bearer", send("GET", "/api/v1/jobs/j-0").headers().get(HeaderNames.WWW_AUTHENTICATE).get());

        ClientResponseTyped<String> wrong = send("GET", "/api/v1/conversations",
                "Authorization", "Bearer not-the-operator");
        assertEquals(401, wrong.status().code());
        assertTrue(wrong.entity().contains("\"unauthorized\""), wrong.entity());
    }

    @Test
    void healthShowsItsChecksOnlyToTheOperator() {
        assertEquals("{\"status\":\"UP\"}", send("GET", "/health").entity());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}",
                send("GET", "/health", TestRoutes.asOperator()).entity());
        assertEquals(200, send("HEAD", "/health/live").status().code());
    }

    @Test
    void slackEventsRefuseARequestWithoutAGoodSignatureAndHandASignedOneToBolt() {
        String body = "{\"type\":\"url_verification\",\"token\":\"legacy\",\"challenge\":\"routing-challenge\"}";
        long now = Instant.now().getEpochSecond();

        ClientResponseTyped<String> unsigned = send("POST", HttpRoutes.SLACK_EVENTS, "Content-Type",
                "application/json");
        ClientResponseTyped<String> forged = slack(body, now, SlackRequests.signature("another-secret", now, body));
        ClientResponseTyped<String> stale = slack(body, now - 600, SlackRequests.signature(SLACK_SECRET, now - 600,
                body));
        ClientResponseTyped<String> signed = slack(body, now, SlackRequests.signature(SLACK_SECRET, now, body));

        for (ClientResponseTyped<String> refused : List.of(unsigned, forged, stale)) {
            assertEquals(401, refused.status().code());
            assertEquals("{\"error\":\"invalid request\"}", refused.entity());
        }
        assertEquals(200, signed.status().code(), signed.entity());
        assertTrue(signed.entity().contains("routing-challenge"), signed.entity());
    }

    private ClientResponseTyped<String> slack(String body, long timestamp, String signature) {
        return client.post(HttpRoutes.SLACK_EVENTS)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-Slack-Request-Timestamp"), String.valueOf(timestamp))
                .header(HeaderNames.create("X-Slack-Signature"), signature)
                .submit(body, String.class);
    }

    @Test
    void gitHubWebhooksRefuseAMissingOrWrongSignatureAndAcceptASignedDelivery() {
        String body = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";

        ClientResponseTyped<String> missing = webhook("routing-1", body, null);
        ClientResponseTyped<String> wrong = webhook("routing-2", body, sign("another-secret", body));
        ClientResponseTyped<String> signed = webhook("routing-3", body, sign(WEBHOOK_SECRET, body));

        for (ClientResponseTyped<String> refused : List.of(missing, wrong)) {
            assertEquals(401, refused.status().code());
            assertTrue(refused.entity().contains("bad_signature"), refused.entity());
        }
        assertEquals(202, signed.status().code(), signed.entity());
        assertEquals("{\"status\":\"accepted\"}", signed.entity());
    }

    private ClientResponseTyped<String> webhook(String delivery, String body, String signature) {
        var req = client.post(HttpRoutes.GITHUB_WEBHOOKS)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-GitHub-Event"), "ping")
                .header(HeaderNames.create("X-GitHub-Delivery"), delivery);
        if (signature != null) {
            req.header(HeaderNames.create("X-Hub-Signature-256"), signature);
        }
        return req.submit(body, String.class);
    }

    /** Signs as GitHub does, independently of the bot's own code. */
    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
