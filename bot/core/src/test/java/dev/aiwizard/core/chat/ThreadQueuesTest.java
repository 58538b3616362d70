package dev.aiwizard.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-thread queues: order, limits that refuse instead of growing, and a shutdown that finishes what it accepted. */
class ThreadQueuesTest {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final Logger log = Logger.getLogger(ThreadQueues.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
        release.countDown();
        executor.shutdownNow();
    }

    /** Work that waits until the test releases it, so the queue stays full. */
    private Runnable blocked(String name) {
        return () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add(name);
        };
    }

    @Test
    void workBeyondAThreadsLimitIsRefusedAndTheRefusalIsLoggedWithItsCounts() throws Exception {
        ThreadQueues queues = new ThreadQueues(executor, new TurnLimits(2, 10), "slack");

        assertTrue(queues.submit("C1:1", blocked("first")));
        assertTrue(queues.submit("C1:1", () -> ran.add("second")));
        boolean third = queues.submit("C1:1", () -> ran.add("third"));
        boolean fourth = queues.submit("C1:1", () -> ran.add("fourth"));
        boolean elsewhere = queues.submit("C1:2", () -> ran.add("elsewhere"));
        release.countDown();

        assertFalse(third);
        assertFalse(fourth);
        assertTrue(elsewhere, "another thread still has room");
        assertEquals(Map.of(), queues.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("first", "second"), ran.stream().filter(r -> !r.equals("elsewhere")).toList());
        List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), "the second refusal within ten seconds is only counted: " + warnings);
        assertTrue(warnings.getFirst().getMessage().startsWith("slack chat work refused (thread C1:1 has 2 of 2): 1 "
                + "refused since the last report, 1 since start; 2 accepted and not finished"),
                warnings.getFirst().getMessage());
    }

    @Test
    void workBeyondTheTotalLimitIsRefusedWhateverItsThread() throws Exception {
        ThreadQueues queues = new ThreadQueues(executor, new TurnLimits(2, 3), "discord");

        List<Boolean> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(queues.submit("t" + i, blocked("t" + i)));
        }

        assertEquals(List.of(true, true, true, false, false), accepted);
        assertEquals(3, queues.queued());
        assertTrue(logged.getFirst().getMessage().contains("(3 of 3 in total)"), logged.getFirst().getMessage());
    }

    @Test
    void afterShutdownBeginsNewWorkIsRefusedAndEverythingAcceptedStillRunsInOrder() throws Exception {
        ThreadQueues queues = new ThreadQueues(executor, new TurnLimits(10, 10), "slack");
        queues.submit("t", blocked("running"));
        queues.submit("t", () -> ran.add("queued behind it"));

        queues.stopAccepting();
        boolean late = queues.submit("t", () -> ran.add("late"));
        release.countDown();

        assertFalse(late);
        assertEquals(Map.of(), queues.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("running", "queued behind it"), ran);
    }

    @Test
    void waitingForIdleNamesTheThreadsWhoseWorkDidNotFinishInTime() throws Exception {
        ThreadQueues queues = new ThreadQueues(executor, new TurnLimits(10, 10), "slack");
        queues.submit("C1:stuck", blocked("stuck"));
        queues.submit("C1:stuck", () -> ran.add("behind the stuck one"));
        queues.submit("C1:quick", () -> ran.add("quick"));

        Map<String, Integer> unfinished = queues.awaitIdle(Duration.ofMillis(300));

        assertEquals(Map.of("C1:stuck", 2), unfinished);
        assertEquals(List.of("quick"), ran);
    }
}
