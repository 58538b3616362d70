package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.InProcessCoordination;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Coordination on Redis that keeps the bot working when Redis does not answer, also from start-up: while Redis is
 * away, locks are taken in the database (so one turn at a time per conversation still holds across replicas),
 * duplicate events are left to the database (which records every handled event), rate limits count per replica,
 * and {@link #degradation()} says so for health. Redis is tried again every few seconds and used as soon as it
 * answers; sets written while it was away are dropped then, so whoever relies on one being complete rebuilds it.
 */
public final class ResilientCoordination implements Coordination {
    private static final System.Logger LOG = System.getLogger(ResilientCoordination.class.getName());
    /** While Redis failed this recently, it is not asked: a hanging Redis must not cost every call its timeout. */
    static final Duration RETRY_EVERY = Duration.ofSeconds(3);

    private final RedisCoordination redis;
    private final String where;
    private final InProcessCoordination local = new InProcessCoordination();
    private final DbLocks dbLocks;
    private final Set<String> setsMissed = ConcurrentHashMap.newKeySet();
    private final Duration retryEvery;
    private volatile String degraded;
    private volatile long retryAt;

    ResilientCoordination(RedisCoordination redis, String where, DbLocks dbLocks, Duration retryEvery) {
        this.redis = requireNonNull(redis, "redis");
        this.where = requireNonNull(where, "where");
        this.dbLocks = requireNonNull(dbLocks, "dbLocks");
        this.retryEvery = requireNonNull(retryEvery, "retryEvery");
        if (!redis.isHealthy()) {
            wentAway(new StorageException("Redis did not answer at start-up"));
        }
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        return either(r -> r.firstSeen(key, ttl), () -> local.firstSeen(key, ttl));
    }

    @Override
    public boolean seen(String key) {
        // Unknown is "not seen": the database, which records every handled event, decides.
        return either(r -> r.seen(key), () -> false);
    }

    @Override
    public RateDecision tryAcquire(String key, int limit, Duration window) {
        return either(r -> r.tryAcquire(key, limit, window), () -> local.tryAcquire(key, limit, window));
    }

    @Override
    public Optional<Lock> lock(String name, Duration wait, Duration lease) {
        return either(r -> r.lock(name, wait, lease), () -> dbLocks.lock(name, wait, lease));
    }

    @Override
    public void addToSet(String set, Collection<String> members) {
        either(r -> {
            r.addToSet(set, members);
            return null;
        }, () -> {
            setsMissed.add(set);
            return null;
        });
    }

    @Override
    public List<Boolean> inSet(String set, List<String> members) {
        return either(r -> r.inSet(set, members), () -> {
            throw new StorageException("Redis is unreachable: set " + set + " cannot be read");
        });
    }

    @Override
    public boolean isHealthy() {
        // Degraded is still working: no turn is refused because Redis is gone.
        return true;
    }

    @Override
    public String degradation() {
        if (degraded != null && System.nanoTime() - retryAt >= 0) {
            either(r -> r.isHealthy() ? Boolean.TRUE : null, () -> null);
        }
        return degraded;
    }

    @Override
    public void close() {
        local.close();
        redis.close();
    }

    private <T> T either(Function<RedisCoordination, T> onRedis, Supplier<T> fallback) {
        if (degraded == null || System.nanoTime() - retryAt >= 0) {
            try {
                T value = onRedis.apply(redis);
                if (degraded != null && value != null) {
                    cameBack();
                }
                return value;
            } catch (StorageException e) {
                wentAway(e);
            }
        }
        return fallback.get();
    }

    private synchronized void wentAway(StorageException e) {
        retryAt = System.nanoTime() + retryEvery.toNanos();
        if (degraded == null) {
            degraded = "Redis at " + where + " is unreachable: locks in the database, per-replica rate limits";
            LOG.log(System.Logger.Level.ERROR, "DEGRADED: " + degraded + ". Turns keep working; Redis is used again "
                    + "as soon as it answers. Cause: " + e.getMessage());
        }
    }

    private synchronized void cameBack() {
        if (degraded == null) {
            return;
        }
        for (String set : List.copyOf(setsMissed)) {
            try {
                redis.deleteSet(set);
                setsMissed.remove(set);
            } catch (StorageException e) {
                wentAway(e);
                return;
            }
        }
        degraded = null;
        LOG.log(System.Logger.Level.WARNING, "Redis at " + where + " answers again; coordination is no longer "
                + "degraded");
    }
}
