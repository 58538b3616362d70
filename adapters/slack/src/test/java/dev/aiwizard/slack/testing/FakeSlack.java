package dev.aiwizard.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aiwizard.core.testing.FormData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local fake of the Slack Web API for the methods the bot calls ({@code auth.test}, {@code chat.postMessage},
 * {@code chat.update}, {@code chat.postEphemeral}, {@code chat.getPermalink}, {@code conversations.replies}), as
 * Slack documents them: form-encoded (or JSON) {@code POST /api/<method>} with {@code Authorization: Bearer}, JSON
 * answers with {@code ok}. Records every call; tests can queue failures such as a 429 with {@code Retry-After}.
 */
public final class FakeSlack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String BOT_USER = "UBOT0001";

    /** One call as it arrived: the method and its parameters ({@code blocks} still as JSON text). */
    public record Call(String method, Map<String, String> params) {
        public String param(String name) {
            return params.get(name);
        }
    }

    /** A message the bot posted, as it now stands (edits applied). */
    public record Posted(String channel, String ts, String threadTs, String text, String blocks) {
    }

    private record Failure(String method, int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private volatile CountDownLatch hold;
    private final AtomicInteger waiting = new AtomicInteger();
    private final String token;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Posted> messages = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final List<String> responses = new ArrayList<>();
    private long clock = 1_700_000_000_000_100L;
    private String appToken;
    private String socketUrl;
    private volatile Consumer<Posted> onPost = posted -> { };

    private FakeSlack(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.createContext("/respond", this::respond);
        server.setExecutor(executor);
        server.start();
    }

    /** A fake that accepts {@code botToken}. */
    public static FakeSlack start(String botToken) {
        try {
            return new FakeSlack(botToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL for {@code SLACK_API_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Tells {@code listener} of every new message at the moment it is posted (benchmarks time replies with it). */
    public void onPost(Consumer<Posted> listener) {
        this.onPost = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Every message the bot posted, in order, with edits applied. */
    public synchronized List<Posted> messages() {
        return List.copyOf(messages.values());
    }

    /** The messages of one thread (its root included), in order. */
    public synchronized List<Posted> thread(String channel, String threadTs) {
        return messages.values().stream().filter(m -> m.channel().equals(channel)
                && (threadTs.equals(m.threadTs()) || threadTs.equals(m.ts()))).toList();
    }

    /** Socket Mode: {@code apps.connections.open} with {@code token} (an {@code xapp-} token) hands out {@code url}. */
    public synchronized void socketMode(String token, String url) {
        appToken = token;
        socketUrl = url;
    }

    /**
     * A slow Slack: until {@link #releasePosts()}, every {@code chat.postMessage} waits before it is answered, so the
     * turn posting it stays in progress. {@link #waitingPosts()} tells how many wait.
     */
    public void holdPosts() {
        hold = new CountDownLatch(1);
    }

    /** Lets the held posts, and every later one, through. */
    public void releasePosts() {
        CountDownLatch h = hold;
        hold = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** How many {@code chat.postMessage} calls are held right now. */
    public int waitingPosts() {
        return waiting.get();
    }

    private void awaitRelease(String method) throws IOException {
        CountDownLatch h = hold;
        if (h == null || !method.equals("chat.postMessage")) {
            return;
        }
        waiting.incrementAndGet();
        try {
            if (!h.await(60, TimeUnit.SECONDS)) {
                throw new IOException("held post never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while held", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** The next call of {@code method} gets this answer instead (once). */
    public synchronized void failNext(String method, int status, Map<String, String> headers, String body) {
        failures.add(new Failure(method, status, headers, body));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = params(ex.getRequestHeaders().getFirst("Content-Type"), raw);
            awaitRelease(method);
            int status = 200;
            Map<String, String> headers = Map.of();
            Object answer;
            synchronized (this) {
                calls.add(new Call(method, params));
                Failure f = failure(method);
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                if (f != null) {
                    status = f.status();
                    headers = f.headers();
                    answer = f.body();
                } else if (method.equals("apps.connections.open")) {
                    answer = appToken != null && ("Bearer " + appToken).equals(auth)
                            ? ok().put("url", socketUrl) : error("invalid_auth");
                } else if (!("Bearer " + token).equals(auth)) {
                    answer = error("invalid_auth");
                } else {
                    answer = answer(method, params);
                }
            }
            byte[] out = answer instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
        }
    }

    /** What was posted to the response URL ({@code url() + "/respond"}) of slash commands, in order. */
    public synchronized List<String> responses() {
        return List.copyOf(responses);
    }

    private void respond(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                responses.add(body);
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
        }
    }

    private Failure failure(String method) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            Failure f = it.next();
            if (f.method().equals(method)) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    private ObjectNode answer(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> ok().put("url", "https://acme.slack.example/").put("team", "Acme").put("user", "wizard")
                    .put("team_id", "T0001").put("user_id", BOT_USER).put("bot_id", "B0001");
            case "chat.postMessage" -> {
                if (p.get("channel") == null || (p.get("text") == null && p.get("blocks") == null)) {
                    yield error(p.get("channel") == null ? "channel_not_found" : "no_text");
                }
                String ts = nextTs();
                Posted posted = new Posted(p.get("channel"), ts, p.get("thread_ts"), p.get("text"), p.get("blocks"));
                messages.put(ts, posted);
                onPost.accept(posted);
                ObjectNode r = ok().put("channel", p.get("channel")).put("ts", ts);
                r.putObject("message").put("text", p.get("text")).put("ts", ts).put("bot_id", "B0001");
                yield r;
            }
            case "chat.update" -> {
                Posted m = messages.get(p.get("ts"));
                if (m == null || !m.channel().equals(p.get("channel"))) {
                    yield error("message_not_found");
                }
                messages.put(m.ts(), new Posted(m.channel(), m.ts(), m.threadTs(), p.get("text"), p.get("blocks")));
                yield ok().put("channel", m.channel()).put("ts", m.ts()).put("text", p.get("text"));
            }
            case "chat.postEphemeral" -> ok().put("message_ts", nextTs());
            case "chat.getPermalink" -> ok().put("channel", p.get("channel")).put("permalink",
                    "https://acme.slack.example/archives/" + p.get("channel") + "/p"
                            + String.valueOf(p.get("message_ts")).replace(".", ""));
            case "conversations.replies" -> {
                ObjectNode r = ok();
                ArrayNode list = r.putArray("messages");
                for (Posted m : thread(p.get("channel"), p.get("ts"))) {
                    list.addObject().put("ts", m.ts()).put("text", m.text()).put("bot_id", "B0001");
                }
                yield r.put("has_more", false);
            }
            default -> error("unknown_method");
        };
    }

    private String nextTs() {
        clock += 100;
        String digits = String.valueOf(clock);
        return digits.substring(0, 10) + "." + digits.substring(10);
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static Map<String, String> params(String contentType, String raw) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonNode json = JSON.readTree(raw);
            json.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().toString()));
            return out;
        }
        return FormData.parse(raw);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
