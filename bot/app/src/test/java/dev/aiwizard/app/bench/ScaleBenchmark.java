package dev.aiwizard.app.bench;

import dev.aiwizard.core.testing.ProcessCpu;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot at scale: replicas of the bot's jar as processes of their own behind a round-robin proxy
 * ({@link RoundRobinProxy}), sharing one PostgreSQL (a fresh schema per run) and Redis, with the fake Slack. Many
 * conversations are held open at once (a start, {@code skip}, {@code status} each, at a fixed rate across the
 * replicas), then a share of them is approved and generated (offline engines, no validation). Reported: turn latency
 * from the event's request to the bot's reply at the fake Slack, the requests and jobs each replica took, the heap each
 * idle conversation costs (heap after a full GC, before and after, from {@code jcmd}), and whether any conversation,
 * message or job was lost or doubled (from the database). Run with two replicas and then one, for comparison.
 *
 * <p>Usage: {@code ScaleBenchmark <bot jar> [conversations] [jobs] [turns per second] [replica counts, e.g. 2,1]};
 * {@code WIZARD_DB_URL} (default the local {@code test} database), {@code WIZARD_DB_USER}, {@code WIZARD_REDIS_URL}.
 */
public final class ScaleBenchmark {
    private static final String TOKEN = "xoxb-scale-token";
    private static final String SECRET = "scale-signing-secret";
    private static final Pattern BANNER = Pattern.compile("AI Wizard is up on http://[^:]+:(\\d+) .*? — (replica-\\w+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final int WARM_UP = 100;

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        String counts = args.length > 4 ? args[4] : "2,1";
        System.out.printf("== scale: %d conversations (start, skip, status) at %d turns/s, then %d generated "
                + "(offline engines, WIZARD_VALIDATE=never); %d warm-up conversations first%n", conversations, rate, jobs,
                WARM_UP);
        for (String n : counts.split(",")) {
            new Run(jar, Integer.parseInt(n.strip()), conversations, jobs, rate).run();
        }
    }

    /** One replica's process. */
    private record Replica(Process process, String name, int port, Path log) {
        long heapUsedAfterGcKiB() throws Exception {
            // Twice: the first full collection may leave what finalisation and reference processing free later.
            jcmd("GC.run");
            jcmd("GC.run");
            Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
            if (!m.find()) {
                throw new IllegalStateException("no heap figure from jcmd for " + name);
            }
            return Long.parseLong(m.group(1));
        }

        private String jcmd(String command) throws Exception {
            String jcmd = ProcessHandle.current().info().command()
                    .map(c -> Path.of(c).resolveSibling("jcmd").toString()).orElse("jcmd");
            Process p = new ProcessBuilder(jcmd, Long.toString(process.pid()), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        }
    }

    /** One conversation of the benchmark: its channel (one per conversation), person and thread. */
    private static final class Conversation {
        final String channel;
        final String user;
        volatile String thread;
        final AtomicInteger acked = new AtomicInteger();
        /** The turns the bot acknowledged (200), by name: what the database must show. */
        final java.util.Set<String> ackedTurns = ConcurrentHashMap.newKeySet();

        /** Started, told to skip to the summary and approved, each acknowledged: a job must exist. */
        boolean approved() {
            return ackedTurns.containsAll(List.of("start", "skip", "generate"));
        }

        Conversation(String channel, String user) {
            this.channel = channel;
            this.user = user;
        }
    }

    private static final class Run {
        private final String jar;
        private final int replicas;
        private final int conversations;
        private final int jobs;
        private final int rate;
        private final String id = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        private final String schema = "bench_scale_" + id;
        private final String baseUrl = System.getenv().getOrDefault("WIZARD_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/test");
        private final String dbUser = System.getenv().getOrDefault("WIZARD_DB_USER", "postgres");
        private final Map<String, Long> pending = new ConcurrentHashMap<>();
        private final List<Long> latencies = new CopyOnWriteArrayList<>();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong unsent = new AtomicLong();
        private final AtomicLong events = new AtomicLong();
        private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();

        Run(String jar, int replicas, int conversations, int jobs, int rate) {
            this.jar = jar;
            this.replicas = replicas;
            this.conversations = conversations;
            this.jobs = jobs;
            this.rate = rate;
        }

