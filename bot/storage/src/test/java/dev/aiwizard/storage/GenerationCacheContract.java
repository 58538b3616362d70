package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationCache;
import dev.aiwizard.core.job.ModelUsage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link GenerationCache} promises. Each test uses fresh keys, shaped like the real ones (a SHA-256 in
 * hex), so the tests do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GenerationCacheContract {
    private GenerationCache cache;

    /** The cache under test, opened once for the class. */
    protected abstract GenerationCache openCache();

    @BeforeAll
    void openTheCache() {
        cache = openCache();
    }

    @Test
    void aKeyNothingWasStoredUnderIsAMiss() {
        cache.put(key(), project("java-helidon", "first"));

        assertTrue(cache.find(key()).isEmpty());
    }

    @Test
    void aStoredProjectIsFoundUnderItsKeyAsItWasPut() {
        String key = key();
        GeneratedProject project = project("java-helidon", "made by the model");

        cache.put(key, project);

        assertEquals(project, cache.find(key).orElseThrow());
    }

    @Test
    void puttingUnderATakenKeyReplacesWhatWasThere() {
        String key = key();
        String other = key();
        GeneratedProject newer = project("node-express", "made again");
        cache.put(key, project("java-helidon", "made first"));
        cache.put(other, project("python-fastapi", "left alone"));

        cache.put(key, newer);

        assertEquals(newer, cache.find(key).orElseThrow());
        assertEquals("python-fastapi", cache.find(other).orElseThrow().engine());
    }

    @Test
    void filesComeBackInTheirOrderWithUnicodeAndLargeContentIntact() {
        GeneratedFile large = new GeneratedFile("src/data/seed.js", "const row = \"任务 — tâche 🚀\";\n".repeat(12_000));
        assertTrue(large.size() > 300_000, "the large file has " + large.size() + " bytes");
        List<GeneratedFile> files = List.of(
                new GeneratedFile("src/main/java/Main.java", "class Main {}\n"),
                new GeneratedFile("README.md", "# Todo — tâches, 任务, emoji 🚀\n\"quoted\" \\ back\\slash\n"),
                large,
                new GeneratedFile("a/b.txt", ""),
                new GeneratedFile("a/B.txt", "Ünïcödé\tsurvives.\r\n"));
        GeneratedProject project = new GeneratedProject(files, "npm test", "claude ✨",
                List.of("kept 2 files from the template: README.md, a/b.txt", "Zoë asked for émojis 🚀"),
                new ModelUsage(14, 3_000_000_000L, 2_500_000_000L));
        String key = key();

        cache.put(key, project);

        GeneratedProject read = cache.find(key).orElseThrow();
        assertEquals(files.stream().map(GeneratedFile::path).toList(),
                read.files().stream().map(GeneratedFile::path).toList());
        assertEquals(project, read);
    }

    @Test
    void aProjectMadeWithoutAModelComesBackWithNoNotesAndNoUsage() {
        GeneratedProject offline = new GeneratedProject(
                List.of(new GeneratedFile("pom.xml", "<project/>\n")), "mvn -B test", "offline");
        String key = key();

        cache.put(key, offline);

        GeneratedProject read = cache.find(key).orElseThrow();
        assertEquals(offline, read);
        assertEquals(List.of(), read.notes());
        assertEquals(ModelUsage.NONE, read.usage());
    }

    @Test
    void putsRacingForOneNewKeyAllSucceedAndOneOfThemIsKept() throws Exception {
        String key = key();
        List<GeneratedProject> projects = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            projects.add(project("engine-" + i, "racer " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> puts = new ArrayList<>();
            for (GeneratedProject p : projects) {
                puts.add(pool.submit(() -> {
                    start.await();
                    cache.put(key, p);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> put : puts) {
                put.get();
            }
        }
        GeneratedProject kept = cache.find(key).orElseThrow();
        assertTrue(projects.contains(kept), "kept " + kept.engine());
    }

    @Test
    void aKeyLongerThanASha256IsRefusedWithAClearMessage() {
        GeneratedProject project = new GeneratedProject(List.of(), "true", "offline");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cache.put("k".repeat(65), project));

        assertEquals("a cache key has at most 64 characters, not 65", e.getMessage());
    }

    private static GeneratedProject project(String engine, String note) {
        return new GeneratedProject(List.of(
                new GeneratedFile("README.md", "# todo-service by " + engine + "\n"),
                new GeneratedFile("src/app.js", "console.log('" + note + "');\n")),
                "npm test", engine, List.of(note), new ModelUsage(3, 1200, 800));
    }

    /** A fresh key of the real shape: the SHA-256 of something, in hex. */
    private static String key() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Ids.random(16).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
