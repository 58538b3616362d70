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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generates real projects and runs their own documented test command in a separate Maven process: the promise is
 * code whose tests pass, so only running them proves it. Needs {@code mvn} on the PATH and fails without it.
 */
@SpawnsProcesses
class GeneratedProjectIT {
    private static final long TIMEOUT_MINUTES = 5;
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    static Stream<Arguments> specs() {
        Entity book = new Entity("Book", List.of(new Field("title", FieldType.TEXT), new Field("pages", FieldType.INTEGER),
                new Field("price", FieldType.DECIMAL), new Field("available", FieldType.BOOLEAN),
                new Field("published", FieldType.DATE), new Field("addedAt", FieldType.TIMESTAMP)));
        Entity author = new Entity("Author", List.of(new Field("name", FieldType.TEXT), new Field("birthDate", FieldType.DATE)));
        Entity status = new Entity("Status", List.of(new Field("class", FieldType.TEXT), new Field("done", FieldType.BOOLEAN)));
        Entity tag = new Entity("Tag", List.of());
        return Stream.of(
                Arguments.of("every field type, several entities, all operations",
                        spec("library-api", List.of(book, author, status, tag), EnumSet.allOf(Operation.class))),
                Arguments.of("read-only", spec("catalog", List.of(book), EnumSet.of(Operation.READ, Operation.LIST))),
                Arguments.of("create and delete only", spec("inbox", List.of(author, tag), EnumSet.of(Operation.CREATE, Operation.DELETE))),
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
    void theGeneratedProjectPassesItsOwnTests(String label, Spec spec, @TempDir Path dir) throws Exception {
        GeneratedProject project = new OfflineCodeGenerator(ShippedSettings.projectLimits()).generate(spec, note -> { });
        Path root = dir.resolve(spec.name());
        ProjectOnDisk.write(project, root);
        Path log = dir.resolve("build.log");

        ProcessBuilder builder = new ProcessBuilder(command(project.testCommand()))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process mvn = builder.start();
        mvn.getOutputStream().close();
        if (!mvn.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            mvn.destroyForcibly();
            fail("'" + project.testCommand() + "' took over " + TIMEOUT_MINUTES + " minutes:\n" + ProjectOnDisk.read(log));
        }

        assertEquals(0, mvn.exitValue(), () -> "'" + project.testCommand() + "' failed:\n" + ProjectOnDisk.read(log));
        int[] totals = surefireTotals(root.resolve("target/surefire-reports"));
        assertTrue(totals[0] > 0, () -> "no tests ran:\n" + ProjectOnDisk.read(log));
        assertEquals(0, totals[1] + totals[2], () -> "failures or errors:\n" + ProjectOnDisk.read(log));
    }

    private static Spec spec(String name, List<Entity> entities, EnumSet<Operation> operations) {
        return new Spec(name, "A project generated by GeneratedProjectIT.", entities, operations, "java-rest", "in-memory",
                "local", List.of());
    }

    /** The documented command, made quiet: "mvn -B test" -> [/usr/bin/mvn, -q, -B, test]. */
    private static List<String> command(String testCommand) {
        List<String> words = new ArrayList<>(List.of(testCommand.split(" ")));
        assertEquals("mvn", words.getFirst(), testCommand);
        words.set(0, maven().toString());
        words.add(1, "-q");
        return words;
    }

    private static Path maven() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, windows ? "mvn.cmd" : "mvn");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("mvn is not on the PATH; GeneratedProjectIT needs Maven to run the generated project's tests.");
    }

    /** Tests, failures and errors summed over the surefire reports. */
    private static int[] surefireTotals(Path reports) throws IOException {
        int[] totals = new int[3];
        if (!Files.isDirectory(reports)) {
            return totals;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Matcher suite = SUITE.matcher(Files.readString(report));
                if (suite.find()) {
                    totals[0] += attribute(suite.group(), "tests");
                    totals[1] += attribute(suite.group(), "failures");
                    totals[2] += attribute(suite.group(), "errors");
                }
            }
        }
        return totals;
    }

    private static int attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
