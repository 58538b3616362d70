package dev.aiwizard.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: core knows nothing of ours; adapters, engines and storage know only core; and inside the
 * core, packages depend on each other in one direction only.
 */
class ArchitectureTest {
    /**
     * Test classes that other modules' tests share come as a test jar once Maven packages them ({@code mvn install},
     * as {@code ./wizard test} runs), where {@link ImportOption.Predefined#DO_NOT_INCLUDE_TESTS} does not see them.
     */
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages("dev.aiwizard");

    private static final String[] OUTER = {"dev.aiwizard.app..", "dev.aiwizard.storage..", "dev.aiwizard.console..",
        "dev.aiwizard.generator..", "dev.aiwizard.git..", "dev.aiwizard.slack..", "dev.aiwizard.discord..",
        "dev.aiwizard.sandbox..", "dev.aiwizard.web.."};

    /** Each package of bot/core as one slice: {@code dev.aiwizard.core.job..} is "job", the top package "core". */
    private static final SliceAssignment CORE_PACKAGES = new SliceAssignment() {
        private static final String CORE = "dev.aiwizard.core";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(CORE)) {
                return SliceIdentifier.of("core");
            }
            if (pkg.startsWith(CORE + ".")) {
                return SliceIdentifier.of(pkg.substring(CORE.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of bot/core";
        }
    };

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.aiwizard.core..")
                .should().dependOnClassesThat().resideInAnyPackage(OUTER).check(CLASSES);
    }

    @Test
    void coreUsesNoFrameworkOrDriver() {
        noClasses().that().resideInAPackage("dev.aiwizard.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "com.fasterxml..",
                        "org.eclipse.jgit..", "redis.clients..", "org.postgresql..", "org.h2..", "net.dv8tion..",
                        "com.slack..", "io.github.resilience4j..")
                .check(CLASSES);
    }

    @Test
    void adaptersEnginesAndStorageDoNotDependOnEachOther() {
        for (String module : new String[] {"storage", "console", "slack", "discord", "generator", "git", "sandbox",
            "web"}) {
            String own = "dev.aiwizard." + module + "..";
            String[] others = java.util.Arrays.stream(OUTER).filter(p -> !p.equals(own)).toArray(String[]::new);
            noClasses().that().resideInAPackage(own).should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }

    /**
     * No two packages of the core need each other, directly or through others, so each can be read and changed with
     * only what lies below it (conversation below job, for one). The top package ({@code dev.aiwizard.core}: log
     * context, exceptions, the telemetry port) is a package like the others here.
     */
    @Test
    void corePackagesDependOnEachOtherInOneDirectionOnly() {
        slices().assignedFrom(CORE_PACKAGES).should().beFreeOfCycles().check(CLASSES);
    }
}
