package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.testing.NeedsServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening PostgreSQL: schemas of their own, readiness, and what an operator sees when it cannot be reached. */
@NeedsServices
class PostgresStorageIT {

    @Test
    void anUnreachableDatabaseIsReportedClearlyWithoutThePassword() {
        StorageSettings settings = new StorageSettings("jdbc:postgresql://127.0.0.1:1/test", "wizard",
                "s3cret-db-pw", 2, TestDatabase.TIMEOUTS);

        StorageException e = assertThrows(StorageException.class, () -> Storage.open(settings));

        assertTrue(e.getMessage().startsWith("Cannot reach the database at jdbc:postgresql://127.0.0.1:1/test: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Check WIZARD_DB_URL."), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("s3cret-db-pw"), t.toString());
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsReportedAsSuch() {
        TestDatabase.requirePostgres();
        String url = TestDatabase.PG_URL.replaceFirst("/[^/?]+(\\?|$)", "/wizard_no_such_db$1");

        StorageException e = assertThrows(StorageException.class,
                () -> Storage.open(new StorageSettings(url, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, 2,
                        TestDatabase.TIMEOUTS)));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("wizard_no_such_db"), e.getMessage());
    }

    @Test
    void eachSchemaIsAStoreOfItsOwnAndIsDescribedAsSuch() {
        TestDatabase.requirePostgres();
        String a = "wizard_test_" + Ids.random(10);
        String b = "wizard_test_" + Ids.random(10);
        try (Storage first = Storage.open(TestDatabase.postgresSettings(a));
             Storage second = Storage.open(TestDatabase.postgresSettings(b))) {
            Conversation c = Fixtures.conversation(T0);
            first.conversations().create(c, List.of());

            assertTrue(first.ping());
            assertTrue(first.describe().startsWith("PostgreSQL at "), first.describe());
            assertTrue(first.describe().endsWith("(schema " + a + ")"), first.describe());
            assertEquals(c, first.conversations().find(c.id()).orElseThrow());
            assertTrue(second.conversations().find(c.id()).isEmpty());
        } finally {
            TestDatabase.dropSchema(a);
            TestDatabase.dropSchema(b);
        }
    }

    @Test
    void openingAnUpToDateSchemaAgainChangesNothing() throws java.sql.SQLException {
        TestDatabase.requirePostgres();
        String schema = "wizard_test_" + Ids.random(10);
        Conversation c = Fixtures.conversation(T0);
        try {
            try (Storage storage = Storage.open(TestDatabase.postgresSettings(schema))) {
                storage.conversations().create(c, List.of());
            }
            try (Storage again = Storage.open(TestDatabase.postgresSettings(schema))) {
                assertEquals(c, again.conversations().find(c.id()).orElseThrow());
            }
            StorageSettings settings = TestDatabase.postgresSettings(schema);
            try (var connection = java.sql.DriverManager.getConnection(DatabaseUrl.of(settings.url()).jdbcUrl(),
                    settings.user(), settings.password())) {
                assertTrue(SchemaMigrations.isCurrent(connection), "a restart finds the schema current and skips Flyway");
            }
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }
}
