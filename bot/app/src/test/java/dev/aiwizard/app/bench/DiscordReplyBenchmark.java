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
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time from a dispatched {@code MESSAGE_CREATE} in a conversation's thread to the bot's reply arriving at the fake
 * Discord REST API: the real JDA and the whole bot in this process, the offline engines, the database and Redis from
 * the environment ({@code WIZARD_DB_URL}, {@code WIZARD_REDIS_URL}). Conversations are started with {@code /wizard
 * idea:}; then {@code status} messages (each one turn that stores the message and posts one reply) go to the threads
 * round-robin at a fixed rate (after a warm-up at the same rate), and finally with one message in flight per thread
 * all at once, to show the limit.
 *
 * <p>Usage: {@code DiscordReplyBenchmark [threads] [messages] [messages per second]}.
 */
public final class DiscordReplyBenchmark {
    private DiscordReplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
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
                List<Long> ids = startConversations(discord, user, threads);
                // From here on, every message the bot posts in a thread answers the oldest unanswered one there.
                Map<Long, Queue<Long>> sent = new ConcurrentHashMap<>();
                List<Long> micros = Collections.synchronizedList(new ArrayList<>());
                ids.forEach(id -> sent.put(id, new ConcurrentLinkedQueue<>()));
                discord.onBotPost((channel, nanos) -> {
                    Queue<Long> q = sent.get(channel);
                    Long at = q == null ? null : q.poll();
                    if (at != null) {
                        micros.add((nanos - at) / 1000);
                    }
                });
                System.out.printf("database: %s, coordination: %s%n", settings.persistence().dbUrl().isEmpty() ? "embedded H2"
                        : settings.persistence().dbUrl(), settings.persistence().redisUrl().isEmpty() ? "in-process" : "Redis");
                fixedRate(discord, user, ids, sent, micros, rate, Math.max(rate * 5, 250));
                micros.clear();
                fixedRate(discord, user, ids, sent, micros, rate, messages);
                report(String.format("%d messages at %d/s over %d threads", messages, rate, threads), micros,
                        messages);
                micros.clear();
                long began = System.nanoTime();
                closedLoop(discord, user, ids, sent, messages);
                double seconds = (System.nanoTime() - began) / 1e9;
                report(String.format("%d messages, one in flight per thread (%d at once), %.0f messages/s",
                        messages, threads, messages / seconds), micros, messages);
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

    /** Sends {@code total} messages at {@code rate} per second, round-robin over the threads; waits for the replies. */
    private static void fixedRate(FakeDiscord discord, long user, List<Long> ids, Map<Long, Queue<Long>> sent,
                                  List<Long> micros, int rate, int total) throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long thread = ids.get(i % ids.size());
            sent.get(thread).add(System.nanoTime());
            discord.say(thread, user, "status");
        }
        awaitReplies(micros, total);
    }

    /** Every thread sends its next message as soon as the last was answered: the bot at its limit. */
    private static void closedLoop(FakeDiscord discord, long user, List<Long> ids, Map<Long, Queue<Long>> sent,
                                   int total) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < ids.size(); t++) {
            long thread = ids.get(t);
            int mine = total / ids.size() + (t < total % ids.size() ? 1 : 0);
            senders.add(Thread.ofVirtual().start(() -> {
                Queue<Long> q = sent.get(thread);
                for (int i = 0; i < mine; i++) {
                    q.add(System.nanoTime());
                    discord.say(thread, user, "status");
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!q.isEmpty() && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                        try {
                            Thread.sleep(0, 200_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }));
        }
        for (Thread s : senders) {
            s.join();
        }
    }

    private static void awaitReplies(List<Long> micros, int total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (micros.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void report(String what, List<Long> micros, int total) {
        List<Long> ok;
        synchronized (micros) {
            ok = new ArrayList<>(micros);
        }
        Collections.sort(ok);
        System.out.printf("%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d without a reply%n", what,
                at(ok, 0.50), at(ok, 0.90), at(ok, 0.99), ok.isEmpty() ? 0 : ok.getLast() / 1000.0,
                total - ok.size());
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
