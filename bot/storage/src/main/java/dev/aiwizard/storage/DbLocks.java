package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.Heartbeat;
import io.helidon.dbclient.DbClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Named locks in the database, for when Redis is unreachable: a row per held lock with a random token and a lease,
 * taken when free or expired, renewed every third of its lease while the holder thread lives and the lock is open,
 * and released only with its token, so a holder whose lease ran out never frees its successor's lock. Slower than
 * Redis (a round trip per attempt), and only used while Redis is away.
 */
final class DbLocks {
    private static final System.Logger LOG = System.getLogger(DbLocks.class.getName());

    private final DbClient db;
    private final Clock clock;

    DbLocks(DbClient db, Clock clock) {
        this.db = requireNonNull(db, "db");
        this.clock = requireNonNull(clock, "clock");
    }

    /** As {@link Coordination#lock}. */
    Optional<Coordination.Lock> lock(String name, Duration wait, Duration lease) {
        requireNonNull(name, "name");
        String token = UUID.randomUUID().toString();
        return LockPolling.takeWithin(wait, () -> tryTake(name, token, lease))
                ? Optional.of(new Held(name, token, lease, Thread.currentThread())) : Optional.empty();
    }

    private boolean tryTake(String name, String token, Duration lease) {
        Instant now = clock.instant();
        return Sql.run("take lock " + name, () -> {
            long inserted = db.execute().createNamedInsert("insert-lock").addParam("name", name)
                    .addParam("token", token).addParam("lease_until", Columns.time(now.plus(lease))).execute();
            return inserted == 1 || db.execute().createNamedUpdate("take-expired-lock").addParam("name", name)
                    .addParam("token", token).addParam("lease_until", Columns.time(now.plus(lease)))
                    .addParam("now", Columns.time(now)).execute() == 1;
        });
    }

    /** One held lock; its heartbeat renews the lease while it is open and its holder thread lives. */
    private final class Held implements Coordination.Lock {
        private final String name;
        private final String token;
        private final Heartbeat heartbeat;

        Held(String name, String token, Duration lease, Thread holder) {
            this.name = name;
            this.token = token;
            this.heartbeat = Heartbeat.start("db-lock-renewal", lease.dividedBy(3),
                    () -> holder.isAlive() && renew(lease));
        }

        /** One renewal; false (no more) once another holder has the lock. */
        private boolean renew(Duration lease) {
            try {
                long renewed = db.execute().createNamedUpdate("renew-lock").addParam("name", name)
                        .addParam("token", token)
                        .addParam("lease_until", Columns.time(clock.instant().plus(lease))).execute();
                if (renewed == 0) {
                    LOG.log(System.Logger.Level.WARNING, "lock " + name + " was lost to another holder");
                    return false;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not renew lock " + name + ": " + e.getMessage());
            }
            return true;
        }

        @Override
        public void close() {
            if (!heartbeat.stop()) {
                return;
            }
            try {
                db.execute().createNamedDelete("release-lock").addParam("name", name).addParam("token", token)
                        .execute();
            } catch (RuntimeException e) {
                // The lease frees the lock anyway; failing here would hide the caller's own outcome.
                LOG.log(System.Logger.Level.WARNING, "could not release lock " + name + ", it frees itself when its "
                        + "lease runs out: " + e.getMessage());
            }
        }
    }
}
