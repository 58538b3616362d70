package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Keeps what chat adapters acknowledge durable until it is handled. An adapter calls {@link #accept} before it
 * acknowledges (a failure means: tell the platform to retry), and {@link #finished} when the event's work ended. This
 * replica renews the lease of every event still in its hands; an event whose work failed, or whose replica died, is
 * claimed again once its lease ran out — by this replica or another — and replayed by its platform's adapter, up to
 * {@code maxAttempts} times. Replays are safe: a turn records its event with its writes, so a handled event is only
 * marked done.
 */
public final class Intake implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Intake.class.getName());
    private static final int CLAIM_BATCH = 100;

    private final Inbox inbox;
    private final String owner;
    private final Duration lease;
    private final int maxAttempts;
    private final Predicate<String> handled;
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private final Map<String, InboxReplayer> replayers = new ConcurrentHashMap<>();
    private volatile Thread keeper;
    private volatile boolean closed;

    /**
     * {@code owner} names this replica; {@code handled} says whether a turn already recorded an event (the
     * conversation store's {@code eventHandled}).
     */
    public Intake(Inbox inbox, String owner, Duration lease, int maxAttempts, Predicate<String> handled) {
        this.inbox = requireNonNull(inbox, "inbox");
        this.owner = requireNonNull(owner, "owner");
        this.lease = requireNonNull(lease, "lease");
        this.handled = requireNonNull(handled, "handled");
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("the inbox lease must be at least 300 ms, was " + lease);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /** Adds the adapter that replays {@code replayer.platform()}'s events. */
    public Intake register(InboxReplayer replayer) {
        replayers.put(replayer.platform(), requireNonNull(replayer, "replayer"));
        return this;
    }

    /**
     * Stores {@code event} before its acknowledgement. False when it is stored already and in someone's hands (a
     * redelivery that arrived before the first was handled): acknowledge it, but do not run it again.
     *
     * @throws dev.aiwizard.core.StorageException when it cannot be stored: do not acknowledge, let the platform retry
     */
    public boolean accept(InboundEvent event) {
        if (closed) {
            throw new IllegalStateException("shutting down: not taking new events");
        }
        if (!inbox.accept(event, owner, lease)) {
            return false;
        }
        inHand.add(event.key());
        return true;
    }

    /**
     * The work of event {@code key} ended: done when {@code ok}, otherwise left for a later attempt once its lease runs
     * out. Null keys (events without an id) are ignored.
     */
    public void finished(String key, boolean ok) {
        if (key == null || !inHand.remove(key)) {
            return;
        }
        if (ok) {
            inbox.done(List.of(key));
        } else {
            LOG.log(System.Logger.Level.WARNING, "event " + key + " failed; it is tried again in " + lease.toSeconds()
                    + " s");
        }
    }

    /**
     * Takes event {@code key} back out of the inbox at once, before it was acknowledged (the queues refused it), so
     * the platform's retry is taken as new. If that fails, its lease runs out and it is claimed again later.
     */
    public void withdraw(String key) {
        if (key == null || !inHand.remove(key)) {
            return;
        }
        try {
            inbox.withdraw(key);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not withdraw event " + key + "; it is tried again in "
                    + lease.toSeconds() + " s: " + e.getMessage());
        }
    }

    /** How many events this replica holds and has not finished. */
    public int inHand() {
        return inHand.size();
    }

    /** Starts renewing this replica's leases and claiming events whose lease ran out, every third of the lease. */
    public Intake start() {
        keeper = Thread.ofVirtual().name("intake-" + owner).start(this::keep);
        return this;
    }

    private void keep() {
        Duration every = lease.dividedBy(3);
        while (!closed) {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not renew or claim chat events: " + e.getMessage());
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: renew what this replica holds, then claim and replay what nobody does. */
    void tick() {
        if (!inHand.isEmpty()) {
            inbox.renew(owner, List.copyOf(inHand), lease);
        }
        List<InboundEvent> claimed = inbox.claim(owner, lease, CLAIM_BATCH);
        List<String> finished = new ArrayList<>();
        for (InboundEvent e : claimed) {
            int attempt = e.attempts();
            InboxReplayer replayer = replayers.get(e.platform());
            if (handled.test(e.key())) {
                finished.add(e.key());
            } else if (attempt > maxAttempts) {
                LOG.log(System.Logger.Level.ERROR, "event " + e.key() + " failed " + maxAttempts + " times; giving up");
                finished.add(e.key());
            } else if (replayer == null) {
                // Another replica runs this platform; it will claim the event once this lease runs out.
                LOG.log(System.Logger.Level.DEBUG, "no adapter here for " + e.platform() + " event " + e.key());
            } else {
                LOG.log(System.Logger.Level.INFO, "replaying " + e.platform() + " event " + e.key()
                        + " acknowledged at " + e.receivedAt() + " (attempt " + attempt + ")");
                inHand.add(e.key());
                try {
                    replayer.replay(e);
                } catch (RuntimeException failed) {
                    inHand.remove(e.key());
                    LOG.log(System.Logger.Level.WARNING, "could not replay " + e.key() + ": " + failed.getMessage());
                }
            }
        }
        if (!finished.isEmpty()) {
            inbox.done(finished);
        }
    }

    /** Stops taking events and lets another replica claim those still in hand at once. */
    @Override
    public void close() {
        closed = true;
        Thread k = keeper;
        if (k != null) {
            k.interrupt();
        }
        if (!inHand.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, inHand.size() + " chat event(s) not finished; handing them to "
                    + "another replica");
        }
        try {
            inbox.release(owner);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not hand back chat events; they are claimed when their "
                    + "lease runs out: " + e.getMessage());
        }
    }
}
