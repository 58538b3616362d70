package dev.aiwizard.generator.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.core.testing.SpawnsProcesses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generates real node-express projects and runs their documented steps, {@code npm install} then {@code npm test},
 * as separate processes: only running the tests proves they pass. Needs Node.js 20+ and npm on the PATH, and the npm
 * registry (or a warm npm cache); fails without them rather than skipping.
 */
@SpawnsProcesses
class NodeProjectIT {
    private static final long TIMEOUT_MINUTES = 5;
    /** The runner's summary: "# pass 96" from the TAP reporter (not a terminal), "ℹ pass 96" from the spec one. */
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(?:# |\u2139 )(tests|pass|fail|cancelled) (\\d+)\\s*$");

    static Stream<Arguments> specs() {
        Entity book = new Entity("Book", List.of(new Field("title", FieldType.TEXT), new Field("pages", FieldType.INTEGER),
                new Field("price", FieldType.DECIMAL), new Field("available", FieldType.BOOLEAN),
                new Field("published", FieldType.DATE), new Field("addedAt", FieldType.TIMESTAMP)));
        Entity author = new Entity("Author", List.of(new Field("name", FieldType.TEXT), new Field("birthDate", FieldType.DATE)));
        // Names that are keywords or inherited by every JavaScript object.
        Entity status = new Entity("Status", List.of(new Field("class", FieldType.TEXT), new Field("constructor", FieldType.TEXT),
                new Field("done", FieldType.BOOLEAN)));
        Entity tag = new Entity("Tag", List.of());
        Entity item = new Entity("TodoItem", List.of(new Field("dueDate", FieldType.DATE), new Field("priority", FieldType.INTEGER)));
        return Stream.of(
                Arguments.of("every field type, several entities, all operations",
                        spec("library-api", List.of(book, author, status, tag, item), EnumSet.allOf(Operation.class))),
                Arguments.of("read-only, seeded at start", spec("catalog", List.of(book, tag), EnumSet.of(Operation.READ, Operation.LIST))),
                Arguments.of("update and delete only", spec("inbox", List.of(author, tag), EnumSet.of(Operation.UPDATE, Operation.DELETE))),
                Arguments.of("a reference, allowed values, a range, an email and a url (what the interviewer reads)",
                        spec("helpdesk", RuleSpecs.helpdesk(), EnumSet.allOf(Operation.class))),
                Arguments.of("a link entity with two references, listed under both (members borrow books)",
                        spec("library", RuleSpecs.library(), EnumSet.allOf(Operation.class))),
                Arguments.of("a read-only entity (seeded with what it refers to) and read-only fields an update cannot change",
                        spec("support-desk", RuleSpecs.readOnlyParts(), EnumSet.allOf(Operation.class))),
                Arguments.of("references in a read-only API: seeded in order, listed nested",
                        spec("helpdesk-archive", RuleSpecs.helpdesk().reversed(), EnumSet.of(Operation.READ, Operation.LIST))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theGeneratedProjectInstallsAndPassesItsOwnTests(String label, Spec spec, @TempDir Path dir) throws Exception {
        checkNode();
        GeneratedProject project = new OfflineCodeGenerator(ShippedSettings.projectLimits()).generate(spec, note -> { });
        assertEquals("npm install && npm test", project.testCommand());
        Path root = dir.resolve(spec.name());
        ProjectOnDisk.write(project, root);

        Run install = run(root, dir.resolve("install.log"), "install", "--no-audit", "--no-fund");
        Run test = run(root, dir.resolve("test.log"), "test");

        Map<String, Integer> summary = summary(test.output());
        assertTrue(summary.getOrDefault("pass", 0) > 0, () -> "no tests passed:\n" + test.output());
        assertEquals(0, summary.getOrDefault("fail", -1), () -> "failures:\n" + test.output());
        assertEquals(0, summary.getOrDefault("cancelled", 0), () -> "cancelled tests:\n" + test.output());
        assertEquals(summary.get("tests"), summary.get("pass"), () -> "not every test passed:\n" + test.output());
        System.out.printf("NodeProjectIT [%s]: npm install %.1f s, npm test %.1f s, %d tests passed%n",
                label, seconds(install.took()), seconds(test.took()), summary.get("pass"));
    }

    private record Run(String output, Duration took) {
    }

    /** Runs {@code npm args} in {@code root} with stdin closed; a non-zero exit or a timeout fails with the output. */
    private static Run run(Path root, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(onPath("npm").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(windows() ? "NUL" : "/dev/null")));
        builder.environment().put("npm_config_update_notifier", "false");
        long start = System.nanoTime();
        Process npm = builder.start();
        String shown = "npm " + String.join(" ", args);
        if (!npm.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            fail("'" + shown + "' took over " + TIMEOUT_MINUTES + " minutes:\n" + ProjectOnDisk.read(log));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String output = ProjectOnDisk.read(log);
        assertEquals(0, npm.exitValue(), () -> "'" + shown + "' failed:\n" + output);
        return new Run(output, took);
    }

    /** Node 20 or newer, as package.json's engines field demands. */
    private static void checkNode() throws IOException, InterruptedException {
        Process node = new ProcessBuilder(onPath("node").toString(), "--version").redirectErrorStream(true).start();
        node.getOutputStream().close();
        String version = new String(node.getInputStream().readAllBytes()).strip();
        if (!node.waitFor(1, TimeUnit.MINUTES) || !version.matches("v\\d+\\..*")) {
            fail("'node --version' did not answer with a version: " + version);
        }
        int major = Integer.parseInt(version.substring(1, version.indexOf('.')));
        assertTrue(major >= 20, "NodeProjectIT needs Node.js 20 or newer, found " + version);
    }

    private static Path onPath(String program) {
        List<String> names = windows() ? List.of(program + ".cmd", program + ".exe") : List.of(program);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail(program + " is not on the PATH; NodeProjectIT needs Node.js 20+ and npm to run the generated project's tests.");
    }

    private static Map<String, Integer> summary(String output) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = SUMMARY.matcher(output);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    private static Spec spec(String name, List<Entity> entities, EnumSet<Operation> operations) {
        return new Spec(name, "A project generated by NodeProjectIT.", entities, operations, "node-express", "in-memory",
                "local", List.of());
    }

    private static boolean windows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
