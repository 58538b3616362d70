package dev.aiwizard.storage;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.testing.ProcessCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inbox alone under the Slack benchmark's load shape: {@code BENCH_INBOX_SENDERS} (32) senders, each accepting
 * an event and, once stored, marking it done, as fast as they can, for {@code BENCH_INBOX_SECONDS} per round.
 * Reports events per second and the CPU time this process and all PostgreSQL processes spent per event. Run by
 * {@code ./wizard bench inbox}; recorded in docs/performance.md.
 */
public final class InboxBenchmark {
    public static void main(String[] args) throws Exception {
        int senders = Integer.parseInt(System.getenv().getOrDefault("BENCH_INBOX_SENDERS", "32"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_INBOX_SECONDS", "5"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_INBOX_ROUNDS", "4"));
        try (TestDatabase db = TestDatabase.postgres()) {
            Inbox inbox = db.storage().inbox();
            for (int r = 0; r < rounds; r++) {
                round(inbox, senders, Duration.ofSeconds(seconds), r == 0 ? "warm-up" : "round " + r);
            }
            System.out.println("left in the inbox: " + inbox.pending());
        }
    }

    private static void round(Inbox inbox, int senders, Duration length, String name) throws Exception {
        AtomicLong done = new AtomicLong();
        double pgBefore = postgresCpuMillis();
        long jvmBefore = jvmCpuNanos();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    String id = "Ev" + Ids.random(12);
                    InboundEvent e = new InboundEvent(InboundEvent.key("slack", id), "slack",
                            Map.of("type", "message", "text", "hello there, a reply in some thread",
                                    "eventId", id, "channel", "C0123456", "user", "U0123456",
                                    "threadTs", "1700000000.000100", "ts", "1700000001.000200"),
                            Instant.now());
                    inbox.accept(e, "bench", Duration.ofSeconds(30));
                    inbox.done(List.of(e.key()));
                    done.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double pgMs = postgresCpuMillis() - pgBefore;
        double jvmMs = (jvmCpuNanos() - jvmBefore) / 1e6;
        long n = done.get();
        System.out.printf("%s: %,.0f events/s; CPU per event: bot %.1f us, PostgreSQL %.1f us%n", name, n / secs,
                jvmMs * 1000 / n, pgMs * 1000 / n);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }


    /** CPU milliseconds of every PostgreSQL process so far. */
    private static double postgresCpuMillis() throws IOException {
        return ProcessCpu.ofCommand(comm -> comm.startsWith("postgres"));
    }
}
