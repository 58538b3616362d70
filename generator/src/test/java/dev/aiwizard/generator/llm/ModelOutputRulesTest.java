package dev.aiwizard.generator.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationRequest;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryGenerationCache;
import dev.aiwizard.core.testing.MemoryUsageLedger;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.generator.offline.OfflineCodeGenerator;
import dev.aiwizard.generator.testing.FakeLlmServer;
import dev.aiwizard.generator.testing.FakeLlmServer.Reply;
import dev.aiwizard.generator.testing.LlmTestSettings;
import dev.aiwizard.generator.testing.ProjectModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path and content rule holds for what a model writes: a plan naming an unsafe or protected path is refused
 * and asked again with the reason; a file carrying a secret or too large is repaired, never committed, and the
 * secret's value never goes back into a prompt.
 */
class ModelOutputRulesTest {
    private static final Spec TODO = LlmCodeGeneratorTest.TODO;
    private static final String KEY = "sk-rules-key-0123456789";

    private final FakeLlmServer server = FakeLlmServer.start();
    private final OfflineCodeGenerator offline = new OfflineCodeGenerator(ShippedSettings.projectLimits());

    @AfterEach
    void stop() {
        server.close();
    }

    private GeneratedProject generate(ProjectLimits limits) {
        LlmSettings s = LlmTestSettings.of(Provider.OPENAI, server.openAiBaseUrl(), KEY, "fake")
                .withTiming(Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofSeconds(30));
        LlmCodeGenerator g = new LlmCodeGenerator(ModelGateway.connect(s), offline, limits,
                new MemoryGenerationCache(), new MemoryUsageLedger(), Clock.systemUTC());
        return g.generate(new GenerationRequest(TODO, ConversationId.random(), new UserRef("u", "u")), n -> { });
    }

    private List<String> templatePaths() {
        return offline.generate(TODO, n -> { }).files().stream().map(GeneratedFile::path).toList();
    }

    private static Map<String, Object> item(String path) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", path);
        f.put("kind", "config");
        f.put("purpose", "x");
        f.put("hasLogic", false);
        f.put("dependsOn", List.of());
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "src\\main\\App.java", "a\u0000b", "../outside.txt", "docs/../../x",
            ".git/config", ".GIT/hooks/pre-commit", ".git./config", "git~1/config", "src/\u200bApp.java",
            ".github/workflows/ci.yml", ".github/actions/setup/action.yml", "CODEOWNERS", ".gitmodules"})
    void aPlanWithAnUnsafeOrProtectedPathIsAskedAgainAndTheFileNeverWritten(String bad) {
        AtomicInteger plans = new AtomicInteger();
        server.script(new ProjectModel().override(r -> {
            if (!ProjectModel.isPlan(r) || plans.incrementAndGet() > 1) {
                return null;
            }
            List<Object> files = new ArrayList<>();
            files.add(item(bad));
            templatePaths().forEach(p -> files.add(item(p)));
            return Reply.json(Map.of("files", files));
        }));

        GeneratedProject project = generate(ShippedSettings.projectLimits());

        assertEquals(2, plans.get(), "asked again once");
        String again = server.requests().get(1).lastUser();
        assertTrue(again.contains("cannot be used") && again.contains(bad.substring(0, Math.min(3, bad.length()))),
                again);
        assertEquals(templatePaths(), project.files().stream().map(GeneratedFile::path).toList());
        assertTrue(server.requests().stream().noneMatch(r -> ProjectModel.isFile(r)
                && ProjectModel.askedPath(r).equals(bad)), "no file call for the refused path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "private-key", "aws", "own-key", "too-big"})
    void aFileBreakingAContentRuleIsRepairedAndItsSecretNeverEchoed(String rule) {
        String bad = switch (rule) {
            case "github" -> "token: ghp_" + "A".repeat(36) + "\n";
            case "private-key" -> "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIB\n";
            case "aws" -> "id = AKIA" + "IOSFODNN7" + "EXAMPLE\n";
            case "own-key" -> "key: " + KEY + "\n";
            default -> "x".repeat(300 * 1024);
        };
        server.script(new ProjectModel().override(r -> ProjectModel.isFile(r)
                && ProjectModel.askedPath(r).equals("README.md") && !r.lastUser().contains("rejected")
                ? Reply.json(Map.of("path", "README.md", "content", bad)) : null));
        ProjectLimits limits = new ProjectLimits(200, 256 * 1024, 5L * 1024 * 1024, Set.of(), List.of(KEY));

        GeneratedProject project = generate(limits);

        assertEquals(offline.generate(TODO, n -> { }).files(), project.files());
        for (FakeLlmServer.Request r : server.requests()) {
            String sent = r.body().toString();
            assertFalse(sent.contains("ghp_AAAA") || sent.contains("AKIAIOSFODNN7") || sent.contains(KEY)
                    || sent.contains("PRIVATE KEY-----\\nMIIB"), "a secret went back into a prompt: " + rule);
        }
        assertTrue(server.requests().stream().anyMatch(r -> r.lastUser().contains("rejected")), "a repair round ran");
    }

    @Test
    void aPlanOverTheFileLimitFallsBackToTheTemplateAndSaysWhy() {
        int template = templatePaths().size();
        server.script(new ProjectModel(Duration.ZERO, 1));
        ProjectLimits limits = new ProjectLimits(template, 256 * 1024, 5L * 1024 * 1024);

        GeneratedProject project = generate(limits);

        assertEquals("offline:java-rest (fallback)", project.engine());
        assertTrue(project.notes().get(0).contains("the plan has " + (template + 1) + " files; the limit is " + template),
                project.notes().get(0));
    }
}
