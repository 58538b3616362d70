package dev.aiwizard.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;

/**
 * The terminal's lines as the console adapter reads them. The adapter handles a line (a turn) between two reads, so
 * this knows whether a turn is in progress: on shutdown it stops handing out lines and waits for that turn, the
 * console's counterpart of draining the chat queues. After a stop, a read never returns: the process is exiting, and
 * an end of input would make the adapter start its end-of-session work against a bot that is closing.
 */
final class ConsoleIntake extends BufferedReader {
    private final Object lock = new Object();
    private boolean inTurn;
    private boolean stopped;

    ConsoleIntake(Reader in) {
        super(in);
    }

    @Override
    public String readLine() throws IOException {
        synchronized (lock) {
            inTurn = false;
            lock.notifyAll();
            parkIfStopped();
        }
        String line = super.readLine();
        synchronized (lock) {
            parkIfStopped();
            inTurn = line != null;
        }
        return line;
    }

    /** Stops handing out lines and waits up to {@code grace} for the turn in progress; true when none is left. */
    boolean stop(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            stopped = true;
            for (long left = grace.toNanos(); inTurn && left > 0; left = deadline - System.nanoTime()) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return !inTurn;
        }
    }

    private void parkIfStopped() {
        while (stopped) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
