package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.core.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A storage for one test class: an H2 file in a fresh directory, or a fresh schema in the test PostgreSQL
 * ({@code WIZARD_TEST_PG_URL}, {@code WIZARD_TEST_PG_USER}), removed again on close so parallel runs never meet.
 */
final class TestDatabase implements AutoCloseable {
    /** The database timeouts application.yaml ships: 5 s to connect, 15 s per read, 10 s per statement. */
    static final StorageSettings.Timeouts TIMEOUTS = new StorageSettings.Timeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(10));
    static final String PG_URL = env("WIZARD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = env("WIZARD_TEST_PG_USER", "postgres");
    static final String PG_PASSWORD = env("WIZARD_TEST_PG_PASSWORD", "");

    private final Storage storage;
    private final Path dir;
    private final String schema;

    private TestDatabase(Storage storage, Path dir, String schema) {
        this.storage = storage;
        this.dir = dir;
        this.schema = schema;
    }

    static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("wizard-storage-test");
            return new TestDatabase(Storage.open(StorageSettings.embedded(dir, TIMEOUTS)), dir, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
    }

    static TestDatabase postgres() {
        requirePostgres();
        String schema = "wizard_test_" + Ids.random(10);
        return new TestDatabase(Storage.open(postgresSettings(schema)), null, schema);
    }

    static StorageSettings postgresSettings(String schema) {
        return postgresSettings(schema, TIMEOUTS);
    }

    static StorageSettings postgresSettings(String schema, StorageSettings.Timeouts timeouts) {
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new StorageSettings(url, PG_USER, PG_PASSWORD, 4, timeouts);
    }

    /** Fails the calling test (never skips it) with what was tried, when the test PostgreSQL does not answer. */
    static void requirePostgres() {
        try {
            DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD).close();
        } catch (SQLException e) {
            fail("PostgreSQL is needed for this test but is not reachable at " + PG_URL + " as user " + PG_USER
                    + ": " + e.getMessage() + " Start it, or set WIZARD_TEST_PG_URL and WIZARD_TEST_PG_USER.");
        }
    }

    static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    Storage storage() {
        return storage;
    }

    /** The PostgreSQL schema of this storage (absent for H2). */
    String schema() {
        if (schema == null) {
            throw new IllegalStateException("an H2 storage has no schema");
        }
        return schema;
    }

    /** One number from {@code sql} (a query with one row and one column) on the test PostgreSQL. */
    static long queryNumber(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement();
             var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    @Override
    public void close() {
        storage.close();
        if (schema != null) {
            dropSchema(schema);
        }
        if (dir != null) {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
