package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.Heartbeat;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Coordination shared by several replicas through Redis. Seen keys are {@code SET NX PX}; rate limits are a
 * <em>sliding window</em> kept in a sorted set per key (one member per use, scored by Redis server time, so replica
 * clocks do not matter); locks are {@code SET NX PX} with a random token, released by a compare-and-delete script
 * so a holder whose lease ran out never frees its successor's lock, and renewed every third of their lease by a
 * compare-and-expire script on a virtual thread while the holder thread lives and the lock is open. Every key starts
 * with {@code wizard:}.
 */
public final class RedisCoordination implements Coordination {
    private static final System.Logger LOG = System.getLogger(RedisCoordination.class.getName());
    private static final String PREFIX = "wizard:";
    private static final int TIMEOUT_MILLIS = 2000;
    private static final int POOL_SIZE = 16;

    private static final String SLIDING_WINDOW = Scripts.load("sliding-window.lua");
    private static final String COMPARE_AND_DELETE = Scripts.load("compare-and-delete.lua");
    private static final String COMPARE_AND_EXPIRE = Scripts.load("compare-and-expire.lua");

    private final JedisPooled redis;
    private final String prefix;

    private RedisCoordination(JedisPooled redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /**
     * Connects to {@code url} ({@code redis://host:port}, optionally with a password and database number) and
     * checks that Redis answers.
     *
     * @throws StorageException when Redis cannot be reached or refuses the login; the message never shows the password
     */
    public static RedisCoordination connect(String url) {
        return connect(url, PREFIX);
    }

    /** Like {@link #connect(String)}, with all keys under {@code prefix}, so tests can share one Redis. */
    static RedisCoordination connect(String url, String prefix) {
        requireNonNull(url, "url");
        requireNonNull(prefix, "prefix");
        RedisUrl where = RedisUrl.parse(url);
        JedisPooled redis = pool(where);
        try {
            redis.ping();
        } catch (JedisException e) {
            redis.close();
            throw where.unreachable(e);
        }
        return new RedisCoordination(redis, prefix);
    }

    /**
     * Coordination on {@code url} without asking Redis first: connections are made when used, so a Redis that is
     * down at start-up is used once it answers (see {@link ResilientCoordination}).
     */
    static RedisCoordination lazy(String url, String prefix) {
        return new RedisCoordination(pool(RedisUrl.parse(requireNonNull(url, "url"))), requireNonNull(prefix, "prefix"));
    }

    private static JedisPooled pool(RedisUrl where) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        return new JedisPooled(pool, where.uri(), TIMEOUT_MILLIS);
    }

    /** Forgets the named set, so that whoever relies on it being complete builds it anew. */
    void deleteSet(String set) {
        requireNonNull(set, "set");
        call("delete set " + set, () -> redis.del(prefix + "set:" + set));
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        requireNonNull(key, "key");
        long millis = positiveMillis(ttl, "ttl");
        return call("record event " + key, () ->
                "OK".equals(redis.set(prefix + "seen:" + key, "1", SetParams.setParams().nx().px(millis))));
    }

    @Override
    public boolean seen(String key) {
        requireNonNull(key, "key");
        return call("look up event " + key, () -> redis.exists(prefix + "seen:" + key));
    }

    @Override
    public void addToSet(String set, Collection<String> members) {
        requireNonNull(set, "set");
        if (members.isEmpty()) {
            return;
        }
        call("add to set " + set, () -> redis.sadd(prefix + "set:" + set, members.toArray(String[]::new)));
    }

    @Override
    public List<Boolean> inSet(String set, List<String> members) {
        requireNonNull(set, "set");
        if (members.isEmpty()) {
            return List.of();
        }
        return call("read set " + set, () -> redis.smismember(prefix + "set:" + set, members.toArray(String[]::new)));
    }

    @Override
    public RateDecision tryAcquire(String key, int limit, Duration window) {
        requireNonNull(key, "key");
        long millis = positiveMillis(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        // A random member, so two uses in the same millisecond count twice.
        String use = UUID.randomUUID().toString();
        long wait = call("count a use of " + key, () -> ((Number) redis.eval(SLIDING_WINDOW,
                List.of(prefix + "rate:" + key), List.of(Long.toString(millis), Integer.toString(limit), use)))
                .longValue());
        return wait < 0 ? RateDecision.allow() : RateDecision.deny(Duration.ofMillis(wait));
    }

    @Override
    public Optional<Lock> lock(String name, Duration wait, Duration lease) {
        requireNonNull(name, "name");
        requireNonNull(wait, "wait");
        long leaseMillis = positiveMillis(lease, "lease");
        String key = prefix + "lock:" + name;
        String token = UUID.randomUUID().toString();
        return LockPolling.takeWithin(wait, () -> call("take lock " + name, () ->
                "OK".equals(redis.set(key, token, SetParams.setParams().nx().px(leaseMillis)))))
                ? Optional.of(new HeldLock(key, token, leaseMillis, Thread.currentThread())) : Optional.empty();
    }

    @Override
    public boolean isHealthy() {
        try {
            return "PONG".equalsIgnoreCase(redis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    private void release(String key, String token) {
        try {
            redis.eval(COMPARE_AND_DELETE, List.of(key), List.of(token));
        } catch (JedisException e) {
            // The lease frees the lock anyway; failing here would hide the caller's own outcome.
            LOG.log(System.Logger.Level.WARNING, "could not release lock " + key + ", it frees itself when its lease "
                    + "runs out: " + Secrets.rootMessage(e));
        }
    }

    /**
     * One held lock. Its heartbeat renews the lease while the lock is open and its holder thread lives, so a turn
     * longer than the lease keeps it; a holder that ended without closing it lets it expire, as a crashed replica does.
     */
    private final class HeldLock implements Lock {
        private final String key;
        private final String token;
        private final Heartbeat heartbeat;

        HeldLock(String key, String token, long leaseMillis, Thread holder) {
            this.key = key;
            this.token = token;
            this.heartbeat = Heartbeat.start("lock-renewal", Duration.ofMillis(Math.max(1, leaseMillis / 3)),
                    () -> holder.isAlive() && renew(leaseMillis));
        }

        /** One renewal; false (no more) once another holder has the lock. */
        private boolean renew(long leaseMillis) {
            try {
                Object renewed = redis.eval(COMPARE_AND_EXPIRE, List.of(key), List.of(token, Long.toString(leaseMillis)));
                if (!(renewed instanceof Number n) || n.longValue() == 0) {
                    LOG.log(System.Logger.Level.WARNING, "lock " + key + " was lost to another holder");
                    return false;
                }
            } catch (JedisException e) {
                // The lease may still hold; the next beat tries again.
                LOG.log(System.Logger.Level.WARNING, "could not renew lock " + key + ": " + Secrets.rootMessage(e));
            }
            return true;
        }

        @Override
        public void close() {
            if (heartbeat.stop()) {
                release(key, token);
            }
        }
    }

    private static <T> T call(String action, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new StorageException("Redis could not " + action + ": " + Secrets.rootMessage(e), e);
        }
    }

    private static long positiveMillis(Duration d, String name) {
        requireNonNull(d, name);
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least a millisecond: " + d);
        }
        return d.toMillis();
    }
}
