package dev.aiwizard.sandbox;

import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.sandbox.StackPlan.ReportFormat;
import dev.aiwizard.sandbox.StackPlan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The plan for a stack id and a project (which may decide between variants, e.g. npm ci with a lock file). */
@FunctionalInterface
public interface StackPlans {
    /** The plan for {@code stack}, empty for a stack this node cannot validate. */
    Optional<StackPlan> plan(String stack, Path project);

    /** {@code run} with the plan for {@code request}'s stack; a stack without one is a run that did not happen. */
    default SandboxResult withPlan(SandboxRequest request, Function<StackPlan, SandboxResult> run) {
        return plan(request.stack(), request.project()).map(run)
                .orElseGet(() -> SandboxResult.notRun("no test plan for the stack '" + request.stack() + "'", ""));
    }

    /** The stacks the offline generator builds: {@code java-rest} (Maven) and {@code node-express} (npm). */
    static StackPlans builtIn() {
        return (stack, project) -> switch (stack) {
            case "java-rest" -> Optional.of(javaRest());
            case "node-express" -> Optional.of(nodeExpress(Files.exists(project.resolve("package-lock.json"))));
            default -> Optional.empty();
        };
    }

    /**
     * {@code dependency:go-offline} alone is not enough for {@code mvn -o test}: it leaves out the dependencies of
     * old default plugins (resources 2.6 needs Maven 2.0.6 artifacts) and what Surefire resolves only when it runs
     * tests (its JUnit Platform provider, plexus-utils 1.1). So the step also loads each plugin of the test lifecycle
     * with its work switched off (loading a plugin resolves everything it needs), and runs Surefire on one empty
     * class of ours, compiled here. None of the project's code is compiled or run, and no goal the project binds to
     * a phase runs: only goals named here. It only fills the cache, so it is skipped for a pom (and {@code .mvn/}) it
     * already fetched for.
     */
    private static StackPlan javaRest() {
        String maven = "mvn -B -q -Dstyle.color=never -Dmaven.repo.local=" + StackPlan.CACHE + "/m2";
        String fetch = String.join("\n",
                "set -e",
                "rm -rf target",
                maven + " dependency:go-offline resources:resources resources:testResources compiler:compile"
                        + " compiler:testCompile -Dmaven.resources.skip=true -Dmaven.main.skip=true -Dmaven.test.skip=true",
                "rm -rf target",
                "mkdir -p target/test-classes /tmp/wizard-probe",
                "printf 'public class WizardDependencyProbe {}\\n' > /tmp/wizard-probe/WizardDependencyProbe.java",
                "javac -d target/test-classes /tmp/wizard-probe/WizardDependencyProbe.java",
                maven + " surefire:test -Dtest=WizardDependencyProbe -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -DfailIfNoTests=false",
                "rm -rf target");
        return new StackPlan("java-rest",
                new Step("mvn -B dependency:go-offline", List.of("sh", "-c", fetch), Map.of()),
                new Step("mvn -o -B test", List.of("mvn", "-o", "-B", "-Dstyle.color=never",
                        "-Dmaven.repo.local=" + StackPlan.CACHE + "/m2", "test"), Map.of()),
                ReportFormat.SUREFIRE, List.of("pom.xml", ".mvn"));
    }

    /**
     * npm runs no install scripts and talks to the public registry whatever the project's {@code .npmrc} says (the
     * environment outranks a project's npmrc). The tests get node's JUnit reporter through {@code NODE_OPTIONS}, next
     * to the usual spec output, so the generated project stays as it is.
     */
    private static StackPlan nodeExpress(boolean lockFile) {
        Map<String, String> quiet = Map.of("npm_config_update_notifier", "false", "npm_config_fund", "false",
                "npm_config_audit", "false");
        Map<String, String> fetchEnv = new java.util.HashMap<>(quiet);
        fetchEnv.put("npm_config_cache", StackPlan.CACHE + "/npm");
        fetchEnv.put("npm_config_registry", "https://registry.npmjs.org/");
        Map<String, String> testEnv = new java.util.HashMap<>(quiet);
        testEnv.put("npm_config_cache", "/tmp/npm-cache");
        testEnv.put("npm_config_offline", "true");
        testEnv.put("NODE_OPTIONS", "--max-old-space-size=" + StackPlan.HEAP_MB
                + " --test-reporter=spec --test-reporter-destination=stdout"
                + " --test-reporter=junit --test-reporter-destination=" + StackPlan.REPORTS + "/node-junit.xml");
        String install = lockFile ? "ci" : "install";
        return new StackPlan("node-express",
                new Step("npm " + install + " --ignore-scripts",
                        List.of("npm", install, "--ignore-scripts", "--no-audit", "--no-fund"), fetchEnv),
                new Step("npm test", List.of("npm", "test"), testEnv),
                ReportFormat.NODE_JUNIT);
    }
}
