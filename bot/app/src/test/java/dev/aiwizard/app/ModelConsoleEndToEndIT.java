package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.generator.testing.FakeLlmServer;
import dev.aiwizard.generator.testing.FakeLlmServer.Reply;
import dev.aiwizard.generator.testing.ProjectModel;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console flow with a model configured only through the environment, against a fake OpenAI-compatible server:
 * the model's question, `skip` with the model's stated defaults, generation through plan and files, the durable
 * cache on a second run after a restart, and the offline fallback when the provider is down.
 */
class ModelConsoleEndToEndIT {
    private static final String SCRIPT = """
            new a todo service where people manage tasks with a title and a done flag
            skip
            generate
            """;

    private final FakeLlmServer server = FakeLlmServer.start();

    @TempDir
    Path data;
    @TempDir
    Path checkout;

    @AfterEach
    void stop() {
        server.close();
    }

    /** The fake server as an OpenAI model, {@code more} environment variables besides. */
    private AppSettings settings(String... more) {
        List<String> env = new ArrayList<>(List.of("WIZARD_LLM_PROVIDER", "openai", "OPENAI_BASE_URL",
                server.openAiBaseUrl(), "OPENAI_API_KEY", "sk-e2e-0123456789", "WIZARD_LLM_MODEL", "fake-model"));
        env.addAll(List.of(more));
        return TestSettings.embedded(data, env.toArray(String[]::new));
    }

    /** An interviewer that reads the todo idea like a good model would, and states defaults on `skip`. */
    private static Reply interview(FakeLlmServer.Request r) {
        Map<String, Object> a = new LinkedHashMap<>();
        boolean defaults = r.lastUser().contains("Fill every empty part");
        a.put("name", "todo-service");
        a.put("purpose", "people manage tasks");
        a.put("entities", List.of(Map.of("name", "Task", "fields", List.of(Map.of("name", "title", "type", "text"),
                Map.of("name", "done", "type", "boolean")))));
        a.put("operations", List.of("create", "read", "list", "update", "delete"));
        a.put("stack", defaults ? "java-rest" : "");
        a.put("persistence", defaults ? "in-memory" : "");
        a.put("target", defaults ? "local" : "");
        a.put("unusable", "");
        a.put("nextSlot", defaults ? "none" : "stack");
        a.put("question", defaults ? "" : "Which stack should the todo service use?");
        a.put("choices", List.of("java-rest", "node-express"));
        return Reply.json(a);
    }

    private static Reply model(FakeLlmServer.Request r, ProjectModel project) {
        return "interview_step".equals(r.schemaName()) ? interview(r) : project.apply(r);
    }

    @Test
    void theModelInterviewsAndGeneratesAndASecondRunIsServedFromTheCache() throws Exception {
        ProjectModel project = new ProjectModel();
        server.script(r -> model(r, project));

        String transcript = Transcript.session(settings(), SCRIPT);

        assertTrue(transcript.contains("Which stack should the todo service use?"), transcript);
        assertTrue(transcript.contains("the stack: java-rest (assumed)"), transcript);
        assertTrue(transcript.contains("Made by model openai:fake-model on the java-rest template ("), transcript);
        Matcher calls = Pattern.compile("Made by model \\S+ on the java-rest template \\((\\d+) model calls").matcher(transcript);
        assertTrue(calls.find(), transcript);
        long generationCalls = server.requests().stream().filter(r -> !"interview_step".equals(r.schemaName())).count();
        assertEquals(generationCalls, Long.parseLong(calls.group(1)));
        assertFalse(transcript.contains("sk-e2e-0123456789"));
        Matcher total = Pattern.compile("Note: this conversation has used (\\d+) model calls").matcher(transcript);
        assertTrue(total.find(), "the conversation's usage, interview included:\n" + transcript);
        assertEquals(server.requests().size(), Integer.parseInt(total.group(1)));

        Matcher done = Pattern.compile("git clone --branch (wizard/\\S+) (\\S+)`").matcher(transcript);
        assertTrue(done.find(), transcript);
        try (Git git = Git.cloneRepository().setURI(Path.of(done.group(2)).toUri().toString()).setBranch(done.group(1))
                .setDirectory(checkout.toFile()).call()) {
            assertEquals(done.group(1), git.getRepository().getBranch());
        }
        String spec = Files.readString(checkout.resolve("docs/spec.md"));
        assertTrue(spec.contains("**Task**: title (text), done (boolean)"), spec);
        assertTrue(Files.exists(checkout.resolve("src/test")), "tests are part of the project");

        server.reset();
        String again = Transcript.session(settings(), SCRIPT);

        assertTrue(again.contains("reused that result without calling the model"), again);
        assertTrue(server.requests().stream().allMatch(r -> "interview_step".equals(r.schemaName())),
                "only the interview called the model the second time");
    }

    @Test
    void whatTheModelCallsCostIsOnTheMetricsEndpointAtTheConfiguredPrice() throws Exception {
        ProjectModel project = new ProjectModel();
        server.script(r -> model(r, project));
        AppSettings priced = settings("WIZARD_LLM_PRICES", "openai/fake-model=3.00:15.00");
        Map<String, String> series = Map.of("provider", "openai", "model", "fake-model");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (Wizard wizard = Wizard.start(priced, out)) {
            PrometheusScrape before = PrometheusScrape.of(wizard.port());
            wizard.console(new UserRef("tester", "tester"), out, priced.chat().consoleWait())
                    .run(new BufferedReader(new StringReader(SCRIPT)));
            PrometheusScrape after = PrometheusScrape.of(wizard.port());

            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Made by model openai:fake-model"),
                    bytes.toString(StandardCharsets.UTF_8));
            assertTrue(server.requests().size() >= 3 && server.outputTokens() > 0, "interview and generation: "
                    + server.requests().size() + " calls");
            // What the fake provider reported using, at 3 and 15 US dollars per million tokens in and out.
            double expected = (server.inputTokens() * 3.00 + server.outputTokens() * 15.00) / 1_000_000;
            assertEquals(expected, after.value("wizard_model_cost_usd_total", series)
                    - before.value("wizard_model_cost_usd_total", series), 1e-9);
            assertEquals(server.inputTokens(), after.value("wizard_model_tokens_total", Map.of("model", "fake-model",
                    "direction", "input")) - before.value("wizard_model_tokens_total", Map.of("model", "fake-model",
                    "direction", "input")));
        }
    }

    @Test
    void whenTheProviderIsDownTheOfflineEnginesDoTheWorkAndSaySo() throws Exception {
        server.script(r -> Reply.error(503, Map.of()));
        AppSettings s = settings();
        AppSettings.Engine engine = s.engine();
        AppSettings quick = new AppSettings(s.server(), s.persistence(), s.chat(), new AppSettings.Engine(
                engine.conversation(), engine.jobs(), engine.llm().withTiming(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMillis(5), java.time.Duration.ofSeconds(30)), engine.prices()), s.delivery(),
                s.validation(), s.resilience());

        String transcript = Transcript.session(quick, SCRIPT);

        assertTrue(transcript.contains("wizard> Here is the spec."), transcript);
        assertTrue(transcript.contains("Made by offline:java-rest (fallback)"), transcript);
        assertTrue(transcript.contains("Note: the model was unavailable"), transcript);
        assertTrue(transcript.contains("git clone --branch wizard/"), transcript);
    }
}
