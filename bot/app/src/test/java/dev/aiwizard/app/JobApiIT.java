package dev.aiwizard.app;

import static dev.aiwizard.app.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.Ids;
import dev.aiwizard.core.testing.NeedsServices;
import dev.aiwizard.generator.testing.FakeLlmServer;
import dev.aiwizard.generator.testing.ProjectModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job API of a running bot over a real socket, as a program using it sees it: ask for a job, follow its events
 * with a real SSE client, read its files and zip; the cache, the limit, bad input, and personal tokens.
 */
@NeedsServices
class JobApiIT {
    private static final String IDEA = "a todo service where people manage tasks with a title and a done flag";
    /** The operator's token in these tests, assembled so no token-shaped string is in the file. */
    private static final String OPERATOR = "op-" + "test-" + "token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;
    @TempDir
    Path other;
    private final List<Wizard> wizards = new ArrayList<>();

    /** This test's own PostgreSQL schema (created on first use), so no other bot on the database claims its jobs. */
    private String schema;

    @AfterEach
    void stop() throws Exception {
        wizards.forEach(Wizard::close);
        if (schema != null) {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void sql(String statement) throws Exception {
        try (var c = DriverManager.getConnection(PostgresRedisIT.PG_URL, PostgresRedisIT.PG_USER, "");
             var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private Wizard start(Path dir, String... env) {
        Wizard w = Wizard.start(TestSettings.embedded(dir, env), new PrintStream(new ByteArrayOutputStream()));
        wizards.add(w);
        return w;
    }

    private String[] postgres(String... more) throws Exception {
        if (schema == null) {
            schema = "wizard_api_" + Ids.random(10);
            sql("CREATE SCHEMA " + schema);
        }
        String url = PostgresRedisIT.PG_URL + (PostgresRedisIT.PG_URL.contains("?") ? "&" : "?") + "currentSchema="
                + schema;
        List<String> env = new ArrayList<>(List.of("WIZARD_DB_URL", url, "WIZARD_DB_USER", PostgresRedisIT.PG_USER));
        env.addAll(List.of(more));
        return env.toArray(String[]::new);
    }

    /** A personal token for a fresh user, made by the operator through the API. */
    private static String tokenFor(ApiClient operator, String user) throws Exception {
        var res = operator.post("/api/v1/tokens", "{\"name\": \"tests\", \"user\": \"" + user + "\"}");
        assertEquals(201, res.statusCode(), new String(res.body()));
        return json(res).get("token").asText();
    }

    @Test
    void aJobAskedForWithApprovalIsFollowedLiveToItsEndAndItsFilesAndZipAreServed() throws Exception {
        Wizard wizard = start(data, postgres());
        ApiClient api = new ApiClient(wizard.port(), null);
        // The runner waits, so the stream is open before the job starts and every change arrives live.
        wizard.runner().stopClaiming();

        var created = api.post("/api/v1/jobs", "{\"idea\": \"" + IDEA + "\", \"stack\": \"java-rest\", "
                + "\"approve\": true}");

        assertEquals(202, created.statusCode(), new String(created.body()));
        JsonNode body = json(created);
        String jobId = body.get("jobId").asText();
        assertEquals("/api/v1/jobs/" + jobId, created.headers().firstValue("Location").orElseThrow());
        assertEquals("QUEUED", body.get("state").asText());
        assertFalse(body.get("cached").asBoolean());
        assertEquals("java-rest", body.get("spec").get("stack").asText());
        assertTrue(body.get("defaults").toString().contains("(default)"), body.get("defaults").toString());
        assertEquals("/api/v1/jobs/" + jobId + "/events", body.get("links").get("events").asText());

        ApiClient.EventStream events = api.events(body.get("links").get("events").asText());
        assertEquals(200, events.response.statusCode());
        assertTrue(events.response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        ApiClient.Event first = events.next(WAIT);
        assertEquals("state", first.name());
        assertEquals("QUEUED", first.json().get("state").asText());

        wizard.runner().start();
        List<ApiClient.Event> rest = events.untilEnd(WAIT);

        List<String> states = rest.stream().filter(e -> e.name().equals("state")).map(e -> state(e)).toList();
        assertEquals(List.of("RUNNING", "SUCCEEDED"), states, rest.toString());
        assertTrue(rest.stream().anyMatch(e -> e.name().equals("progress")), rest.toString());
        assertEquals("{\"state\":\"SUCCEEDED\"}", rest.getLast().data());
        assertTrue(events.closedWithin(Duration.ofSeconds(5)), "the stream ends with the job");

        JsonNode job = json(api.get("/api/v1/jobs/" + jobId));
        assertEquals("SUCCEEDED", job.get("state").asText());
        assertEquals("done", job.get("progress").asText());
        assertTrue(job.get("result").asText().contains("files on branch wizard/"), job.toString());
        assertTrue(job.get("pullRequest").isNull(), "a local target has no pull request");
        assertTrue(job.get("validation").isNull(), "validation is off in these tests");
        JsonNode files = json(api.get("/api/v1/jobs/" + jobId + "/files")).get("files");
        assertTrue(files.size() > 5, files.toString());
        var zip = api.get("/api/v1/jobs/" + jobId + "/archive.zip");
        assertEquals("application/zip", zip.headers().firstValue("content-type").orElseThrow());
        int entries = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            while (in.getNextEntry() != null) {
                entries++;
            }
        }
        assertEquals(files.size(), entries);

        JsonNode conversation = json(api.get(job.get("links").get("conversation").asText()));
        assertEquals("api", conversation.get("platform").asText());
        assertEquals("PR_OPEN", conversation.get("state").asText());
        assertTrue(conversation.get("messages").toString().contains("Done:"), "stored like a chat's");
    }

    private static String state(ApiClient.Event e) {
        try {
            return e.json().get("state").asText();
        } catch (java.io.IOException x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void aDraftWaitsForApprovalByTheOnePersonWhoAskedForIt() throws Exception {
        Wizard wizard = start(data, "WIZARD_API_TOKEN", OPERATOR);
        ApiClient operator = new ApiClient(wizard.port(), OPERATOR);
        ApiClient alice = operator.as(tokenFor(operator, "alice"));
        ApiClient bob = operator.as(tokenFor(operator, "bob"));

        var drafted = alice.post("/api/v1/jobs", "{\"idea\": \"" + IDEA + "\", \"name\": \"alice-tasks\"}");

        assertEquals(201, drafted.statusCode(), new String(drafted.body()));
        JsonNode draft = json(drafted);
        assertEquals("AWAITING_APPROVAL", draft.get("state").asText());
        assertEquals("alice-tasks", draft.get("spec").get("name").asText());
        String approve = draft.get("links").get("approve").asText();
        assertEquals(draft.get("links").get("self").asText(), drafted.headers().firstValue("Location").orElseThrow());
        JsonNode stored = json(operator.get(draft.get("links").get("self").asText()));
        assertEquals("alice", stored.get("requester").get("id").asText());

        var refused = bob.post(approve, "");
        assertEquals(403, refused.statusCode());
        assertTrue(json(refused).get("detail").asText().contains("Only alice"), new String(refused.body()));

        var approved = alice.post(approve, "");
        assertEquals(202, approved.statusCode(), new String(approved.body()));
        assertTrue(json(approved).get("jobId").asText().startsWith("j-"));
        assertEquals(409, alice.post(approve, "").statusCode(), "approved once");
    }

    @Test
    void anIdenticalRequestWithinADayIsServedFromTheCacheWithoutAnyModelCall() throws Exception {
        try (FakeLlmServer model = FakeLlmServer.start()) {
            ProjectModel project = new ProjectModel();
            model.script(r -> "interview_step".equals(r.schemaName())
                    ? TodoInterview.ready("java-rest", "local") : project.apply(r));
            Wizard wizard = start(data, "WIZARD_LLM_PROVIDER", "openai", "OPENAI_BASE_URL", model.openAiBaseUrl(),
                    "OPENAI_API_KEY", "sk-" + "test-0123456789", "WIZARD_LLM_MODEL", "fake-model");
            ApiClient api = new ApiClient(wizard.port(), null);
            String request = "{\"idea\": \"" + IDEA + "\", \"approve\": true}";

            var first = api.post("/api/v1/jobs", request);
            assertEquals(202, first.statusCode(), new String(first.body()));
            String jobId = json(first).get("jobId").asText();
            List<ApiClient.Event> events = api.events("/api/v1/jobs/" + jobId + "/events").untilEnd(WAIT);
            assertEquals("{\"state\":\"SUCCEEDED\"}", events.getLast().data());
            assertTrue(model.requests().size() > 1, "the first request interviewed and generated with the model");
            model.reset();

            var again = api.post("/api/v1/jobs", request);
            var draft = api.post("/api/v1/jobs", "{\"idea\": \"" + IDEA + "\"}");

            assertEquals(200, again.statusCode(), new String(again.body()));
            assertTrue(json(again).get("cached").asBoolean());
            assertEquals(jobId, json(again).get("jobId").asText());
            assertEquals("SUCCEEDED", json(again).get("state").asText());
            assertEquals(201, draft.statusCode());
            assertTrue(json(draft).get("cached").asBoolean(), "the draft reuses the spec of the same request");
            assertEquals(List.of(), model.requests(), "not a single model call");
        }
    }

    @Test
    void aPersonsJobRequestsBeyondTheLimitPerMinuteAreRefusedWith429AndRetryAfterOnRedis() throws Exception {
        Wizard wizard = start(data, "WIZARD_API_TOKEN", OPERATOR, "WIZARD_API_JOBS_PER_MINUTE", "3",
                "WIZARD_REDIS_URL", PostgresRedisIT.REDIS_URL);
        ApiClient operator = new ApiClient(wizard.port(), OPERATOR);
        // Fresh people: Redis remembers requests across test runs within the minute.
        ApiClient carol = operator.as(tokenFor(operator, "carol-" + Ids.random(6)));
        ApiClient dave = operator.as(tokenFor(operator, "dave-" + Ids.random(6)));
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, carol.post("/api/v1/jobs", "{\"idea\": \"" + IDEA + " number " + i + "\"}")
                    .statusCode(), "request " + i);
        }

        var refused = carol.post("/api/v1/jobs", "{\"idea\": \"" + IDEA + " once more\"}");

        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElseThrow());
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("rate_limited", json(refused).get("code").asText());
        assertEquals(201, dave.post("/api/v1/jobs", "{\"idea\": \"" + IDEA + "\"}").statusCode(),
                "each person has their own limit");
    }

    @Test
    void badInputIsRefusedWithAProblemDocumentNamingTheField() throws Exception {
        Wizard wizard = start(data);
        ApiClient api = new ApiClient(wizard.port(), null);
        Map<String, String> fieldOf = new LinkedHashMap<>();
        fieldOf.put("{\"idea\": \"" + "x".repeat(1001) + "\"}", "idea");
        fieldOf.put("{\"idea\": \"" + IDEA + "\", \"stack\": \"cobol\"}", "stack");
        fieldOf.put("{\"idea\": \"" + IDEA + "\", \"target\": \"not a repository\"}", "target");
        fieldOf.put("{\"idea\": \"" + IDEA + "\", \"target\": \"someone/else\"}", "target");
        fieldOf.put("{\"idea\": \"" + IDEA + "\", \"name\": \"Not A Slug\"}", "name");
        fieldOf.put("{\"idea\": 42}", "idea");
        fieldOf.put("{\"idea\": \"" + IDEA + "\", \"approve\": \"yes\"}", "approve");
        fieldOf.put("{\"idea\": \"" + IDEA + "\", \"aprove\": true}", "aprove");
        fieldOf.put("{}", "idea");
        fieldOf.put("[\"" + IDEA + "\"]", "");
        fieldOf.put("{\"idea\": ", "");
        for (var c : fieldOf.entrySet()) {
            var res = api.post("/api/v1/jobs", c.getKey());
            String shown = c.getKey().length() > 60 ? c.getKey().substring(0, 60) : c.getKey();
            assertEquals(400, res.statusCode(), shown);
            assertEquals("application/problem+json", res.headers().firstValue("content-type").orElseThrow(), shown);
            JsonNode problem = json(res);
            assertEquals(400, problem.get("status").asInt(), shown);
            assertEquals("Bad Request", problem.get("title").asText(), shown);
            assertEquals("about:blank", problem.get("type").asText(), shown);
            assertFalse(problem.get("detail").asText().isBlank(), shown);
            assertEquals(c.getValue(), problem.get("errors").get(0).get("field").asText(), shown + " " + problem);
        }
        var notJson = api.send(api.request("/api/v1/jobs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(IDEA)).build());
        assertEquals(415, notJson.statusCode());
        assertEquals(0, json(api.get("/api/v1/conversations")).get("conversations").size(), "nothing was stored");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceOnEveryReplica() throws Exception {
        Wizard a = start(data, postgres("WIZARD_API_TOKEN", OPERATOR));
        Wizard b = start(other, postgres("WIZARD_API_TOKEN", OPERATOR));
        ApiClient operatorOnA = new ApiClient(a.port(), OPERATOR);
        String user = "erin-" + Ids.random(6);
        ApiClient erinOnA = operatorOnA.as(tokenFor(operatorOnA, user));
        String token = erinOnA.request("/").build().headers().firstValue("Authorization").orElseThrow()
                .substring("Bearer ".length());
        ApiClient erinOnB = new ApiClient(b.port(), token);
        assertEquals(200, erinOnB.get("/api/v1/conversations").statusCode(), "made on one replica, works on both");
        JsonNode mine = json(erinOnB.get("/api/v1/tokens")).get("tokens");
        assertEquals(1, mine.size(), "a person sees their own tokens only");
        assertFalse(mine.toString().contains(token), "the token itself is never listed");
        String id = mine.get(0).get("id").asText();

        ApiClient mallory = operatorOnA.as(tokenFor(operatorOnA, "mallory-" + Ids.random(6)));
        assertEquals(404, mallory.delete("/api/v1/tokens/" + id).statusCode(), "not someone else's");
        assertEquals(204, erinOnA.delete("/api/v1/tokens/" + id).statusCode());

        HttpResponse<byte[]> refused = erinOnB.get("/api/v1/conversations");
        assertEquals(401, refused.statusCode(), "refused at once on the other replica");
        assertEquals("unauthorized", json(refused).get("code").asText());
        assertEquals(401, erinOnA.get("/api/v1/jobs/j-whatever").statusCode());
        assertEquals(401, new ApiClient(a.port(), "wzt_" + "a".repeat(48)).get("/api/v1/tokens").statusCode());
    }
}
