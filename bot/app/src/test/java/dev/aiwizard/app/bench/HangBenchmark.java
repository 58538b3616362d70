package dev.aiwizard.app.bench;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.testing.TcpProxy;
import dev.aiwizard.generator.testing.FakeLlmServer;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHttpServer;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drill 6 as a benchmark: the model, PostgreSQL (through a TCP proxy that stalls) and GitHub all hang for a while,
 * and mixed signed Slack requests keep arriving — new conversations, answers in conversation threads, replies in
 * other threads, button presses and {@code /wizard status}. Every request must still be answered quickly (a 200, or a
 * 503 that Slack retries): the acknowledgement never waits on anything that hangs. Reports the answers' latency and
 * status codes.
 *
 * <p>Usage: {@code HangBenchmark <bot jar> [requests] [seconds]} (defaults 1000 requests over 60 s); the bot uses the
 * PostgreSQL of {@code WIZARD_DB_URL} (default the local test database, a schema of its own) through the proxy, and
 * the Redis of {@code WIZARD_REDIS_URL}.
 */
public final class HangBenchmark {
    private static final String TOKEN = "xoxb-hang-token";
    private static final String SECRET = "hang-signing-secret";
    private static final String GITHUB_TOKEN = "github-token-for-the-hang-drill";
    private static final String CHANNEL = "CHANG";
    private static final Pattern BANNER = Pattern.compile("AI Wizard is up on http://[^:]+:(\\d+) ");

