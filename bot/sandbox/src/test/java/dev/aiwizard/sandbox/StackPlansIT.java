package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import dev.aiwizard.core.sandbox.TestCounts;
import dev.aiwizard.core.testing.SpawnsProcesses;
import dev.aiwizard.sandbox.testing.SandboxTesting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production plans on real Maven and npm, with their registries for the dependency step: failing tests are
 * named and counted from Surefire's and node's own reports. The cache is shared by every sandbox test of a run.
 */
@SpawnsProcesses
class StackPlansIT {
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
                <modelVersion>4.0.0</modelVersion>
                <groupId>demo</groupId>
                <artifactId>calc</artifactId>
                <version>1</version>
                <description>%s</description>
                <properties>
                    <maven.compiler.release>21</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                </properties>
                <dependencies>
                    <dependency>
                        <groupId>org.junit.jupiter</groupId>
                        <artifactId>junit-jupiter</artifactId>
                        <version>5.13.4</version>
                        <scope>test</scope>
                    </dependency>
                </dependencies>
                <build>
                    <plugins>
                        <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-compiler-plugin</artifactId>
                            <version>3.13.0</version>
                        </plugin>
                        <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-surefire-plugin</artifactId>
                            <version>3.5.3</version>
                        </plugin>
                    </plugins>
                </build>
            </project>
            """;

    @TempDir
    Path dir;

    @Test
    void aMavenProjectIsBuiltOfflineAndItsFailingTestIsNamedFromSurefiresReport() {
        // A pom of its own, so this run fetches; the next run of the same pom does not.
        String pom = POM.formatted("calc " + UUID.randomUUID());
        Path project = SandboxTesting.write(dir.resolve("calc"), Map.of("pom.xml", pom,
                "src/main/java/demo/Calc.java", "package demo; public class Calc { public static int add(int a, int b) { return a + b; } }",
                "src/test/java/demo/CalcTest.java", """
                        package demo;
                        import static org.junit.jupiter.api.Assertions.assertEquals;
                        import org.junit.jupiter.api.Disabled;
                        import org.junit.jupiter.api.Test;
                        class CalcTest {
                            @Test void adds() { assertEquals(4, Calc.add(2, 2)); }
                            @Test void addsWrongly() { assertEquals(5, Calc.add(2, 2)); }
                            @Test @Disabled("later") void subtracts() { }
                        }
                        """));
        List<String> steps = new CopyOnWriteArrayList<>();

        SandboxResult result = new BubblewrapSandbox(SandboxTesting.settings(SandboxTesting.realStacks()))
                .run(new SandboxRequest(project, "java-rest", SandboxTesting.realStacks()), steps::add);

        assertEquals(Outcome.FAILED, result.outcome(), result::toString);
        assertEquals(Optional.of(new TestCounts(3, 1, 1, 1)), result.tests(), result::output);
        assertEquals(List.of("demo.CalcTest.addsWrongly"), result.failingTests());
        assertEquals("mvn -o -B test", result.command());
        assertEquals("tests: 1 passed, 1 failed, 1 skipped", result.summary());
        assertEquals(List.of("fetching dependencies: mvn -B dependency:go-offline", "running tests: mvn -o -B test"),
                steps);
        assertTrue(result.output().contains("addsWrongly"), result::output);

        List<String> again = new CopyOnWriteArrayList<>();
        SandboxResult second = new BubblewrapSandbox(SandboxTesting.settings(SandboxTesting.realStacks()))
                .run(new SandboxRequest(project, "java-rest", SandboxTesting.realStacks()), again::add);

        assertEquals(List.of("dependencies: already fetched for this pom.xml", "running tests: mvn -o -B test"), again);
        assertEquals(result.tests(), second.tests(), second::output);
    }

    @Test
    void anNpmProjectWithDependenciesInstallsThemWithoutScriptsAndTestsOffline() {
        Path project = SandboxTesting.write(dir.resolve("shop"), Map.of("package.json", """
                {"name": "shop", "version": "1.0.0", "private": true, "type": "module",
                 "scripts": {"test": "node --test", "postinstall": "touch postinstall-ran"},
                 "dependencies": {"express": "^5.1.0"}}
                """, "test/shop.test.js", """
                import test from 'node:test';
                import assert from 'node:assert';
                import fs from 'node:fs';
                import express from 'express';
                test('express loads from node_modules', () => assert.equal(typeof express, 'function'));
                test('no install script ran', () => assert.equal(fs.existsSync('postinstall-ran'), false));
                test.skip('is skipped', () => {});
                test('fails on purpose', () => assert.equal(1, 2));
                """));

        SandboxResult result = new BubblewrapSandbox(SandboxTesting.settings(SandboxTesting.realStacks()))
                .run(new SandboxRequest(project, "node-express", SandboxTesting.realStacks()), note -> { });

        assertEquals(Optional.of(new TestCounts(4, 2, 1, 1)), result.tests(), result::output);
        assertEquals(List.of("fails on purpose"), result.failingTests());
        assertEquals("npm test", result.command());
        assertEquals(Outcome.FAILED, result.outcome());
    }
}
