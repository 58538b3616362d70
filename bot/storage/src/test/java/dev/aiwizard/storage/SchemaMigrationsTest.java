package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        StorageSettings settings = StorageSettings.embedded(data);
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

    private static Path migrations() throws URISyntaxException {
        return Path.of(SchemaMigrationsTest.class.getResource("/db/migration").toURI());
    }
}