    private HangBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        URI pg = URI.create(System.getenv().getOrDefault("WIZARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test")
                .substring("jdbc:".length()));
        String schema = "wizard_hang_" + Ids.random(8);
        Path tmp = Files.createTempDirectory("hang-bench");
        try (FakeSlack slack = FakeSlack.start(TOKEN); FakeLlmServer model = FakeLlmServer.start();
             GitHttpServer git = GitHttpServer.start(tmp.resolve("remote")); FakeGitHub gitHub = FakeGitHub.start();
             TcpProxy database = TcpProxy.to(pg.getHost(), pg.getPort())) {
            git.createBare("acme", "todo");
            git.acceptToken(GITHUB_TOKEN);
            gitHub.acceptToken(GITHUB_TOKEN);
            gitHub.addRepo("acme", "todo", git.url("acme", "todo"), "main");
            git.initialise("acme", "todo");
            // Before the hang the model is down: the offline engines take over at once.
            model.script(request -> FakeLlmServer.Reply.error(503, Map.of()));
            Path log = tmp.resolve("bot.log");
            ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("WIZARD_") || k.startsWith("SLACK_")
                    || k.startsWith("GITHUB_") || k.startsWith("OPENAI_"));
            pb.environment().putAll(Map.ofEntries(Map.entry("WIZARD_PORT", "0"),
                    Map.entry("WIZARD_HOST", "127.0.0.1"), Map.entry("WIZARD_CONSOLE", "false"),
                    Map.entry("WIZARD_DATA_DIR", tmp.resolve("data").toString()),
                    Map.entry("WIZARD_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + pg.getPath()
                            + "?currentSchema=" + schema),
                    Map.entry("WIZARD_DB_USER", System.getenv().getOrDefault("WIZARD_DB_USER", "postgres")),
                    Map.entry("WIZARD_REDIS_URL", System.getenv().getOrDefault("WIZARD_REDIS_URL",
                            "redis://127.0.0.1:6379")),
                    Map.entry("SLACK_BOT_TOKEN", TOKEN), Map.entry("SLACK_SIGNING_SECRET", SECRET),
                    Map.entry("SLACK_API_URL", slack.url()), Map.entry("WIZARD_SLACK_POST_INTERVAL_MS", "0"),
                    Map.entry("WIZARD_LLM_PROVIDER", "openai"), Map.entry("OPENAI_BASE_URL", model.openAiBaseUrl()),
                    Map.entry("OPENAI_API_KEY", "sk-hang-0123456789"), Map.entry("WIZARD_LLM_MODEL", "fake"),
                    Map.entry("WIZARD_TARGET", "acme/todo"), Map.entry("GITHUB_TOKEN", GITHUB_TOKEN),
                    Map.entry("GITHUB_API_URL", gitHub.apiUrl())));
            Process bot = pb.start();
            try {
                String url = "http://127.0.0.1:" + awaitPort(bot, log) + "/slack/events";
                HttpClient http = HttpClient.newHttpClient();
                List<String> threads = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    send(http, url, command("a todo service number " + i, "U" + i, "setup-" + i));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (slack.messages().stream().filter(m -> m.threadTs() == null).count() < 10
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                slack.messages().stream().filter(m -> m.threadTs() == null).forEach(m -> threads.add(m.ts()));
                System.out.println("setup: " + threads.size() + " conversations started");

                System.out.printf("== hang: model answers after 5 minutes, PostgreSQL stalled, GitHub holds pull "
                        + "requests; %d mixed Slack requests over %d s%n", requests, seconds);
                model.script(request -> FakeLlmServer.Reply.text("{}").after(Duration.ofMinutes(5)));
                gitHub.holdPulls();
                database.stall();
                List<CompletableFuture<long[]>> answers = new ArrayList<>();
                long period = TimeUnit.SECONDS.toNanos(seconds) / requests;
                long start = System.nanoTime();
                for (int n = 0; n < requests; n++) {
                    long due = start + n * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    answers.add(timed(http, url, mixed(n, threads)));
                }
                List<Long> millis = new ArrayList<>();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (CompletableFuture<long[]> a : answers) {
                    long[] r = a.get(60, TimeUnit.SECONDS);
                    statuses.merge((int) r[0], 1, Integer::sum);
                    millis.add(r[1]);
                }
                Collections.sort(millis);
                System.out.printf("answers: p50 %d ms, p99 %d ms, max %d ms; over 1 s: %d, over 3 s: %d; by "
                        + "status: %s%n", at(millis, 0.50), at(millis, 0.99), millis.getLast(),
                        millis.stream().filter(m -> m > 1000).count(), millis.stream().filter(m -> m > 3000).count(),
                        statuses);
                database.restore();
                gitHub.releasePulls();
            } finally {
                bot.destroy();
                bot.waitFor(30, TimeUnit.SECONDS);
                try (var c = DriverManager.getConnection("jdbc:" + pg, System.getenv().getOrDefault("WIZARD_DB_USER",
                        "postgres"), ""); var s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    /** Request {@code n} of the mix: a new conversation, an answer, an unrelated reply, a press, or a status. */
    private static String[] mixed(int n, List<String> threads) {
        String thread = threads.isEmpty() ? "1600000000.000001" : threads.get(n % threads.size());
        return switch (n % 10) {
            case 0, 1 -> command("another todo service " + n, "U" + (n % 7), "trig-" + n);
            case 2 -> command("status", "U" + (n % 7), "trig-" + n);
            case 3, 4, 5 -> json(SlackRequests.event("EvHang" + n, SlackRequests.threadReply(CHANNEL, thread,
                    "U" + (n % 7), "skip", "1700001000." + n)));
            case 6, 7, 8 -> json(SlackRequests.event("EvHang" + n, SlackRequests.threadReply(CHANNEL,
                    "1650000000." + n, "U" + (n % 7), "hello " + n, "1700002000." + n)));
            default -> form(SlackRequests.buttonPress(CHANNEL, thread, thread, "U" + (n % 7), "wizard_choice_0",
                    "generate", "press-" + n));
        };
    }

    private static String[] command(String text, String user, String trigger) {
        return form(SlackRequests.command("/wizard", text, user, CHANNEL, trigger));
    }

    private static String[] json(String body) {
        return new String[] {body, "application/json"};
    }

    private static String[] form(String body) {
        return new String[] {body, "application/x-www-form-urlencoded"};
    }

    private static void send(HttpClient http, String url, String[] request) throws Exception {
        http.send(request(url, request), HttpResponse.BodyHandlers.discarding());
    }

    /** The status code and milliseconds of one request; a request that got no answer counts as 0 after 30 s. */
    private static CompletableFuture<long[]> timed(HttpClient http, String url, String[] request) {
        long began = System.nanoTime();
        return http.sendAsync(request(url, request), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> new long[] {r.statusCode(), (System.nanoTime() - began) / 1_000_000})
                .exceptionally(e -> new long[] {0, (System.nanoTime() - began) / 1_000_000});
    }

    private static HttpRequest request(String url, String[] request) {
        return SlackRequests.signed(URI.create(url), request[0], request[1], SECRET, null);
    }

    private static int awaitPort(Process bot, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = BANNER.matcher(out);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited:\n" + out);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the bot did not start within 90 s");
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
