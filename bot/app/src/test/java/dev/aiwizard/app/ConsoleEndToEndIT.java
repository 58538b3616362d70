package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.testing.SpawnsProcesses;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on embedded defaults: a scripted console session from idea to pushed branch, then the generated
 * project's own test suite, run with its own documented command.
 */
@SpawnsProcesses
class ConsoleEndToEndIT {
    private static final String SCRIPT = """
            new a todo service where people manage tasks with a title and a done flag
            skip
            generate
            """;

    @TempDir
    Path data;
    @TempDir
    Path checkout;

    @Test
    void aScriptedSessionLeavesABranchWhoseProjectPassesItsOwnTests() throws Exception {
        String transcript = Transcript.session(TestSettings.embedded(data), SCRIPT);

        assertTrue(transcript.contains("wizard> Here is the spec."), transcript);
        Matcher done = Pattern.compile("git clone --branch (wizard/\\S+) (\\S+)`").matcher(transcript);
        assertTrue(done.find(), "the bot said where the code is:\n" + transcript);
        String branch = done.group(1);
        Path repo = Path.of(done.group(2));
        assertTrue(Files.isDirectory(repo), "repository " + repo + " exists");

        try (Git git = Git.cloneRepository().setURI(repo.toUri().toString()).setBranch(branch)
                .setDirectory(checkout.toFile()).call()) {
            assertEquals(branch, git.getRepository().getBranch());
        }
        for (String doc : new String[] {"README.md", "docs/api.md", "docs/spec.md", "pom.xml"}) {
            assertTrue(Files.exists(checkout.resolve(doc)), doc + " is in the generated project");
        }
        String spec = Files.readString(checkout.resolve("docs/spec.md"));
        assertTrue(spec.contains("**Task**: title (text), done (boolean)"), spec);

        ProcessResult tests = runOwnTests(checkout);
        assertEquals(0, tests.exit(), "the generated project's tests pass:\n" + tests.output());
        assertTrue(tests.output().contains("Tests run:") && !tests.output().contains("Tests run: 0,"), tests.output());
    }

    record ProcessResult(int exit, String output) {
    }

    static ProcessResult runOwnTests(Path project) throws Exception {
        Path log = Files.createTempFile("generated-tests", ".log");
        ProcessBuilder pb = new ProcessBuilder("mvn", "-B", "test").directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new ProcessResult(-1, "timed out\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new ProcessResult(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
