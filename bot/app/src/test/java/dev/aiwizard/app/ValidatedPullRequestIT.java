package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.Verification;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.storage.Storage;
import dev.aiwizard.storage.StorageSettings;
import dev.aiwizard.generator.testing.FakeLlmServer;
import dev.aiwizard.generator.testing.FakeLlmServer.Reply;
import dev.aiwizard.generator.testing.ProjectModel;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHubRepoFixture;
import dev.aiwizard.sandbox.testing.SandboxTesting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 as a person meets it: a model writes a project with a broken file, the project's own build and tests run
 * in the real sandbox (bubblewrap, Maven or npm), the model is asked to repair what failed, and the pull request on
 * (fake) GitHub, its commit status and the thread tell exactly what happened.
 */
@SpawnsProcesses
class ValidatedPullRequestIT {
    private static final String TOKEN = "ghp_e2e11111111111111111111111111111111";

    @TempDir
    Path tmp;
    private GitHubRepoFixture repo;
    private FakeGitHub gitHub;
    private final FakeLlmServer model = FakeLlmServer.start();
    /** The template content of each file the model was asked for: what a correct answer holds. */
    private final Map<String, String> correct = new ConcurrentHashMap<>();
    private final AtomicInteger repairsAsked = new AtomicInteger();

    @BeforeEach
    void setUp() {
        repo = GitHubRepoFixture.start(tmp.resolve("remote"), "acme", "todo", TOKEN);
        gitHub = repo.gitHub();
    }

    @AfterEach
    void tearDown() {
        repo.close();
        model.close();
    }

    private AppSettings settings(int rounds) {
        return TestSettings.embedded(tmp.resolve("data"), "WIZARD_VALIDATE", "always",
                "WIZARD_SANDBOX_DIR", SandboxTesting.workDir().toString(), "WIZARD_REPAIR_ROUNDS", String.valueOf(rounds),
                "WIZARD_GITHUB_DRAFT", "false", "WIZARD_TARGET", "acme/todo", "GITHUB_TOKEN", TOKEN,
                "GITHUB_API_URL", gitHub.apiUrl(), "WIZARD_LLM_PROVIDER", "openai",
                "OPENAI_BASE_URL", model.openAiBaseUrl(), "OPENAI_API_KEY", "sk-e2e-0123456789",
                "WIZARD_LLM_MODEL", "fake-model");
    }

    /**
     * The model: interviews for {@code stack}, writes the template's files but breaks the first file {@code broken}
     * picks with {@code breakage}, and when asked to repair answers with the correct file if {@code fixes}.
     */
    private void script(String stack, Predicate<String> broken, String breakage, boolean fixes) {
        ProjectModel project = new ProjectModel();
        AtomicInteger breaks = new AtomicInteger();
        project.override(r -> {
            if (!ProjectModel.isFile(r) || ProjectModel.isPlan(r)) {
                return null;
            }
            String path = ProjectModel.askedPath(r);
            correct.put(path, ProjectModel.template(r));
            return broken.test(path) && breaks.getAndIncrement() == 0
                    ? Reply.json(Map.of("path", path, "content", ProjectModel.template(r) + breakage)) : null;
        });
        model.script(r -> {
            if ("interview_step".equals(r.schemaName())) {
                return TodoInterview.ready(stack, "acme/todo");
            }
            if (r.system().startsWith("You are the repairer")) {
                repairsAsked.incrementAndGet();
                String path = correct.keySet().stream().filter(broken).findFirst().orElseThrow();
                return Reply.json(Map.of("files", List.of(Map.of("path", path,
                        "content", fixes ? correct.get(path) : correct.get(path) + breakage))));
            }
            return project.apply(r);
        });
    }

    private static final String SCRIPT = """
            new a todo service where people manage tasks with a title and a done flag
            generate
            """;

    @Test
    void aCompileErrorTheModelFixesInOneRoundIsDeliveredGreenAndEveryoneIsToldSo() throws Exception {
        script("java-rest", p -> p.startsWith("src/main/java/") && p.endsWith("/Task.java"),
                "\nthis is not java;\n", true);

        String transcript = Transcript.session(settings(2), SCRIPT);

        assertEquals(1, repairsAsked.get(), transcript);
        assertTrue(transcript.contains("Validation: tests: "), transcript);
        assertTrue(transcript.contains(" passed (after 1 round of repair)."), transcript);
        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertFalse(pr.draft(), "green code is ready for review");
        assertFalse(pr.labels().contains("wizard:tests-failing"), pr.labels().toString());
        assertTrue(pr.body().contains("## Validation\n\n**Passed.** Tests: "), pr.body());
        assertTrue(pr.body().contains("- Command: `mvn -o -B test`, in a sandbox"), pr.body());
        assertTrue(pr.body().contains("- Repair rounds by the model: 1"), pr.body());
        FakeGitHub.Status status = gitHub.statuses("acme", "todo").getLast();
        assertEquals("success", status.state());
        assertEquals("ai-wizard/tests", status.context());
        assertTrue(status.description().matches("tests: \\d+ passed"), status.description());
        Job job = lastJob();
        assertEquals("https://github.example/acme/todo/pull/" + pr.number(), job.pullRequestUrl(),
                "the job API shows the pull request");
        assertEquals(Verification.Outcome.PASSED, job.validation().outcome());
        assertEquals(status.description(), job.validation().summary(), "and the same validation summary");
    }

    /** The job of the conversation the session held, as the job API reads it. */
    private Job lastJob() {
        try (Storage storage = Storage.open(StorageSettings.embedded(tmp.resolve("data"), TestSettings.dbTimeouts()))) {
            return storage.jobs().forConversation(storage.conversations().list(1, 0).getFirst().id()).getLast();
        }
    }

    @Test
    void aModelThatNeverFixesItGetsALabelledDraftAFailingStatusAndAnHonestThread() throws Exception {
        script("node-express", p -> p.startsWith("src/") && p.endsWith(".js") && p.contains("task"),
                "\nthis is not javascript(;\n", false);

        String transcript = Transcript.session(settings(1), SCRIPT);

        assertEquals(1, repairsAsked.get(), transcript);
        assertTrue(transcript.contains("still after 1 round of repair. The pull request is a draft labelled "
                + "`wizard:tests-failing`."), transcript);
        assertFalse(transcript.matches("(?s).*Validation: tests: \\d+ passed\\..*"), transcript);
        FakeGitHub.Pull pr = gitHub.pulls("acme", "todo").getFirst();
        assertTrue(pr.draft());
        assertTrue(pr.labels().contains("wizard:tests-failing"), pr.labels().toString());
        assertTrue(pr.body().contains("## Validation\n\n**Failing.**"), pr.body());
        assertTrue(pr.body().contains("this is not javascript"), "the output's end shows what broke: " + pr.body());
        FakeGitHub.Status status = gitHub.statuses("acme", "todo").getLast();
        assertEquals("failure", status.state());
        assertEquals(Verification.Outcome.FAILED, lastJob().validation().outcome());
    }
}
