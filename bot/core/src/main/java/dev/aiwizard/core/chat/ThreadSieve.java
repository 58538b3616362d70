package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In front of {@link ThreadQueues}: work for a thread that surely holds no conversation is dropped before it costs a
 * queue or a database look-up. A chat adapter hears every message of its channels, most of them outside any
 * conversation; this asks the thread index about everything that arrived since the last ask in one round trip, then
 * queues only what may matter, in arrival order. Work that must run regardless (a button press, a new conversation)
 * goes through here too, unchecked, so that one thread's work keeps its order. Work waiting here already holds its
 * place in the queues' {@link TurnLimits}, so the sieve's backlog is bounded by them too, and accepted work is never
 * refused later, after the platform heard "ok".
 */
public final class ThreadSieve {
    private static final int MAX_BATCH = 512;
    /** How long the sieve lets work gather before asking: a millisecond or two is nothing next to a turn. */
    private static final Duration LINGER = Duration.ofMillis(2);
    private static final System.Logger LOG = System.getLogger(ThreadSieve.class.getName());

    private record Pending(ThreadRef thread, String key, Runnable work, boolean check, Runnable dropped) {
    }

    private final Function<List<ThreadRef>, List<Boolean>> mayHold;
    private final ThreadQueues queues;
    private final Executor executor;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Work submitted and not yet queued or dropped. */
    private final AtomicInteger sieving = new AtomicInteger();

    /**
     * {@code mayHold} answers, for threads of one platform, whether each may hold a conversation; the sieve runs on
     * the executor of {@code queues}, where the work goes.
     */
    public ThreadSieve(Function<List<ThreadRef>, List<Boolean>> mayHold, ThreadQueues queues) {
        this.mayHold = requireNonNull(mayHold, "mayHold");
        this.queues = requireNonNull(queues, "queues");
        this.executor = queues.executor();
    }

    /**
     * Queues {@code work} under {@code key} if {@code thread} may hold a conversation; false (nothing queued) when
     * the queues are full or shutting down.
     */
    public boolean submitIfConversation(ThreadRef thread, String key, Runnable work) {
        return submitIfConversation(thread, key, work, () -> { });
    }

    /**
     * {@link #submitIfConversation(ThreadRef, String, Runnable)}, running {@code dropped} if the work is dropped
     * because the thread surely holds no conversation.
     */
    public boolean submitIfConversation(ThreadRef thread, String key, Runnable work, Runnable dropped) {
        return add(new Pending(requireNonNull(thread, "thread"), key, work, true, requireNonNull(dropped, "dropped")));
    }

    /** Queues {@code work} under {@code key}, unchecked, in order with the checked work; false when refused. */
    public boolean submit(String key, Runnable work) {
        return add(new Pending(null, key, work, false, () -> { }));
    }

    /** How many queues still have work, for tests and shutdown. */
    public int busy() {
        return queues.busy() + sieving.get();
    }

    private boolean add(Pending p) {
        requireNonNull(p.work(), "work");
        if (!queues.reserve(p.key())) {
            return false;
        }
        sieving.incrementAndGet();
        pending.add(p);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        do {
            try {
                while (true) {
                    // Let a moment's arrivals gather: one question to the index for all of them.
                    Thread.sleep(LINGER);
                    List<Pending> batch = take();
                    if (batch.isEmpty()) {
                        break;
                    }
                    pass(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                draining.set(false);
            }
        } while (!pending.isEmpty() && draining.compareAndSet(false, true));
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        Pending p;
        while (batch.size() < MAX_BATCH && (p = pending.poll()) != null) {
            batch.add(p);
        }
        return batch;
    }

    private void pass(List<Pending> batch) {
        List<ThreadRef> asked = batch.stream().filter(Pending::check).map(Pending::thread).toList();
        List<Boolean> answers;
        try {
            answers = asked.isEmpty() ? List.of() : mayHold.apply(asked);
            if (answers.size() != asked.size()) {
                throw new IllegalStateException(answers.size() + " answers for " + asked.size() + " threads");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not sieve chat work, queueing all of it: " + e.getMessage());
            answers = asked.stream().map(t -> true).toList();
        }
        int i = 0;
        for (Pending p : batch) {
            boolean mayHold = !p.check() || answers.get(i++);
            // Work before it in the same thread may be what starts a conversation there (the index hears of it only
            // once that turn ran): then the turn decides, on the conversation as that work left it.
            if (mayHold || queues.reserved(p.key()) > 1) {
                queues.fill(p.key(), p.work());
            } else {
                queues.release(p.key());
                p.dropped().run();
            }
            sieving.decrementAndGet();
        }
    }
}
