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

/**
 * The bot's own time per conversation turn with the offline engines: start, answer, skip (to the summary), each
 * measured around the engine call that a chat adapter makes, with the storage and coordination configured in the
 * environment (WIZARD_DB_URL, WIZARD_REDIS_URL; embedded defaults when unset). It also calls the health and API
 * endpoints once, so the launcher can use a short run of it to train the JVM's start-up cache.
 */
public final class TurnBenchmark {
    private TurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("WIZARD_PORT", "0");
        env.put("WIZARD_CONSOLE", "false");
        env.put("WIZARD_CONVERSATIONS_PER_HOUR", "1000000");
        env.putIfAbsent("WIZARD_DATA_DIR", Files.createTempDirectory("wizard-bench").toString());
        AppSettings settings = SettingsLoader.load(env);
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
        Path dir = Path.of(env.get("WIZARD_DATA_DIR"));
        if (dir.startsWith(System.getProperty("java.io.tmpdir"))) {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
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
