package dev.aiwizard.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: core knows nothing of ours; adapters, engines and storage know only core. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aiwizard");

    private static final String[] OUTER = {"dev.aiwizard.app..", "dev.aiwizard.storage..", "dev.aiwizard.console..",
        "dev.aiwizard.generator..", "dev.aiwizard.git..", "dev.aiwizard.slack..", "dev.aiwizard.discord..",
        "dev.aiwizard.sandbox.."};

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
        for (String module : new String[] {"storage", "console", "slack", "discord", "generator", "git", "sandbox"}) {
            String own = "dev.aiwizard." + module + "..";
            String[] others = java.util.Arrays.stream(OUTER).filter(p -> !p.equals(own)).toArray(String[]::new);
            noClasses().that().resideInAPackage(own).should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }
}
