package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.chat.InboundEvent;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The inbox in the database. Events accepted at the same moment are written together, in one transaction: under load
 * one commit makes a whole batch durable, so keeping every acknowledged event costs the acknowledgement little.
 * Forgetting handled events is batched the same way and not waited for: one left behind is found handled later.
 */
final class DbInbox implements Inbox, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DbInbox.class.getName());
    private static final int MAX_BATCH = 256;
    /**
     * How long an accept waits for its batch's commit before the platform is told to retry: a round takes
     * milliseconds, so a database that hangs is answered with a quick 503 (Slack gives up after 3 s) rather than a
     * slow one. Should the write still land later, the platform's retry finds it kept and it runs from the inbox.
     */
    private static final Duration ACCEPT_TIMEOUT = Duration.ofMillis(750);
    /**
     * How many events the inbox forgets before it vacuums its table (PostgreSQL). Each forgotten event leaves a dead
     * row and index entries that every later write wades through until a vacuum clears them; autovacuum may be off,
     * and wakes at most once a minute when on, while a busy inbox forgets thousands of events a second.
     */
    static final int SWEEP_EVERY = 10_000;

    private record Accepted(InboundEvent event, String owner, Instant leaseUntil, CompletableFuture<Boolean> stored) {
    }

    private final DbClient db;
    private final Clock clock;
    /** PostgreSQL takes a whole batch in one statement (arrays); H2 (one node, embedded) a statement a row. */
    private final boolean setBased;
    private final LinkedBlockingQueue<Accepted> accepts = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> dones = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicInteger forgotten = new AtomicInteger();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile boolean closed;

    DbInbox(DbClient db, Clock clock, boolean postgres) {
        this.db = requireNonNull(db, "db");
        this.clock = requireNonNull(clock, "clock");
        this.setBased = postgres;
        this.writer = Thread.ofVirtual().name("inbox-writer").start(this::write);
    }

    @Override
    public boolean accept(InboundEvent event, String owner, Duration lease) {
        requireNonNull(event, "event");
        requireNonNull(owner, "owner");
        if (closed) {
            throw new StorageException("the inbox is closed");
        }
        Accepted a = new Accepted(event, owner, clock.instant().plus(lease), new CompletableFuture<>());
        accepts.add(a);
        try {
            return a.stored().get(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException s ? s
                    : new StorageException("Could not store event " + event.key() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StorageException("Could not store event " + event.key() + " within "
                    + ACCEPT_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while storing event " + event.key(), e);
        }
    }

    @Override
    public void done(Collection<String> keys) {
        dones.addAll(keys);
    }

    @Override
    public void withdraw(String key) {
        Sql.run("withdraw chat event " + key, () -> db.execute().createNamedDelete("delete-inbox-event")
                .addParam("event_key", key).execute());
    }

    @Override
    public void renew(String owner, Collection<String> keys, Duration lease) {
        Instant until = clock.instant().plus(lease);
        Sql.inTransaction(db, "renew the leases of " + keys.size() + " chat event(s)", tx -> {
            for (String key : keys) {
                tx.createNamedUpdate("renew-inbox-event").addParam("event_key", key).addParam("owner", owner)
                        .addParam("lease_until", Columns.time(until)).execute();
            }
            return null;
        });
    }

    @Override
    public List<InboundEvent> claim(String owner, Duration lease, int limit) {
        Instant now = clock.instant();
        List<String> candidates = Sql.run("list chat events to claim", () -> {
            try (Stream<DbRow> rows = db.execute().createNamedQuery("list-claimable-inbox-events")
                    .addParam("now", Columns.time(now)).addParam("limit", limit).execute()) {
                return rows.map(r -> Columns.string(r, "event_key")).toList();
            }
        });
        List<InboundEvent> won = new ArrayList<>();
        for (String key : candidates) {
            // Another replica may claim the same candidate: the conditional update decides who has it.
            Sql.inTransaction(db, "claim chat event " + key, tx -> {
                long claimed = tx.createNamedUpdate("claim-inbox-event").addParam("event_key", key)
                        .addParam("owner", owner).addParam("lease_until", Columns.time(now.plus(lease)))
                        .addParam("now", Columns.time(now)).execute();
                if (claimed == 1) {
                    tx.createNamedGet("get-inbox-event").addParam("event_key", key).execute()
                            .map(DbInbox::event).ifPresent(won::add);
                }
                return null;
            });
        }
        return won;
    }

    @Override
    public int pending() {
        return Sql.run("count the stored chat events", () -> db.execute().createNamedGet("count-inbox-events")
                .execute().map(r -> (int) Columns.number(r, "n")).orElse(0));
    }

    @Override
    public void release(String owner) {
        Sql.run("hand back the chat events of " + owner, () -> db.execute().createNamedUpdate("release-inbox-events")
                .addParam("owner", owner).addParam("now", Columns.time(clock.instant().minusMillis(1))).execute());
    }

    /** Stops the writer after it wrote what was accepted. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeBatch(null);
    }

    private void write() {
        while (!closed) {
            Accepted first;
            try {
                // Idle, it still wakes now and then to forget handled events.
                first = accepts.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            writeBatch(first);
        }
    }

    /**
     * {@code first} and everything accepted and done since the last round, in one transaction: one commit makes a
     * whole batch of events durable and forgets a batch of handled ones.
     */
    private void writeBatch(Accepted first) {
        List<Accepted> batch = new ArrayList<>();
        if (first != null) {
            batch.add(first);
        }
        accepts.drainTo(batch, MAX_BATCH);
        List<String> handled = new ArrayList<>();
        dones.drainTo(handled, MAX_BATCH);
        if (batch.isEmpty() && handled.isEmpty()) {
            return;
        }
        try {
            List<Boolean> stored = setBased ? storeAndForget(batch, handled)
                    : Sql.inTransaction(db, "store " + batch.size() + " and forget " + handled.size()
                            + " chat event(s)", tx -> {
                        List<Boolean> fresh = insertEach(tx, batch);
                        for (String key : handled) {
                            tx.createNamedDelete("delete-inbox-event").addParam("event_key", key).execute();
                        }
                        return fresh;
                    });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(stored.get(i));
            }
            if (setBased && forgotten.addAndGet(handled.size()) >= SWEEP_EVERY) {
                sweep();
            }
        } catch (RuntimeException e) {
            batch.forEach(a -> a.stored().completeExceptionally(e));
            // Left behind, handled events are claimed once their lease ran out and found handled then.
            if (!handled.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "could not forget " + handled.size() + " handled chat event(s): "
                        + e.getMessage());
            }
        }
    }

    /**
     * Vacuums the table beside the writer, so no accept waits for it. One sweep at a time per replica; a table
     * another replica is sweeping is skipped, not waited for.
     */
    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        forgotten.set(0);
        Thread.ofVirtual().name("inbox-sweeper").start(() -> {
            try {
                Sql.run("vacuum the inbox", () -> db.execute().namedDml("vacuum-inbox"));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not vacuum the inbox: " + e.getMessage());
            } finally {
                sweeping.set(false);
            }
        });
    }

    /**
     * PostgreSQL: the whole round in one statement, so one round trip and its own commit: {@code batch} stored, the
     * {@code handled} events forgotten; the keys it returns are the events that were new. An event both handled and
     * accepted again in one round (a redelivery of one just handled) is not stored again.
     */
    private List<Boolean> storeAndForget(List<Accepted> batch, List<String> handled) {
        Set<String> forget = new HashSet<>(handled);
        // Rows are locked in key order, whichever replica writes them: two replicas storing the same events at once
        // (a platform's retry reached the other one) wait for each other in turn instead of deadlocking.
        List<Accepted> kept = batch.stream().filter(a -> !forget.contains(a.event().key()))
                .sorted(Comparator.comparing(a -> a.event().key())).toList();
        int n = kept.size();
        String[] keys = new String[n];
        String[] platforms = new String[n];
        String[] fields = new String[n];
        String[] received = new String[n];
        String[] owners = new String[n];
        String[] leases = new String[n];
        for (int i = 0; i < n; i++) {
            Accepted a = kept.get(i);
            keys[i] = a.event().key();
            platforms[i] = a.event().platform();
            fields[i] = Json.write(a.event().fields());
            received[i] = a.event().receivedAt().toString();
            owners[i] = a.owner();
            leases[i] = a.leaseUntil().toString();
        }
        Set<String> fresh = Sql.run("store " + n + " and forget " + handled.size() + " chat event(s)", () -> {
            try (Stream<DbRow> rows = db.execute().createNamedQuery("store-and-forget-inbox-events")
                    .addParam(forget.stream().sorted().toArray(String[]::new)).addParam(keys).addParam(platforms).addParam(fields)
                    .addParam(received).addParam(owners).addParam(leases).execute()) {
                return rows.map(r -> Columns.string(r, "event_key")).collect(Collectors.toSet());
            }
        });
        List<Boolean> out = new ArrayList<>(batch.size());
        Set<String> seen = new HashSet<>();
        for (Accepted a : batch) {
            // The same event twice in one batch (a retry racing its original): the first is the new one.
            out.add(fresh.contains(a.event().key()) && seen.add(a.event().key()));
        }
        return out;
    }

    private List<Boolean> insertEach(DbTransaction tx, List<Accepted> batch) {
        List<Boolean> fresh = new ArrayList<>();
        for (Accepted a : batch) {
            fresh.add(tx.createNamedInsert("insert-inbox-event")
                    .addParam("event_key", a.event().key())
                    .addParam("platform", a.event().platform())
                    .addParam("fields", Json.write(a.event().fields()))
                    .addParam("received_at", Columns.time(a.event().receivedAt()))
                    .addParam("owner", a.owner())
                    .addParam("lease_until", Columns.time(a.leaseUntil()))
                    .execute() == 1);
        }
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private static InboundEvent event(DbRow row) {
        Map<String, String> fields = Optional.ofNullable(Json.read(Columns.string(row, "fields"), Map.class))
                .map(m -> new HashMap<String, String>((Map<String, String>) m)).orElseGet(HashMap::new);
        return new InboundEvent(Columns.string(row, "event_key"), Columns.string(row, "platform"), fields,
                Columns.instant(row, "received_at"), (int) Columns.number(row, "attempts"));
    }
}
