package dev.aiwizard.generator.bench;

import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationRequest;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryGenerationCache;
import dev.aiwizard.core.testing.MemoryUsageLedger;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.generator.llm.LlmCodeGenerator;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.generator.llm.ModelGateway;
import dev.aiwizard.generator.llm.Provider;
import dev.aiwizard.generator.offline.OfflineCodeGenerator;
import dev.aiwizard.generator.testing.FakeLlmServer;
import dev.aiwizard.generator.testing.LlmTestSettings;
import dev.aiwizard.generator.testing.ProjectModel;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Wall time of model-driven generation against the fake model server answering every call after a fixed latency:
 * a 30-file plan (the java-rest template's files plus extra docs), with the configured concurrency and with one
 * file at a time, compared with the critical path; then the same spec again (a cache hit). Results go to
 * docs/performance.md. Arguments: latency in ms (300), files (30), concurrency (6), runs (3).
 */
public final class GenerationBenchmark {
    private static final Spec SPEC = new Spec("todo-service", "a todo service where people manage tasks",
            List.of(new Entity("Task", List.of(new Field("title", FieldType.TEXT), new Field("done", FieldType.BOOLEAN)))),
            EnumSet.allOf(Operation.class), "java-rest", "in-memory", "local", List.of());

    private GenerationBenchmark() {
    }

    public static void main(String[] args) {
        int latency = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int template = new OfflineCodeGenerator(ShippedSettings.projectLimits()).generate(SPEC, n -> { }).files().size();
        if (files < template) {
            throw new IllegalArgumentException("the template alone has " + template + " files");
        }
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.script(new ProjectModel(Duration.ofMillis(latency), files - template));
            long critical = latency + (long) Math.ceil(files / (double) concurrency) * latency;
            System.out.printf(Locale.ROOT, "fake model latency %d ms, %d-file plan, concurrency %d%n", latency, files,
                    concurrency);
            for (int run = 1; run <= runs; run++) {
                measure(server, concurrency, "parallel, run " + run, critical);
            }
            measure(server, 1, "one file at a time", latency + (long) files * latency);

            MemoryGenerationCache cache = new MemoryGenerationCache();
            LlmCodeGenerator cached = generator(server, concurrency, cache);
            request(cached);
            server.reset();
            long start = System.nanoTime();
            GeneratedProject again = request(cached);
            System.out.printf(Locale.ROOT, "cache hit: %d ms, %d calls to the server, usage: %s%n",
                    (System.nanoTime() - start) / 1_000_000, server.requests().size(), again.usage().describe());
        }
    }

    private static void measure(FakeLlmServer server, int concurrency, String label, long criticalMs) {
        server.reset();
        LlmCodeGenerator g = generator(server, concurrency, new MemoryGenerationCache());
        long start = System.nanoTime();
        GeneratedProject p = request(g);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!p.notes().isEmpty()) {
            throw new IllegalStateException("the run did not go cleanly: " + p.notes());
        }
        System.out.printf(Locale.ROOT, "%s: %d files in %d ms; critical path %d ms; ratio %.2f; %s; most calls "
                + "at once %d%n", label, p.files().size(), ms, criticalMs, ms / (double) criticalMs,
                p.usage().describe(), server.maxInFlight());
    }

    private static LlmCodeGenerator generator(FakeLlmServer server, int concurrency, MemoryGenerationCache cache) {
        LlmSettings s = LlmTestSettings.of(Provider.OPENAI, server.openAiBaseUrl(), "sk-bench", "fake-model")
                .withConcurrency(concurrency);
        return new LlmCodeGenerator(ModelGateway.connect(s), new OfflineCodeGenerator(ShippedSettings.projectLimits()), ShippedSettings.projectLimits(),
                cache, new MemoryUsageLedger(), Clock.systemUTC());
    }

    private static GeneratedProject request(LlmCodeGenerator g) {
        return g.generate(new GenerationRequest(SPEC, ConversationId.random(), new UserRef("bench", "bench")),
                n -> { });
    }
}
