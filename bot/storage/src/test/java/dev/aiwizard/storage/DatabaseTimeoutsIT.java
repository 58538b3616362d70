package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.testing.NeedsServices;
import dev.aiwizard.core.testing.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database that stops answering must not hang a turn: every storage call ends within the configured timeouts with
 * a {@link StorageException} that says what was attempted. Without the timeouts the first test hangs, so JUnit ends
 * it.
 */
@Timeout(120)
@NeedsServices
class DatabaseTimeoutsIT {
    /** Short timeouts so the test is quick; the shipped defaults are longer. */
    private static final StorageSettings.Timeouts SHORT = new StorageSettings.Timeouts(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(1));
    /** Thread scheduling and the pool's retries on top of the timeouts themselves. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private final String schema = "wizard_test_" + Ids.random(10);

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void aCallToADatabaseThatStopsAnsweringFailsWithinTheTimeoutsWithAClearStorageException() throws Exception {
        TestDatabase.requirePostgres();
        URI pg = URI.create(TestDatabase.PG_URL.substring("jdbc:".length()));
        try (TcpProxy proxy = TcpProxy.to(pg.getHost(), pg.getPort());
             Storage storage = Storage.open(new StorageSettings("jdbc:postgresql://127.0.0.1:" + proxy.port()
                     + pg.getPath() + "?currentSchema=" + schema, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD, 2,
                     SHORT))) {
            Conversation c = Fixtures.conversation(T0);
            storage.conversations().create(c, List.of());
            assertEquals(c, storage.conversations().find(c.id()).orElseThrow(), "the proxy forwards until told");

            proxy.stall();
            long start = System.nanoTime();
            StorageException e = assertThrows(StorageException.class, () -> storage.conversations().find(c.id()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(SHORT.connect().plus(SHORT.socket()).plus(SLACK)) < 0, "took " + took);
            assertTrue(e.getMessage().startsWith("Could not find conversation " + c.id()), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer within"), e.getMessage());
            assertTrue(!storage.ping(), "the readiness check says the database is not there");
        }
    }

    @Test
    void aStatementStuckBehindAnotherTransactionsLockIsCancelledAfterTheStatementTimeout() throws Exception {
        TestDatabase.requirePostgres();
        StorageSettings settings = TestDatabase.postgresSettings(schema, SHORT);
        try (Storage storage = Storage.open(settings);
             Connection other = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER,
                     TestDatabase.PG_PASSWORD)) {
            Conversation c = Fixtures.conversation(T0);
            storage.conversations().create(c, List.of());
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("LOCK TABLE " + schema + ".conversations IN ACCESS EXCLUSIVE MODE");
            }

            long start = System.nanoTime();
            StorageException e = assertThrows(StorageException.class, () -> storage.conversations().find(c.id()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            other.rollback();

            assertTrue(took.compareTo(SHORT.statement().plus(SLACK)) < 0, "took " + took);
            assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
            assertEquals(c, storage.conversations().find(c.id()).orElseThrow(), "the next call works");
        }
    }
}
