package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.testing.NeedsServices;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;

/**
 * The coordination contract on what a replica with Redis configured runs ({@link Storage#coordination}: Redis, with
 * the test PostgreSQL as its fallback) while Redis answers; keys under a prefix of its own, deleted afterwards.
 */
@NeedsServices
class ResilientCoordinationOnRedisIT extends CoordinationContract {
    private final String prefix = "wizard-test:" + Ids.random(10) + ":";
    private TestDatabase database;

    @Override
    protected Coordination open() {
        database = TestDatabase.postgres();
        ResilientCoordination coordination = database.storage().coordination(RedisTestKeys.URL, prefix,
                Duration.ofSeconds(3));
        if (coordination.degradation() != null) {
            coordination.close();
            return fail("Redis is needed for this test but is not reachable at " + DatabaseUrl.redact(RedisTestKeys.URL)
                    + ": " + coordination.degradation() + " Start it, or set WIZARD_TEST_REDIS_URL.");
        }
        return coordination;
    }

    @AfterAll
    void deleteTheTestKeysAndSchema() {
        RedisTestKeys.deleteUnder(prefix);
        if (database != null) {
            database.close();
        }
    }
}
