package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.testing.NeedsServices;
import dev.aiwizard.core.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Redis down does not stop the bot: the test Redis is reached through a proxy the test cuts and restores, two
 * replicas share the test PostgreSQL, and every lock, duplicate check and rate limit keeps working.
 */
@NeedsServices
class ResilientCoordinationIT {
    private static final String REDIS = System.getenv().getOrDefault("WIZARD_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final Duration RETRY = Duration.ofMillis(200);
    private final String prefix = "wizard-test-" + Ids.random(8) + ":";
    private TestDatabase database;
    private TcpProxy redis;
    private ResilientCoordination a;
    private ResilientCoordination b;

    @BeforeEach
    void setUp() throws Exception {
        URI target = URI.create(REDIS);
        try (JedisPooled check = new JedisPooled(target)) {
            check.ping();
        } catch (RuntimeException e) {
            fail("Redis is needed for this test but is not reachable at " + REDIS + ": " + e.getMessage());
        }
        database = TestDatabase.postgres();
        redis = TcpProxy.to(target.getHost(), target.getPort());
    }

    private ResilientCoordination replica() {
        return database.storage().coordination("redis://127.0.0.1:" + redis.port(), prefix, RETRY);
    }

    @AfterEach
    void tearDown() {
        for (Coordination c : new Coordination[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whileRedisIsDownLocksStillHoldAcrossReplicasThroughTheDatabase() throws Exception {
        a = replica();
        b = replica();
        redis.cut();

        Optional<Coordination.Lock> held = a.lock("thread:slack:C1:1", Duration.ZERO, Duration.ofSeconds(2));
        assertTrue(held.isPresent(), "a lock is had without Redis");
        assertTrue(b.lock("thread:slack:C1:1", Duration.ofMillis(300), Duration.ofSeconds(2)).isEmpty(),
                "the other replica waits: one turn at a time per conversation");
        assertTrue(b.lock("thread:slack:C1:2", Duration.ZERO, Duration.ofSeconds(2)).isPresent(),
                "another conversation is not held up");
        held.get().close();
        assertTrue(b.lock("thread:slack:C1:1", Duration.ofSeconds(2), Duration.ofSeconds(2)).isPresent());

        assertTrue(a.isHealthy(), "degraded is still ready");
        assertNotNull(a.degradation());
        assertTrue(a.degradation().contains("unreachable"), a.degradation());
    }

    @Test
    void whileRedisIsDownDuplicatesAreLeftToTheDatabaseAndRateLimitsCountPerReplica() {
        a = replica();
        redis.cut();

        assertFalse(a.seen("event:slack:Ev1"), "unknown, so the database decides");
        assertTrue(a.firstSeen("event:slack:Ev1", Duration.ofMinutes(1)));
        assertTrue(a.tryAcquire("start:slack:U1", 1, Duration.ofMinutes(1)).allowed());
        assertFalse(a.tryAcquire("start:slack:U1", 1, Duration.ofMinutes(1)).allowed());
        assertThrows(StorageException.class, () -> a.inSet("threads:slack", List.of("C1\u00001")));
    }

    @Test
    void redisIsUsedAgainOnceItAnswersAndSetsItMissedAreDroppedToBeRebuilt() throws Exception {
        a = replica();
        a.addToSet("threads:slack", List.of("complete"));
        redis.cut();
        a.addToSet("threads:slack", List.of("C1\u0000new-thread"));
        assertNotNull(a.degradation());

        redis.restore();
        awaitTrue(() -> a.degradation() == null, "Redis used again");

        assertEquals(List.of(false, false), a.inSet("threads:slack", List.of("complete", "C1\u0000new-thread")),
                "the set that missed a member is gone, so it is rebuilt rather than trusted");
    }

    @Test
    void aReplicaThatStartsWhileRedisIsDownStartsDegradedAndUsesRedisOnceItAnswers() throws Exception {
        redis.cut();
        a = replica();
        assertNotNull(a.degradation(), "degraded from the start");
        assertTrue(a.lock("thread:slack:C9:1", Duration.ZERO, Duration.ofSeconds(2)).isPresent());

        redis.restore();
        awaitTrue(() -> a.degradation() == null, "Redis used once it answers");
        b = replica();
        assertTrue(a.firstSeen("event:slack:Ev-shared", Duration.ofMinutes(1)));
        assertTrue(b.seen("event:slack:Ev-shared"), "seen through Redis by the other replica");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
