package dev.aiwizard.app.bench;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.generator.offline.OfflineCodeGenerator;
import dev.aiwizard.sandbox.BubblewrapSandbox;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cost of the sandbox: on the same generated java-rest and node-express projects, the validation in bubblewrap
 * (with a warm cache) against the plain test command outside any sandbox ({@code mvn -o -B test}, {@code npm test}),
 * each round on a fresh copy so both compile and install the same. The cold first run (an empty cache: the dependency
 * step fetches everything from the registries) is reported on its own. The sandbox's test step is timed from its
 * "running tests" progress note to the result; its whole run includes the dependency step, which the java-rest plan
 * skips for a pom it already fetched for (so, warm, its whole run is the test step plus the scratch copy).
 *
 * <p>Usage: {@code ValidationBenchmark [rounds]} (default 5, after one warm-up round; sandboxed and plain alternate). The caches live in a temporary
 * work dir of its own, removed at the end.
 */
public final class ValidationBenchmark {
    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "validation-bench");
        tmp.toFile().setReadable(true, false);
        tmp.toFile().setExecutable(true, false);
        try {
            Path work = tmp.resolve("sandbox");
            SandboxLimits limits = ShippedSettings.sandboxLimits();
            var sandbox = new BubblewrapSandbox(new SandboxSettings(SandboxSettings.Mode.ALWAYS, limits, 1, work, 2));
            for (String stack : List.of("java-rest", "node-express")) {
                Path project = generate(stack, tmp.resolve("generated"));
                Timed cold = sandboxed(sandbox, project, stack, limits);
                // The plain runs get their own copy of the filled cache: as root they could leave files there that
                // the sandbox's unprivileged user could not update.
                Path plainCache = tmp.resolve("plain-cache-" + stack);
                copy(work.resolve("cache"), plainCache);
                System.out.printf("%s: cold first run (empty cache, dependencies fetched): %.1f s, of which tests"
                        + " %.1f s; %s%n", stack, cold.whole, cold.tests, cold.result.summary());
                List<Double> whole = new ArrayList<>();
                List<Double> tests = new ArrayList<>();
                List<Double> plain = new ArrayList<>();
                for (int round = 0; round <= rounds; round++) {
                    // Which goes first alternates, so a drift in the machine's load falls on both alike.
                    Timed warm;
                    double bare;
                    if (round % 2 == 0) {
                        warm = sandboxed(sandbox, project, stack, limits);
                        bare = plain(project, stack, plainCache, tmp.resolve("plain-" + round));
                    } else {
                        bare = plain(project, stack, plainCache, tmp.resolve("plain-" + round));
                        warm = sandboxed(sandbox, project, stack, limits);
                    }
                    if (!warm.result.passed()) {
                        throw new IllegalStateException(stack + " failed in the sandbox: " + warm.result);
                    }
                    if (round > 0) {
                        whole.add(warm.whole);
                        tests.add(warm.tests);
                        plain.add(bare);
                    }
                }
                double t = median(tests);
                double p = median(plain);
                double tBest = tests.stream().min(Double::compare).orElseThrow();
                double pBest = plain.stream().min(Double::compare).orElseThrow();
                System.out.printf("%s: warm, %d rounds: sandboxed test step median %.2f s (best %.2f s), plain %s"
                                + " median %.2f s (best %.2f s): the sandbox adds %+.1f %% (best against best %+.1f %%);"
                                + " whole sandboxed validation (dependency step + tests) median %.2f s (%+.1f %% over the"
                                + " plain test command)%n", stack, rounds, t, tBest, plainCommand(stack), p, pBest,
                        (t / p - 1) * 100, (tBest / pBest - 1) * 100, median(whole), (median(whole) / p - 1) * 100);
                System.out.printf("%s: every round (s): sandboxed test step %s; plain %s; whole sandboxed %s%n", stack,
                        rounded(tests), rounded(plain), rounded(whole));
            }
        } finally {
            delete(tmp);
        }
    }

    private record Timed(SandboxResult result, double whole, double tests) {
    }

    private static Timed sandboxed(BubblewrapSandbox sandbox, Path project, String stack, SandboxLimits limits) {
        long start = System.nanoTime();
        long[] testsFrom = {0};
        SandboxResult result = sandbox.run(new SandboxRequest(project, stack, limits), note -> {
            if (note.startsWith("running tests")) {
                testsFrom[0] = System.nanoTime();
            }
        });
        long end = System.nanoTime();
        return new Timed(result, (end - start) / 1e9, testsFrom[0] == 0 ? Double.NaN : (end - testsFrom[0]) / 1e9);
    }

    /** The plain test command on a fresh copy, its dependencies prepared first (not timed) from the same cache. */
    private static double plain(Path project, String stack, Path cache, Path copy) throws Exception {
        copy(project, copy);
        List<String> command;
        if (stack.equals("java-rest")) {
            command = List.of("mvn", "-o", "-B", "-q", "-Dmaven.repo.local=" + cache.resolve("m2"), "test");
        } else {
            run(List.of("npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline",
                    "--cache", cache.resolve("npm").toString()), copy);
            command = List.of("npm", "test");
        }
        long start = System.nanoTime();
        run(command, copy);
        double took = (System.nanoTime() - start) / 1e9;
        delete(copy);
        return took;
    }

    private static void run(List<String> command, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }

    private static String plainCommand(String stack) {
        return stack.equals("java-rest") ? "mvn -o -B test" : "npm test";
    }

    private static Path generate(String stack, Path into) throws IOException {
        Entity book = new Entity("Book", List.of(new Field("title", FieldType.TEXT), new Field("pages", FieldType.INTEGER),
                new Field("published", FieldType.DATE)));
        Entity author = new Entity("Author", List.of(new Field("name", FieldType.TEXT)));
        Spec spec = new Spec("library-" + stack, "Books and their authors.", List.of(book, author),
                EnumSet.allOf(Operation.class), stack, "in-memory", "local", List.of());
        GeneratedProject project = new OfflineCodeGenerator(ShippedSettings.projectLimits()).generate(spec, note -> { });
        Path root = into.resolve(spec.name());
        for (GeneratedFile f : project.files()) {
            Files.createDirectories(root.resolve(f.path()).getParent());
            Files.writeString(root.resolve(f.path()), f.content());
        }
        return root;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
