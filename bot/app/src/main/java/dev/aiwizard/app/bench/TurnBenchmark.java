package dev.aiwizard.app.bench;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationService;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bot's own time per conversation turn with the offline engines: start, answer, skip (to the summary), each
 * measured around the engine call that a chat adapter makes, with the storage and coordination configured in the
 * environment (WIZARD_DB_URL, WIZARD_REDIS_URL; embedded defaults when unset). It also calls the health and API
 * endpoints once, so the launcher can use a short run of it to train the JVM's start-up cache.
 *
 * <p>It takes nothing else from its environment: no chat platform, model, GitHub access or delivery target, however
 * they are set. The launcher runs it hidden after every build; with the operator's SLACK_BOT_TOKEN or
 * DISCORD_BOT_TOKEN it would otherwise log in as the bot and answer real people into a throw-away database.
 */
public final class TurnBenchmark {
    /** Where to store and coordinate: all the benchmark takes from its environment. */
    private static final Set<String> PASSED_ON = Set.of("WIZARD_DB_URL", "WIZARD_DB_USER", "WIZARD_DB_PASSWORD",
            "WIZARD_DB_POOL_SIZE", "WIZARD_REDIS_URL", "WIZARD_DATA_DIR");
    /** Prefixes of settings that are ignored, named on standard error so nobody wonders why they did nothing. */
    private static final List<String> SETTINGS = List.of("WIZARD_", "SLACK_", "DISCORD_", "GITHUB_", "OPENAI_",
            "ANTHROPIC_", "OLLAMA_");

    private TurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Map<String, String> env = System.getenv();
        List<String> ignored = env.keySet().stream().filter(k -> !PASSED_ON.contains(k))
                .filter(k -> SETTINGS.stream().anyMatch(k::startsWith)).sorted().toList();
        if (!ignored.isEmpty()) {
            System.err.println("TurnBenchmark: ignoring " + String.join(", ", ignored) + " (offline, no chat "
                    + "platform, model or GitHub; only the WIZARD_DB_*, WIZARD_REDIS_URL and WIZARD_DATA_DIR settings "
                    + "apply)");
        }
        Path scratch = env.containsKey("WIZARD_DATA_DIR") ? null : Files.createTempDirectory("wizard-bench");
        AppSettings settings = settings(env, scratch);
        List<Long> nanos = new ArrayList<>();
        try (Wizard wizard = Wizard.start(settings, new PrintStream(OutputStream.nullOutputStream()))) {
            ConversationService service = wizard.conversations();
            touchHttp(wizard.port());
            String run = Long.toString(System.nanoTime(), 36);
            for (int i = 0; i < conversations + warmUp; i++) {
                var thread = new ThreadRef("console", "bench-" + run, "t" + i);
                var user = new UserRef("bench-" + (i % 50), "bench");
                long a = System.nanoTime();
                service.start(new InboundMessage(thread, user, "a shop where people manage products with a name and a price", null));
                long b = System.nanoTime();
                service.reply(new InboundMessage(thread, user, "all", null));
                long c = System.nanoTime();
                service.reply(new InboundMessage(thread, user, "skip", null));
                long d = System.nanoTime();
                if (i >= warmUp) { // the first conversations warm up the JIT and the connection pool
                    nanos.add(b - a);
                    nanos.add(c - b);
                    nanos.add(d - c);
                }
            }
            Collections.sort(nanos);
            System.out.printf("turns=%d storage=%s%n", nanos.size(), wizard.describe());
            System.out.printf("p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n", pct(nanos, 50), pct(nanos, 90),
                    pct(nanos, 99), nanos.getLast() / 1e6);
        }
        if (scratch != null) {
            try (var files = Files.walk(scratch)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /**
     * The settings the benchmark runs with: storage and coordination from {@code environment}, the data directory
     * from it or {@code scratch}, everything else the offline defaults, and the web server on loopback only.
     */
    static AppSettings settings(Map<String, String> environment, Path scratch) {
        Map<String, String> env = new HashMap<>();
        environment.forEach((name, value) -> {
            if (PASSED_ON.contains(name)) {
                env.put(name, value);
            }
        });
        env.putIfAbsent("WIZARD_DATA_DIR", String.valueOf(scratch));
        env.put("WIZARD_HOST", "127.0.0.1");
        env.put("WIZARD_PORT", "0");
        env.put("WIZARD_CONSOLE", "false");
        env.put("WIZARD_CONVERSATIONS_PER_HOUR", "1000000");
        AppSettings settings = SettingsLoader.load(env);
        // The packaged defaults could change one day; the benchmark must still never reach out.
        if (settings.chat().any() || settings.engine().llm().usesModel() || settings.delivery().github().enabled()
                || !settings.delivery().target().equals("local")) {
            throw new IllegalStateException("the benchmark runs offline only, but its settings reach out: "
                    + settings.delivery().target());
        }
        return settings;
    }

    private static void touchHttp(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/health/ready", "/health", "/metrics", "/api/v1/conversations"}) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, idx)) / 1e6;
    }
}
