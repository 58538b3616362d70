package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM in console mode: the line being handled finishes, and no further line is handed out. */
class ConsoleIntakeTest {
    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch inTurn = new CountDownLatch(1);
    private final CountDownLatch finishTurn = new CountDownLatch(1);

    /** Reads like the console adapter: a line, then its (here: held) turn, then the next line. */
    private Thread reader(ConsoleIntake intake) {
        return Thread.ofVirtual().start(() -> {
            try {
                for (String line = intake.readLine(); line != null; line = intake.readLine()) {
                    inTurn.countDown();
                    finishTurn.await(10, TimeUnit.SECONDS);
                    handled.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void stoppingWaitsForTheLineInProgressAndHandsOutNoFurtherLine() throws Exception {
        ConsoleIntake intake = new ConsoleIntake(new StringReader("status\nnew another idea\n"));
        Thread reading = reader(intake);
        assertTrue(inTurn.await(10, TimeUnit.SECONDS));

        Thread stopping = Thread.currentThread();
        Thread.ofVirtual().start(() -> {
            awaitWaiting(stopping, "stop() waits for the turn");
            finishTurn.countDown();
        });
        boolean finished = intake.stop(Duration.ofSeconds(10));
        List<String> whenStopped = List.copyOf(handled);
        awaitWaiting(reading, "the reader is parked in its next read");

        assertTrue(finished);
        assertEquals(List.of("status"), whenStopped, "stop() returned only after the turn in progress finished");
        assertEquals(List.of("status"), handled, "the second line was never handed out");
        reading.interrupt();
    }

    @Test
    void aTurnThatOutlastsTheGracePeriodIsReported() throws Exception {
        ConsoleIntake intake = new ConsoleIntake(new StringReader("status\n"));
        Thread reading = reader(intake);
        assertTrue(inTurn.await(10, TimeUnit.SECONDS));

        assertFalse(intake.stop(Duration.ofMillis(200)));
        finishTurn.countDown();
        reading.interrupt();
    }

    private static void awaitWaiting(Thread t, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