        private String dbUrl() {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        void run() throws Exception {
            System.out.printf("%n-- %d replica%s (schema %s)%n", replicas, replicas == 1 ? "" : "s", schema);
            try (Connection c = DriverManager.getConnection(baseUrl, dbUser, "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            List<Replica> started = new ArrayList<>();
            try (FakeSlack slack = FakeSlack.start(TOKEN)) {
                Map<String, Conversation> byChannel = new ConcurrentHashMap<>();
                slack.onPost(posted -> {
                    Conversation conv = byChannel.get(posted.channel());
                    if (conv != null && conv.thread == null && posted.threadTs() == null) {
                        conv.thread = posted.ts();
                    }
                    Long sent = pending.remove(posted.channel());
                    if (sent != null) {
                        latencies.add(System.nanoTime() - sent);
                    }
                });
                for (int i = 0; i < replicas; i++) {
                    // One at a time: the first creates the schema's tables, the next finds them.
                    started.add(start(i, slack));
                }
                try (RoundRobinProxy proxy = RoundRobinProxy.to(started.stream().map(Replica::port).toList())) {
                    String url = "http://127.0.0.1:" + proxy.port() + "/slack/events";
                    List<Conversation> warm = conversations("W", WARM_UP, byChannel);
                    drive(url, slack, warm, List.of("start", "skip", "status"));
                    latencies.clear();
                    refused.set(0);
                    unsent.set(0);
                    long[] heapBefore = heaps(started);
                    long[] servedBefore = proxy.served();

                    List<Conversation> measured = conversations("C", conversations, byChannel);
                    double[] cpuBefore = cpu(started);
                    long began = System.nanoTime();
                    int sent = drive(url, slack, measured, List.of("start", "skip", "status"));
                    double seconds = (System.nanoTime() - began) / 1e9;
                    int unanswered = pending.size();
                    report("turns", latencies, sent, seconds, unanswered);
                    reportCpu(started, cpuBefore, cpu(started), latencies.size(), seconds);
                    long[] served = proxy.served();
                    for (int i = 0; i < started.size(); i++) {
                        System.out.printf("   %s took %d requests%n", started.get(i).name(), served[i] - servedBefore[i]);
                    }
                    long[] heapAfter = heaps(started);
                    long grown = 0;
                    for (int i = 0; i < started.size(); i++) {
                        grown += heapAfter[i] - heapBefore[i];
                        System.out.printf("   %s heap after GC: %d KiB before, %d KiB with the conversations idle%n",
                                started.get(i).name(), heapBefore[i], heapAfter[i]);
                    }
                    System.out.printf("idle conversations: %.2f KiB of heap each (%d KiB in all for %d)%n",
                            (double) grown / conversations, grown, conversations);

                    latencies.clear();
                    pending.clear();
                    refused.set(0);
                    unsent.set(0);
                    List<Conversation> generating = measured.subList(0, Math.min(jobs, measured.size()));
                    drive(url, slack, generating, List.of("generate"));
                    report("approvals", latencies, generating.size(), 0, pending.size());
                    // Turns that failed come back from the inbox when their lease ran out, and may queue jobs then.
                    awaitInboxEmpty();
                    awaitJobs((int) generating.stream().filter(Conversation::approved).count(), started);
                    check(measured, started);
                }
            } finally {
                for (Replica r : started) {
                    r.process().destroy();
                }
                for (Replica r : started) {
                    if (!r.process().waitFor(40, TimeUnit.SECONDS)) {
                        r.process().destroyForcibly();
                    }
                }
                try (Connection c = DriverManager.getConnection(baseUrl, dbUser, "")) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }

        private List<Conversation> conversations(String prefix, int n, Map<String, Conversation> byChannel) {
            List<Conversation> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Conversation c = new Conversation(prefix + id.toUpperCase() + "X" + i, "U" + prefix + i);
                byChannel.put(c.channel, c);
                out.add(c);
            }
            return out;
        }

        /**
         * Sends {@code turns} to every conversation, a round at a time, at {@link #rate} per second in all (so one
         * conversation's turns are {@code conversations / rate} seconds apart), then waits for the replies.
         */
        private int drive(String url, FakeSlack slack, List<Conversation> convs, List<String> turns) throws Exception {
            List<Runnable> sends = new ArrayList<>();
            for (String turn : turns) {
                for (Conversation c : convs) {
                    sends.add(() -> send(url, slack, c, turn));
                }
            }
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            var done = new java.util.concurrent.CompletableFuture<Void>();
            ticks.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= sends.size()) {
                    done.complete(null);
                } else {
                    sends.get(i).run();
                }
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            done.get(sends.size() / rate + 120L, TimeUnit.SECONDS);
            ticks.shutdownNow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return sends.size();
        }

        private void send(String url, FakeSlack slack, Conversation c, String turn) {
            long n = events.incrementAndGet();
            // Ids unique to this run: Redis, which remembers handled events, is shared with earlier runs.
            String body;
            String type;
            if (turn.equals("start")) {
                body = SlackRequests.command("/wizard", "a todo service called todo-" + c.channel.toLowerCase()
                        + " where people manage tasks with a title and a done flag", c.user, c.channel, "trig-" + id + "-" + n,
                        slack.url() + "/respond");
                type = "application/x-www-form-urlencoded";
            } else {
                if (c.thread == null) {
                    // Its start has not been answered yet: a person could not reply in a thread that is not there.
                    unsent.incrementAndGet();
                    return;
                }
                body = SlackRequests.event("Ev" + id + "-" + n, SlackRequests.threadReply(c.channel, c.thread, c.user,
                        turn, "1700000000." + String.format("%06d", n)));
                type = "application/json";
            }
            long now = Instant.now().getEpochSecond();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                    .header("X-Slack-Request-Timestamp", String.valueOf(now))
                    .header("X-Slack-Signature", SlackRequests.signature(SECRET, now, body))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            pending.put(c.channel, System.nanoTime());
            http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((res, e) -> {
                if (e != null || res.statusCode() != 200) {
                    pending.remove(c.channel);
                    refused.incrementAndGet();
                } else {
                    c.acked.incrementAndGet();
                    c.ackedTurns.add(turn);
                }
            });
        }

        private void report(String what, List<Long> nanos, int sent, double seconds, int unanswered) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            System.out.printf("%s: %d due%s, %d answered: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d refused (not 200), "
                    + "%d not sent (no thread yet), %d without a reply%n", what, sent,
                    seconds > 0 ? String.format(" in %.1f s", seconds) : "", sorted.size(), at(sorted, 0.5),
                    at(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6, refused.get(), unsent.get(),
                    unanswered);
        }

        /**
         * CPU milliseconds so far of each replica, then this process (proxy, fake Slack, load), PostgreSQL and Redis.
         * PostgreSQL and Redis are the machine's: on a shared machine their figures include others' work.
         */
        private static double[] cpu(List<Replica> started) throws Exception {
            double[] out = new double[started.size() + 3];
            for (int i = 0; i < started.size(); i++) {
                out[i] = ProcessCpu.ofPid(started.get(i).process().pid());
            }
            out[started.size()] = ProcessCpu.ofPid(ProcessHandle.current().pid());
            out[started.size() + 1] = ProcessCpu.ofCommand(c -> c.startsWith("postgres"));
            out[started.size() + 2] = ProcessCpu.ofCommand(c -> c.startsWith("redis"));
            return out;
        }

        /** What each answered turn cost in CPU, by process, and how busy the machine's cores were meanwhile. */
        private static void reportCpu(List<Replica> started, double[] before, double[] after, int turns,
                                      double seconds) {
            if (turns == 0) {
                return;
            }
            StringBuilder line = new StringBuilder("CPU per answered turn:");
            double total = 0;
            for (int i = 0; i < after.length; i++) {
                double ms = after[i] - before[i];
                total += ms;
                String who = i < started.size() ? started.get(i).name()
                        : List.of("benchmark (proxy, fake Slack, load)", "PostgreSQL", "Redis")
                                .get(i - started.size());
                line.append(String.format(" %s %.2f ms,", who, ms / turns));
            }
            System.out.printf("%s in all %.2f ms; %.2f of %d cores busy with these processes during the turns%n",
                    line, total / turns, total / 1000 / seconds, Runtime.getRuntime().availableProcessors());
        }

        private static double at(List<Long> sorted, double q) {
            return sorted.isEmpty() ? 0
                    : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }

        private long[] heaps(List<Replica> started) throws Exception {
            long[] out = new long[started.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = started.get(i).heapUsedAfterGcKiB();
            }
            return out;
        }

        private void awaitJobs(int expected, List<Replica> started) throws Exception {
            long began = System.nanoTime();
            long deadline = began + TimeUnit.MINUTES.toNanos(10);
            try (Connection c = DriverManager.getConnection(dbUrl(), dbUser, "")) {
                int ended = 0;
                int open = 0;
                long quietSince = System.nanoTime();
                while (System.nanoTime() < deadline) {
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FILTER (WHERE state IN "
                            + "('SUCCEEDED', 'FAILED', 'CANCELLED')), count(*) FILTER (WHERE state IN ('QUEUED', "
                            + "'RUNNING')) FROM jobs");
                    rs.next();
                    ended = rs.getInt(1);
                    open = rs.getInt(2);
                    if (open > 0) {
                        quietSince = System.nanoTime();
                    }
                    // Every approval acknowledged has its job ended, or nothing has moved for 10 s.
                    if (open == 0 && (ended >= expected || System.nanoTime() - quietSince > 10_000_000_000L)) {
                        break;
                    }
                    Thread.sleep(200);
                }
                System.out.printf("jobs: %d ended, %d still open, for %d approvals acknowledged, after %.1f s%n",
                        ended, open, expected, (System.nanoTime() - began) / 1e9);
                Map<String, String> names = new HashMap<>();
                started.forEach(r -> names.put("worker-" + r.name(), r.name()));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT owner, state, count(*) FROM jobs GROUP BY owner, state ORDER BY owner, state");
                while (rs.next()) {
                    System.out.printf("   %s: %d %s%n", names.getOrDefault(rs.getString(1), rs.getString(1)),
                            rs.getInt(3), rs.getString(2));
                }
            }
        }

        /** Events whose turn failed are replayed by a replica once their lease ran out; the check waits for that. */
        private void awaitInboxEmpty() throws Exception {
            long began = System.nanoTime();
            try (Connection c = DriverManager.getConnection(dbUrl(), dbUser, "")) {
                int left = -1;
                while (System.nanoTime() - began < TimeUnit.SECONDS.toNanos(120)) {
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM inbox");
                    rs.next();
                    left = rs.getInt(1);
                    if (left == 0) {
                        break;
                    }
                    Thread.sleep(500);
                }
                System.out.printf("inbox: %d event(s) still kept after %.1f s%n", left,
                        (System.nanoTime() - began) / 1e9);
            }
        }

        /**
         * Nothing lost or doubled, against what the bot acknowledged: a conversation for every start, one per
         * channel; past the questions when its {@code skip} was acknowledged; no more of the person's messages stored
         * than turns acknowledged; exactly one job for every approval and none for the others.
         */
        private void check(List<Conversation> measured, List<Replica> started) throws Exception {
            try (Connection c = DriverManager.getConnection(dbUrl(), dbUser, "")) {
                Map<String, Integer> stored = new HashMap<>();
                Map<String, Integer> perThread = new HashMap<>();
                Map<String, String> states = new HashMap<>();
                Map<String, Integer> jobsOf = new HashMap<>();
                ResultSet rs = c.createStatement().executeQuery("SELECT c.channel, count(DISTINCT c.id), "
                        + "count(m.id), max(c.state), (SELECT count(*) FROM jobs j WHERE j.conversation_id = "
                        + "max(c.id)) FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id "
                        + "AND m.author = 'USER' WHERE c.channel LIKE 'C%' GROUP BY c.channel");
                while (rs.next()) {
                    perThread.put(rs.getString(1), rs.getInt(2));
                    stored.put(rs.getString(1), rs.getInt(3));
                    states.put(rs.getString(1), rs.getString(4));
                    jobsOf.put(rs.getString(1), rs.getInt(5));
                }
                int lost = 0;
                int doubled = 0;
                int stuck = 0;
                int extraMessages = 0;
                int jobsWrong = 0;
                int approvals = 0;
                for (Conversation conv : measured) {
                    int n = perThread.getOrDefault(conv.channel, 0);
                    lost += n == 0 && conv.ackedTurns.contains("start") ? 1 : 0;
                    doubled += n > 1 ? 1 : 0;
                    stuck += conv.ackedTurns.containsAll(List.of("start", "skip"))
                            && "QUESTIONING".equals(states.get(conv.channel)) ? 1 : 0;
                    extraMessages += stored.getOrDefault(conv.channel, 0) > conv.acked.get() ? 1 : 0;
                    approvals += conv.approved() ? 1 : 0;
                    jobsWrong += jobsOf.getOrDefault(conv.channel, 0) != (conv.approved() ? 1 : 0) ? 1 : 0;
                }
                System.out.printf("check: of %d conversations, %d started and acknowledged but not stored (lost), %d "
                        + "stored twice, %d still questioning after an acknowledged skip, %d with more messages "
                        + "stored than turns acknowledged; %d approvals acknowledged, %d conversations whose job "
                        + "count is not 1 for an approval and 0 otherwise%n", measured.size(), lost, doubled, stuck,
                        extraMessages, approvals, jobsWrong);
                rs = c.createStatement().executeQuery("SELECT count(*) FROM (SELECT conversation_id FROM jobs "
                        + "GROUP BY conversation_id HAVING count(*) > 1) d");
                rs.next();
                int doubledJobs = rs.getInt(1);
                rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT conversation_id), "
                        + "count(*) FILTER (WHERE state = 'SUCCEEDED') FROM jobs");
                rs.next();
                System.out.printf("jobs: %d for %d conversations, %d succeeded, %d conversations with more than one "
                        + "job%n", rs.getInt(1), rs.getInt(2), rs.getInt(3), doubledJobs);
            }
            for (Replica r : started) {
                long errors = Files.readAllLines(r.log()).stream().filter(l -> l.contains("SEVERE")
                        || l.contains("ERROR")).count();
                System.out.printf("   %s logged %d error line(s) (%s)%n", r.name(), errors, r.log());
            }
        }

