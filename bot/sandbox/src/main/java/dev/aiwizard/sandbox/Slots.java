package dev.aiwizard.sandbox;

import dev.aiwizard.core.job.Progress;
import dev.aiwizard.core.sandbox.SandboxResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * At most {@code size} sandbox runs at once on this node; the others wait first come, first served, and hear their
 * place in line whenever it changes (outside the lock: telling them may post to a chat).
 */
final class Slots {
    private final int size;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Object> waiting = new ArrayDeque<>();
    private int busy;

    Slots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("slots must be at least 1, was " + size);
        }
        this.size = size;
    }

    /** A sandbox run, which may wait (and so be interrupted) itself. */
    interface Run {
        SandboxResult run() throws InterruptedException;
    }

    /**
     * Runs {@code run} in a slot once one is free, telling {@code progress} the place in line meanwhile; a wait cut
     * short (shutdown) is a run that did not happen, shown as {@code command}.
     */
    SandboxResult inLine(Progress progress, String command, Run run) {
        try (Held slot = acquire(place -> progress.report("waiting for a sandbox: " + ordinal(place) + " in line"))) {
            return run.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SandboxResult.notRun("stopped while waiting for a sandbox", command);
        }
    }

    /** Waits for a slot; {@code place} hears 1 for "next in line", 2 for one ahead, and so on. */
    Held acquire(IntConsumer place) throws InterruptedException {
        Object ticket = new Object();
        int told = 0;
        lock.lock();
        try {
            waiting.addLast(ticket);
        } finally {
            lock.unlock();
        }
        try {
            while (true) {
                int position;
                lock.lock();
                try {
                    position = positionOf(ticket);
                    if (position == 1 && busy < size) {
                        waiting.removeFirst();
                        busy++;
                        changed.signalAll();
                        return this::release;
                    }
                    if (position == told) {
                        changed.await();
                        continue;
                    }
                } finally {
                    lock.unlock();
                }
                told = position;
                place.accept(position);
            }
        } catch (InterruptedException | RuntimeException e) {
            lock.lock();
            try {
                waiting.remove(ticket);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** A slot held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs holding a slot right now. */
    int busy() {
        lock.lock();
        try {
            return busy;
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            busy--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int positionOf(Object ticket) {
        int i = 1;
        for (Object t : waiting) {
            if (t == ticket) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("a ticket left the line");
    }

    /** "1st", "2nd", "3rd", "4th", "11th", "21st". */
    static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
