package dev.aiwizard.app.bench;

import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast {@code POST /slack/events} acknowledges signed {@code message} events, side by side in one run with a
 * reference: Bolt's own Jetty server whose handler only acknowledges. Both run as processes of their own against one
 * fake Slack Web API; this process only sends. Phase 1 sends at a fixed rate and reports ack latency; phase 2 sends
 * from a fixed number of senders as fast as answers come back and reports events per second.
 *
 * <p>Usage: {@code SlackAckBenchmark <bot jar> <reference classpath> [rate] [seconds] [senders]}; the bot's
 * database and Redis come from this process's environment ({@code WIZARD_DB_URL}, {@code WIZARD_REDIS_URL}, ...).
 */
public final class SlackAckBenchmark {
    private static final String TOKEN = "xoxb-bench-token";
    private static final String SECRET = "bench-signing-secret";
    private static final AtomicLong EVENTS = new AtomicLong();

    private SlackAckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String referenceCp = args[1];
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int senders = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            int botPort = freePort();
            int refPort = freePort();
            List<String> botCommand = new ArrayList<>(List.of("java"));
            String botOptions = System.getenv().getOrDefault("BENCH_BOT_JAVA_OPTS", "");
            if (!botOptions.isBlank()) {
                botCommand.addAll(List.of(botOptions.trim().split("\\s+")));
            }
            botCommand.addAll(List.of("-jar", jar));
            Process bot = start(botCommand, Map.of("WIZARD_PORT", String.valueOf(botPort),
                    "WIZARD_HOST", "127.0.0.1", "WIZARD_CONSOLE", "false", "WIZARD_DATA_DIR",
                    java.nio.file.Files.createTempDirectory("slack-bench").toString()), slack);
            Process ref = start(List.of("java", "-cp", referenceCp, "bench.ReferenceApp", String.valueOf(refPort),
                    slack.url()), Map.of(), slack);
            try {
                String botUrl = "http://127.0.0.1:" + botPort + "/slack/events";
                String refUrl = "http://127.0.0.1:" + refPort + "/slack/events";
                awaitUp(botUrl);
                awaitUp(refUrl);
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, daemon())).build();
                System.out.println("warm-up: " + rate + " events/s for 5 s to each");
                fixedRate(http, botUrl, rate, 5);
                fixedRate(http, refUrl, rate, 5);
                System.out.printf("== ack latency at %d events/s for %d s (%d events each)%n", rate, seconds,
                        rate * seconds);
                report("bot (Helidon + Bolt, PostgreSQL, Redis)", fixedRate(http, botUrl, rate, seconds));
                report("reference (bolt-jetty, ack only)", fixedRate(http, refUrl, rate, seconds));
                // The machine's speed drifts from run to run: alternate the two, three rounds each, and compare
                // medians, so both see the same conditions.
                int round = Math.max(5, seconds / 4);
                System.out.printf("== sustained throughput, %d senders, alternating %d-second rounds%n", senders, round);
                List<Double> bots = new ArrayList<>();
                List<Double> refs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // The load generator's own client and both servers warm up under this load too.
                    System.out.printf("warm-up round %d: bot %.0f events/s, reference %.0f events/s%n", i + 1,
                            closedLoop(http, botUrl, senders, round), closedLoop(http, refUrl, senders, round));
                }
                for (int i = 0; i < 3; i++) {
                    bots.add(closedLoop(http, botUrl, senders, round));
                    refs.add(closedLoop(http, refUrl, senders, round));
                    System.out.printf("round %d: bot %.0f events/s, reference %.0f events/s%n", i + 1, bots.getLast(),
                            refs.getLast());
                }
                double botMedian = median(bots);
                double refMedian = median(refs);
                System.out.printf("median: bot %.0f events/s, reference %.0f events/s (bot at %.0f %%)%n", botMedian, refMedian,
                        100 * botMedian / refMedian);
            } finally {
                bot.destroy();
                ref.destroy();
                bot.waitFor(10, TimeUnit.SECONDS);
                ref.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Latencies in microseconds of {@code rate x seconds} events sent on a fixed schedule; -1 marks a failure. */
    private static List<Long> fixedRate(HttpClient http, String url, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        List<CompletableFuture<Long>> pending = new ArrayList<>(total);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon());
        AtomicInteger sent = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        var done = new CompletableFuture<Void>();
        ticks.scheduleAtFixedRate(() -> {
            if (sent.get() >= total) {
                done.complete(null);
                return;
            }
            sent.incrementAndGet();
            long start = System.nanoTime();
            synchronized (pending) {
                pending.add(http.sendAsync(request(url), HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> r.statusCode() == 200 ? (System.nanoTime() - start) / 1000 : -1L)
                        .exceptionally(e -> -1L));
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.get(seconds + 60L, TimeUnit.SECONDS);
        ticks.shutdownNow();
        List<Long> out = new ArrayList<>();
        synchronized (pending) {
            for (CompletableFuture<Long> f : pending) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
        }
        return out;
    }

    /** Events per second from {@code senders} each sending the next event when the last was acknowledged. */
    private static double closedLoop(HttpClient http, String url, int senders, int seconds) throws Exception {
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicLong acked = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < senders; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (Instant.now().isBefore(end)) {
                    try {
                        if (http.send(request(url), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            acked.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return acked.get() / ((System.nanoTime() - began) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String who, List<Long> micros) {
        List<Long> ok = new ArrayList<>(micros.stream().filter(m -> m >= 0).toList());
        Collections.sort(ok);
        long failed = micros.size() - ok.size();
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed of %d%n", who, at(ok, 0.50),
                at(ok, 0.99), ok.isEmpty() ? 0 : ok.getLast() / 1000.0, failed, micros.size());
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1))
                / 1000.0;
    }

    /** A signed reply in a thread that holds no conversation: acknowledged, looked up, nothing else. */
    private static HttpRequest request(String url) {
        long n = EVENTS.incrementAndGet();
        String body = SlackRequests.event("EvBench" + n, SlackRequests.threadReply("CBENCH", "1600000000." + (n % 997),
                "U" + (n % 50), "hello " + n, "1700000000." + n));
        long now = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", SlackRequests.signature(SECRET, now, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Process start(List<String> command, Map<String, String> env, FakeSlack slack) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.environment().put("SLACK_BOT_TOKEN", TOKEN);
        pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
        pb.environment().put("SLACK_API_URL", slack.url());
        pb.environment().put("WIZARD_SLACK_POST_INTERVAL_MS", "0");
        return pb.start();
    }

    private static void awaitUp(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        String body = "{\"token\":\"x\",\"challenge\":\"up\",\"type\":\"url_verification\"}";
        while (Instant.now().isBefore(deadline)) {
            try {
                long now = Instant.now().getEpochSecond();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("X-Slack-Request-Timestamp", String.valueOf(now))
                        .header("X-Slack-Signature", SlackRequests.signature(SECRET, now, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " did not come up");
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return Thread.ofPlatform().daemon().factory();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
