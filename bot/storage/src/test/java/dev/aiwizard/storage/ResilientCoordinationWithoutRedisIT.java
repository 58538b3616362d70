package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.testing.NeedsServices;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The lock contract on a replica whose Redis does not answer: its locks are taken in the test PostgreSQL (a schema
 * of its own), and keep every promise the Redis ones keep.
 */
@NeedsServices
class ResilientCoordinationWithoutRedisIT extends CoordinationLocksContract {
    private TestDatabase database;

    @Override
    protected Coordination open() {
        database = TestDatabase.postgres();
        // Nothing listens on port 1: every attempt to reach Redis is refused at once.
        ResilientCoordination coordination = database.storage().coordination("redis://127.0.0.1:1", "unused:",
                Duration.ofSeconds(3));
        assertNotNull(coordination.degradation(), "degraded, so locks are the database's");
        return coordination;
    }

    @AfterAll
    void dropTheSchema() {
        if (database != null) {
            database.close();
        }
    }
}
