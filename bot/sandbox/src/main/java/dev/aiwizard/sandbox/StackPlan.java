package dev.aiwizard.sandbox;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What runs for one stack, decided by the stack and never by a model: a dependency step (with the package registries
 * reachable, running none of the project's own code, writing the shared cache) and an offline test step, and where
 * the test runner leaves its report. {@code manifests} (files or folders of the project) are named when the
 * dependency step does nothing but fill the shared cache: it is then skipped while they are unchanged since it last
 * succeeded on this node. Paths inside the sandbox are the constants below.
 */
public record StackPlan(String stack, Step dependencies, Step tests, ReportFormat reports, List<String> manifests) {
    /** The scratch copy of the project, the only writable place besides {@code /tmp} and {@link #REPORTS}. */
    public static final String PROJECT = "/sandbox/project";
    /** The shared dependency cache: writable in the dependency step, read-only in the test step. */
    public static final String CACHE = "/sandbox/cache";
    /** Where a runner writes a report that the project itself does not keep (node's JUnit XML). */
    public static final String REPORTS = "/sandbox/reports";
    /** In an environment value, replaced with the heap a runtime may use (MiB), derived from the memory limit. */
    public static final String HEAP_MB = "{heap-mb}";

    public StackPlan {
        requireNonNull(stack, "stack");
        requireNonNull(dependencies, "dependencies");
        requireNonNull(tests, "tests");
        requireNonNull(reports, "reports");
        manifests = List.copyOf(manifests);
    }

    /** A plan whose dependency step runs every time (it also prepares the scratch copy, e.g. node_modules). */
    public StackPlan(String stack, Step dependencies, Step tests, ReportFormat reports) {
        this(stack, dependencies, tests, reports, List.of());
    }

    /** One command: how it is shown to people, the words run, and the environment it gets besides the sandbox's. */
    public record Step(String shown, List<String> command, Map<String, String> env) {
        public Step {
            requireNonNull(shown, "shown");
            command = List.copyOf(command);
            env = Map.copyOf(env);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a step needs a command");
            }
        }
    }

    /** Which runner's report says how many tests ran. */
    public enum ReportFormat {
        /** Maven Surefire: {@code target/surefire-reports/TEST-*.xml} in the project. */
        SUREFIRE,
        /** node's test runner with its JUnit reporter: {@code node-junit.xml} in {@link #REPORTS}. */
        NODE_JUNIT
    }
}
