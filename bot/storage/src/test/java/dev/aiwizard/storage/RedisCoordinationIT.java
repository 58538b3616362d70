package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.testing.NeedsServices;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The coordination contract on the test Redis ({@code WIZARD_TEST_REDIS_URL}, default {@code redis://127.0.0.1:6379}),
 * under a key prefix of its own that is deleted afterwards.
 */
@NeedsServices
class RedisCoordinationIT extends CoordinationContract {
    private static final String URL = RedisTestKeys.URL;
    private final String prefix = "wizard-test:" + Ids.random(10) + ":";
    private boolean reached;

    @Override
    protected Coordination open() {
        try {
            RedisCoordination coordination = RedisCoordination.connect(URL, prefix);
            reached = true;
            return coordination;
        } catch (StorageException e) {
            return fail("Redis is needed for this test but is not reachable at " + DatabaseUrl.redact(URL) + ": "
                    + e.getMessage() + " Start it, or set WIZARD_TEST_REDIS_URL.", e);
        }
    }

    @AfterAll
    void deleteTheTestKeys() {
        if (!reached) {
            return;
        }
        RedisTestKeys.deleteUnder(prefix);
    }

    @Test
    void anUnreachableRedisIsReportedClearlyWithoutItsPassword() {
        StorageException e = assertThrows(StorageException.class,
                () -> RedisCoordination.connect("redis://:s3cret-redis-pw@127.0.0.1:1"));

        assertTrue(e.getMessage().startsWith("Cannot reach Redis at redis://127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("WIZARD_REDIS_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-redis-pw"), e.getMessage());
    }

    @Test
    void keysLiveUnderTheirPrefix() {
        try (RedisCoordination coordination = RedisCoordination.connect(URL, prefix);
             JedisPooled redis = new JedisPooled(URI.create(URL))) {
            coordination.firstSeen("prefix-check", Duration.ofMinutes(1));

            assertTrue(redis.exists(prefix + "seen:prefix-check"));
        }
    }
}
