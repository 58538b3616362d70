package dev.aiwizard.generator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A language-model server on 127.0.0.1 for tests, speaking the OpenAI chat-completions protocol
 * ({@code POST /v1/chat/completions}, also what Ollama serves under {@code /v1}) and Anthropic's Messages API
 * ({@code POST /v1/messages}), as their API references describe them. What it answers is scripted per test; it
 * records every request, the most calls it had in flight at once and the tokens its answers reported as used.
 */
public final class FakeLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a test's script sees of one request. */
    public record Request(String protocol, String model, String system, List<String> userTexts, String schemaName,
                          Map<String, List<String>> headers, JsonNode body) {
        /** The last user message. */
        public String lastUser() {
            return userTexts.isEmpty() ? "" : userTexts.get(userTexts.size() - 1);
        }

        /** Every text of the request: system and user messages. */
        public String allText() {
            return system + "\n" + String.join("\n", userTexts);
        }
    }

    /** One scripted answer: an assistant text with 200, or an error status, after an optional delay. */
    public record Reply(int status, String text, Map<String, String> headers, Duration delay, String rawBody) {
        public static Reply text(String text) {
            return new Reply(200, text, Map.of(), Duration.ZERO, null);
        }

        public static Reply json(Object value) {
            try {
                return text(JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        public static Reply error(int status, Map<String, String> headers) {
            return new Reply(status, null, headers, Duration.ZERO, null);
        }

        /** A 200 whose body is not the protocol's JSON at all. */
        public static Reply garbage(String body) {
            return new Reply(200, null, Map.of(), Duration.ZERO, body);
        }

        public Reply after(Duration wait) {
            return new Reply(status, text, headers, wait, rawBody);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private volatile Function<Request, Reply> script = r -> Reply.error(500, Map.of());
    private volatile String expectedKey;

    private FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", ex -> handle(ex, "openai"));
        server.createContext("/v1/messages", ex -> handle(ex, "anthropic"));
        server.start();
    }

    /** A started server answering 500 until a script is set. */
    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake model server", e);
        }
    }

    /** The base URL with {@code /v1}, as OPENAI_BASE_URL takes it. */
    public String openAiBaseUrl() {
        return root() + "/v1";
    }

    /** The base URL without {@code /v1}, as OLLAMA_BASE_URL takes it. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request with {@code script}. */
    public FakeLlmServer script(Function<Request, Reply> script) {
        this.script = script;
        return this;
    }

    /** Refuses (401) requests without this key. */
    public FakeLlmServer requireKey(String key) {
        this.expectedKey = key;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The input tokens the successful answers reported as used ({@code usage}), in all. */
    public long inputTokens() {
        return inputTokens.get();
    }

    /** The output tokens the successful answers reported as used, in all. */
    public long outputTokens() {
        return outputTokens.get();
    }

    public void reset() {
        requests.clear();
        maxInFlight.set(0);
        inputTokens.set(0);
        outputTokens.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex, String protocol) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"error\":{\"message\":\"method not allowed\"}}", Map.of());
                return;
            }
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            if (expectedKey != null && !keyMatches(ex, protocol)) {
                send(ex, 401, error(protocol, "authentication_error", "invalid api key"), Map.of());
                return;
            }
            Request request = parse(protocol, body, ex.getRequestHeaders());
            requests.add(request);
            Reply reply = script.apply(request);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.rawBody() != null) {
                send(ex, 200, reply.rawBody(), Map.of());
            } else if (reply.status() != 200) {
                send(ex, reply.status(), error(protocol, "server_error", "scripted failure " + reply.status()),
                        reply.headers());
            } else {
                send(ex, 200, success(protocol, request, reply.text()), Map.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\":{\"message\":\"fake failed: " + e.getClass().getSimpleName() + "\"}}", Map.of());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private boolean keyMatches(HttpExchange ex, String protocol) {
        String got = "openai".equals(protocol) ? ex.getRequestHeaders().getFirst("Authorization")
                : ex.getRequestHeaders().getFirst("x-api-key");
        String want = "openai".equals(protocol) ? "Bearer " + expectedKey : expectedKey;
        return want.equals(got);
    }

    private static Request parse(String protocol, JsonNode body, Map<String, List<String>> headers) {
        List<String> users = new ArrayList<>();
        StringBuilder system = new StringBuilder();
        if ("anthropic".equals(protocol)) {
            JsonNode sys = body.path("system");
            if (sys.isTextual()) {
                system.append(sys.asText());
            } else {
                sys.forEach(b -> system.append(b.path("text").asText()));
            }
        }
        for (JsonNode m : body.path("messages")) {
            String text = textOf(m.path("content"));
            switch (m.path("role").asText()) {
                case "system" -> system.append(text);
                case "user" -> users.add(text);
                default -> { }
            }
        }
        String schema = body.path("response_format").path("json_schema").path("name").asText(null);
        return new Request(protocol, body.path("model").asText(), system.toString(), users, schema, Map.copyOf(headers),
                body);
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        content.forEach(part -> out.append(part.path("text").asText()));
        return out.toString();
    }

    private String success(String protocol, Request request, String text) throws IOException {
        int in = Math.max(1, request.allText().length() / 4);
        int out = Math.max(1, text.length() / 4);
        inputTokens.addAndGet(in);
        outputTokens.addAndGet(out);
        ObjectNode root = JSON.createObjectNode();
        if ("openai".equals(protocol)) {
            root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L)
                    .put("model", request.model());
            ArrayNode choices = root.putArray("choices");
            ObjectNode choice = choices.addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        } else {
            root.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", request.model())
                    .put("stop_reason", "end_turn");
            root.putArray("content").addObject().put("type", "text").put("text", text);
            root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        }
        return JSON.writeValueAsString(root);
    }

    private static String error(String protocol, String type, String message) {
        return "openai".equals(protocol)
                ? "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\"}}"
                : "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    private static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
