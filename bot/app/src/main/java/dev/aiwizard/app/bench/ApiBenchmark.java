package dev.aiwizard.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.Ids;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The job API's two numbers (issue 17), against the bot's jar with the offline engines and the storage configured in
 * the environment (as {@link TurnBenchmark}; on PostgreSQL in a scratch schema of its own, dropped afterwards):
 * <ol>
 * <li>{@code POST /api/v1/jobs} with {@code approve: true}, from the request to the {@code 202} (the job is stored
 *     and queued): every idea differs, so nothing comes from the cache. The job runner does not claim meanwhile, so
 *     the number is the API's own path (access, checks, the limit, the interview, the writes).</li>
 * <li>From a job change being stored (the call the worker makes to store a progress note, through the same store)
 *     to an SSE client reading its event, with several clients following the job at once; and, for a job another
 *     replica runs (the change written past this process's events), the store-tail fallback.</li>
 * </ol>
 * The queued jobs are cancelled at the end. Usage: {@code ApiBenchmark [requests] [followers] [changes]}.
 */
public final class ApiBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDEA = "a shop where people manage products with a name and a price, variant ";

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int followers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmUp = 100;
        Map<String, String> env = new HashMap<>(System.getenv());
        String schema = null;
        String url = env.getOrDefault("WIZARD_DB_URL", "");
        if (url.startsWith("jdbc:postgresql:")) {
            schema = "wizard_bench_" + Ids.random(8);
            try (var c = DriverManager.getConnection(url, env.getOrDefault("WIZARD_DB_USER", ""),
                    env.getOrDefault("WIZARD_DB_PASSWORD", ""))) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            env.put("WIZARD_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        }
        Path scratch = env.containsKey("WIZARD_DATA_DIR") ? null : Files.createTempDirectory("wizard-bench-api");
        AppSettings settings = unlimited(TurnBenchmark.settings(env, scratch));
        try (Wizard wizard = Wizard.start(settings, new PrintStream(OutputStream.nullOutputStream()))) {
            wizard.runner().stopClaiming();
            String base = "http://127.0.0.1:" + wizard.port();
            HttpClient http = HttpClient.newHttpClient();
            List<String> jobIds = new ArrayList<>();
            List<Long> post = new ArrayList<>();
            for (int i = 0; i < warmUp + requests; i++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"idea\": \"" + IDEA + i + " " + Ids.random(6)
                                + "\", \"approve\": true}")).build();
                long a = System.nanoTime();
                HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                long b = System.nanoTime();
                if (res.statusCode() != 202) {
                    throw new IllegalStateException("POST /api/v1/jobs answered " + res.statusCode() + ": "
                            + new String(res.body()));
                }
                jobIds.add(JSON.readTree(res.body()).get("jobId").asText());
                if (i >= warmUp) {
                    post.add(b - a);
                }
            }
            System.out.printf("storage=%s%n", wizard.describe());
            report("POST /api/v1/jobs to 202 (queued), " + requests + " requests after " + warmUp + " warm-up", post);

            List<Long> drafts = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"idea\": \"" + IDEA + "draft " + i + " "
                                + Ids.random(6) + "\"}")).build();
                long a = System.nanoTime();
                HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                drafts.add(System.nanoTime() - a);
                if (res.statusCode() != 201) {
                    throw new IllegalStateException("a draft was answered " + res.statusCode());
                }
            }
            report("for comparison, POST /api/v1/jobs without approve to 201 (a draft: no job)", drafts);
            List<Long> read = new ArrayList<>();
            for (int i = 0; i < warmUp + requests; i++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + jobIds.get(i))).build();
                long a = System.nanoTime();
                http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (i >= warmUp) {
                    read.add(System.nanoTime() - a);
                }
            }
            report("for comparison, GET /api/v1/jobs/{id} (one read)", read);

            JobStore jobs = wizard.jobs();
            Job job = jobs.find(new JobId(jobIds.getFirst())).orElseThrow();
            report("job change stored to SSE client, " + followers + " clients, " + changes + " changes",
                    events(base, http, job, followers, changes, warmUp / 2, jobs, 20));
            report("job change stored by another replica (store tail, every " + settings.server().api().eventsTail().toMillis()
                            + " ms) to SSE client, 1 client",
                    events(base, http, job, 1, 10, 0, wizard.storage().jobs(), 1300));
            for (String id : jobIds) {
                jobs.find(new JobId(id)).ifPresent(j -> jobs.update(j.cancelled(Instant.now())));
            }
        } finally {
            if (schema != null) {
                try (var c = DriverManager.getConnection(url, env.getOrDefault("WIZARD_DB_USER", ""),
                        env.getOrDefault("WIZARD_DB_PASSWORD", ""))) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            if (scratch != null) {
                try (var files = Files.walk(scratch)) {
                    files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.exit(0);
    }

    /**
     * Opens {@code followers} event streams on {@code job}, stores {@code warmUp + changes} progress notes through
     * {@code store} every {@code everyMs}, and returns, per client and change after the warm-up, the time from just
     * before the store call to the client reading the event.
     */
    /** The same settings without the limit of job requests per person, which the benchmark exceeds on purpose. */
    static AppSettings unlimited(AppSettings s) {
        AppSettings.Server server = s.server();
        return new AppSettings(new AppSettings.Server(server.host(), server.port(), server.apiToken(),
                server.api().withJobsPerMinute(1_000_000), server.web()), s.persistence(), s.chat(), s.engine(), s.delivery(),
                s.validation(), s.resilience());
    }

    private static List<Long> events(String base, HttpClient http, Job job, int followers, int changes, int warmUp,
                                     JobStore store, long everyMs) throws Exception {
        String run = Ids.random(4);
        Map<Integer, Long> storedAt = new ConcurrentHashMap<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(followers);
        CountDownLatch done = new CountDownLatch(followers);
        int total = warmUp + changes;
        for (int f = 0; f < followers; f++) {
            HttpResponse<Stream<String>> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/"
                    + job.id().value() + "/events")).build(), HttpResponse.BodyHandlers.ofLines());
            Thread.ofVirtual().start(() -> {
                connected.countDown();
                var lines = res.body().iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    long at = System.nanoTime();
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    int n = change(line.substring(5), run);
                    if (n >= warmUp && storedAt.containsKey(n)) {
                        latencies.add(at - storedAt.get(n));
                    }
                    if (n == total - 1) {
                        break;
                    }
                }
                res.body().close();
                done.countDown();
            });
        }
        connected.await();
        Thread.sleep(300);
        Job current = store.find(job.id()).orElseThrow();
        for (int i = 0; i < total; i++) {
            current = current.withProgress("bench " + run + " " + i, Instant.now());
            storedAt.put(i, System.nanoTime());
            store.update(current);
            Thread.sleep(everyMs);
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.out.println("  (not every client saw every change within 60 s)");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted;
    }

    private static int change(String data, String run) {
        try {
            JsonNode job = JSON.readTree(data);
            String progress = job.path("progress").asText("");
            String prefix = "bench " + run + " ";
            return progress.startsWith(prefix) ? Integer.parseInt(progress.substring(prefix.length())) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.getLast() / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, idx)) / 1e6;
    }
}
