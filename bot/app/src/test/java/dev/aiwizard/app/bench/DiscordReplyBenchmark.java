package dev.aiwizard.app.bench;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.discord.DiscordConnection;
import dev.aiwizard.discord.testing.FakeDiscord;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time from a dispatched {@code MESSAGE_CREATE} in a conversation's thread to the bot's reply arriving at the fake
 * Discord REST API: the real JDA and the whole bot in this process, the offline engines, the database and Redis from
 * the environment ({@code WIZARD_DB_URL}, {@code WIZARD_REDIS_URL}). Conversations are started with {@code /wizard
 * idea:}, then each thread is sent {@code status} one message at a time (the next after the reply), all threads in
 * parallel; every message is one turn that stores the message and posts one reply.
 *
 * <p>Usage: {@code DiscordReplyBenchmark [threads] [messages] [warm-up messages]}.
 */
public final class DiscordReplyBenchmark {
    private DiscordReplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (FakeDiscord discord = FakeDiscord.start()) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
            env.put("DISCORD_API_URL", discord.apiUrl());
            env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            env.put("WIZARD_CONSOLE", "false");
            env.put("WIZARD_PORT", "0");
            env.put("WIZARD_CONVERSATIONS_PER_HOUR", String.valueOf(threads * 4));
            env.put("WIZARD_DATA_DIR", Files.createTempDirectory("discord-bench").toString());
            AppSettings settings = SettingsLoader.load(env);
            long user = discord.addMember("Bench", false);
            try (Wizard wizard = Wizard.start(settings, new PrintStream(OutputStream.nullOutputStream()))) {
                DiscordConnection.awaitReady(wizard.discordShards());
                Map<Long, BlockingQueue<Long>> replies = new ConcurrentHashMap<>();
                discord.onBotPost((channel, nanos) -> replies.computeIfAbsent(channel, c -> new LinkedBlockingQueue<>())
                        .add(nanos));
                List<Long> ids = startConversations(discord, user, threads);
                // The first question of every conversation has arrived; from here on one reply per message.
                ids.forEach(id -> replies.computeIfAbsent(id, c -> new LinkedBlockingQueue<>()).clear());
                run(discord, user, ids, replies, warmUp);
                List<Long> micros = run(discord, user, ids, replies, messages);
                report(threads, micros, settings);
            }
        }
    }

    private static List<Long> startConversations(FakeDiscord discord, long user, int threads) {
        for (int i = 0; i < threads; i++) {
            discord.slash(discord.channelId, user, Map.of("idea", "a todo service where people manage tasks " + i));
        }
        FakeDiscord.await(threads + " threads with their first question", Duration.ofSeconds(120), () ->
                discord.threads().size() == threads && discord.threads().stream()
                        .allMatch(t -> discord.botMessages(t.get("id").asLong()).size() >= 1));
        return discord.threads().stream().map(t -> t.get("id").asLong()).toList();
    }

    /** Latencies in microseconds of {@code total} messages spread over the threads, one at a time per thread. */
    private static List<Long> run(FakeDiscord discord, long user, List<Long> ids, Map<Long, BlockingQueue<Long>> replies,
                                  int total) throws InterruptedException {
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < ids.size(); t++) {
            long thread = ids.get(t);
            int mine = total / ids.size() + (t < total % ids.size() ? 1 : 0);
            senders.add(Thread.ofVirtual().start(() -> {
                BlockingQueue<Long> queue = replies.get(thread);
                for (int i = 0; i < mine; i++) {
                    long sent = System.nanoTime();
                    discord.say(thread, user, "status");
                    try {
                        Long arrived = queue.poll(30, TimeUnit.SECONDS);
                        out.add(arrived == null ? -1L : (arrived - sent) / 1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread s : senders) {
            s.join();
        }
        return out;
    }

    private static void report(int threads, List<Long> micros, AppSettings settings) {
        List<Long> ok = new ArrayList<>(micros.stream().filter(m -> m >= 0).toList());
        Collections.sort(ok);
        System.out.printf("database: %s, coordination: %s%n", settings.dbUrl().isEmpty() ? "embedded H2"
                : settings.dbUrl(), settings.redisUrl().isEmpty() ? "in-process" : "Redis");
        System.out.printf("%d messages over %d threads: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                + "%d without a reply%n", micros.size(), threads, at(ok, 0.50), at(ok, 0.90), at(ok, 0.99),
                ok.isEmpty() ? 0 : ok.getLast() / 1000.0, micros.size() - ok.size());
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
