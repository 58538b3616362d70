package dev.aiwizard.app.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.Verification;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.sandbox.SandboxValidator;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.generator.offline.OfflineCodeGenerator;
import dev.aiwizard.sandbox.BubblewrapSandbox;
import dev.aiwizard.sandbox.testing.SandboxTesting;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline templates pass their own tests in the sandbox, on the production plan of each stack (real bubblewrap,
 * Maven and npm; the registries for the dependency step), through the job pipeline's validator port: a template
 * failing here is our bug. Counts come from the
 * runners' reports and agree with the totals the runners print.
 */
@SpawnsProcesses
class OfflineProjectsInSandboxIT {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java-rest", "node-express"})
    void theOfflineTemplatePassesItsOwnTestsInTheSandbox(String stack) throws IOException {
        Entity book = new Entity("Book", List.of(new Field("title", FieldType.TEXT), new Field("pages", FieldType.INTEGER),
                new Field("published", FieldType.DATE)));
        Spec spec = new Spec("shelf-" + stack, "Books on a shelf.", List.of(book), EnumSet.allOf(Operation.class), stack,
                "in-memory", "local", List.of());
        GeneratedProject project = new OfflineCodeGenerator(ShippedSettings.projectLimits()).generate(spec, note -> { });
        SandboxSettings settings = SandboxTesting.settings(SandboxTesting.realStacks());
        long start = System.nanoTime();

        Verification result = new SandboxValidator(new BubblewrapSandbox(settings), settings)
                .validate(project, stack, note -> { });

        assertEquals(Verification.Outcome.PASSED, result.outcome(), result::toString);
        int printed = printedTotal(result.output(), stack);
        assertEquals("tests: " + printed + " passed", result.summary(), "the report and the runner's own total agree");
        System.out.printf("OfflineProjectsInSandboxIT [%s]: %s in %.1f s%n", stack, result.summary(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The total the runner printed at the end ("Tests run: 38, ..." from Maven, "ℹ tests 96" from node). */
    private static int printedTotal(String output, String stack) {
        Pattern total = Pattern.compile(stack.equals("java-rest") ? "(?m)^\\[INFO\\] Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: 0$"
                : "(?m)^\u2139 tests (\\d+)$");
        Matcher m = total.matcher(output);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        assertTrue(last > 0, () -> "no total printed:\n" + output);
        return last;
    }
}
