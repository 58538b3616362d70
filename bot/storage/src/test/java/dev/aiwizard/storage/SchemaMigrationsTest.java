package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.ModelUsage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    @TempDir
    Path data;

    @Test
    void theLatestVersionConstantMatchesTheNewestShippedMigration() throws Exception {
        Path dir = migrations();
        Pattern name = Pattern.compile("V(\\d+)__.+\\.sql");
        int newest = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertEquals(newest, SchemaMigrations.LATEST_VERSION);
    }

    @Test
    void onlyAnUpToDateSchemaLetsARestartSkipFlyway() throws Exception {
        StorageSettings settings = StorageSettings.embedded(data, TestDatabase.TIMEOUTS);
        String url = DatabaseUrl.of(settings.url()).jdbcUrl();
        try (Connection fresh = DriverManager.getConnection(url, settings.user(), settings.password())) {
            assertFalse(SchemaMigrations.isCurrent(fresh), "a new database needs its migrations");
        }
        assertFalse(Files.exists(data.resolve("wizard.trace.db")), "looking made H2 log no error");
        Storage.open(settings).close();
        try (Connection migrated = DriverManager.getConnection(url, settings.user(), settings.password())) {
            assertTrue(SchemaMigrations.isCurrent(migrated));
            try (Statement st = migrated.createStatement()) {
                st.executeUpdate("UPDATE flyway_schema_history SET success = FALSE");
            }
            assertFalse(SchemaMigrations.isCurrent(migrated), "a failed migration goes back to Flyway");
        }
    }

    @Test
    void aDatabaseOfTheReleaseBeforeGetsTheNewTablesWhenOpened() throws Exception {
        StorageSettings settings = StorageSettings.embedded(data, TestDatabase.TIMEOUTS);
        String url = DatabaseUrl.of(settings.url()).jdbcUrl();
        Flyway.configure().dataSource(url, settings.user(), settings.password()).locations("classpath:db/migration")
                .target(Integer.toString(SchemaMigrations.LATEST_VERSION - 1)).load().migrate();
        try (Connection old = DriverManager.getConnection(url, settings.user(), settings.password())) {
            assertFalse(SchemaMigrations.isCurrent(old), "an older schema must not let Flyway be skipped");
        }
        ConversationId c = ConversationId.random();

        try (Storage upgraded = Storage.open(settings)) {
            GeneratedProject project = new GeneratedProject(List.of(new GeneratedFile("README.md", "# hi\n")),
                    "npm test", "offline");
            upgraded.generationCache().put("cafe", project);
            upgraded.usageLedger().record(c, "U1", "openai/gpt-4.1", new ModelUsage(1, 2, 3), Fixtures.T0);

            assertEquals(project, upgraded.generationCache().find("cafe").orElseThrow());
            assertEquals(new ModelUsage(1, 2, 3), upgraded.usageLedger().usedIn(c));
        }
        try (Connection migrated = DriverManager.getConnection(url, settings.user(), settings.password())) {
            assertTrue(SchemaMigrations.isCurrent(migrated), "the next restart can skip Flyway");
        }
    }

    private static Path migrations() throws URISyntaxException {
        return Path.of(SchemaMigrationsTest.class.getResource("/db/migration").toURI());
    }
}