        private Replica start(int index, FakeSlack slack) throws Exception {
            Path dir = Files.createTempDirectory("wizard-scale-" + index);
            Path log = dir.resolve("bot.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
            String options = System.getenv().getOrDefault("BENCH_BOT_JAVA_OPTS", "");
            if (!options.isBlank()) {
                command.addAll(List.of(options.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("WIZARD_") || k.startsWith("SLACK_")
                    || k.startsWith("DISCORD_") || k.startsWith("GITHUB_") || k.startsWith("OPENAI_")
                    || k.startsWith("ANTHROPIC_"));
            pb.environment().putAll(Map.ofEntries(Map.entry("WIZARD_PORT", "0"),
                    Map.entry("WIZARD_HOST", "127.0.0.1"), Map.entry("WIZARD_CONSOLE", "false"),
                    Map.entry("WIZARD_DATA_DIR", dir.resolve("data").toString()),
                    // The generated projects are not run: this measures the bot, not the sandbox.
                    Map.entry("WIZARD_VALIDATE", "never"),
                    Map.entry("WIZARD_DB_URL", dbUrl()), Map.entry("WIZARD_DB_USER", dbUser),
                    Map.entry("WIZARD_REDIS_URL", System.getenv().getOrDefault("WIZARD_REDIS_URL",
                            "redis://127.0.0.1:6379")),
                    Map.entry("WIZARD_CONVERSATIONS_PER_HOUR", "1000000"),
                    Map.entry("WIZARD_GENERATIONS_PER_HOUR", "1000000"),
                    Map.entry("SLACK_BOT_TOKEN", TOKEN), Map.entry("SLACK_SIGNING_SECRET", SECRET),
                    Map.entry("SLACK_API_URL", slack.url()), Map.entry("WIZARD_SLACK_POST_INTERVAL_MS", "0")));
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                Matcher m = BANNER.matcher(Files.exists(log) ? Files.readString(log) : "");
                if (m.find()) {
                    return new Replica(p, m.group(2), Integer.parseInt(m.group(1)), log);
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("replica " + index + " exited:\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            p.destroyForcibly();
            throw new IllegalStateException("replica " + index + " not up in 120 s:\n" + Files.readString(log));
        }
    }
}
