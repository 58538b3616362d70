package dev.aiwizard.discord.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aiwizard.core.testing.FormData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local fake of Discord for one guild with one text channel, following Discord's API v10 documentation: the REST
 * API under {@code /api/v10/} for the routes the bot uses (current user, gateway, command registration, messages,
 * history, threads from a message, DMs, interaction callbacks and their webhooks) and the gateway over a WebSocket
 * (HELLO, IDENTIFY -> READY, heartbeats, GUILD_CREATE, then dispatched MESSAGE_CREATE, THREAD_CREATE and
 * INTERACTION_CREATE; JSON, plain or {@code zlib-stream}). Messages the bot posts are dispatched back to it, as
 * Discord does. Without the Message Content intent in IDENTIFY, other people's message content arrives empty except
 * where the bot is mentioned or in DMs. Every REST call is recorded.
 */
public final class FakeDiscord implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final int MESSAGE_CONTENT_INTENT = 1 << 15;
    public static final String TOKEN = "fake-discord-bot-token";
    /** What the bot's role may do: view, send, read history, create public threads, send in threads. */
    public static final long BOT_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 16) | (1L << 35) | (1L << 38);

    /** One REST call as it arrived. */
    public record Call(String method, String path, String query, JsonNode body) {
    }

    private final AtomicLong ids = new AtomicLong((System.currentTimeMillis() - DISCORD_EPOCH) << 22);
    private final HttpServer rest;
    private final Gateway gateway;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    public final long guildId = nextId();
    public final long channelId = nextId();
    public final long botId = nextId();
    public final long adminRoleId = nextId();
    private final long botRoleId = nextId();
    private final ObjectNode botUser;
    private final Map<Long, ObjectNode> users = new LinkedHashMap<>();
    private final Map<Long, List<Long>> memberRoles = new HashMap<>();
    private final Map<Long, ObjectNode> channels = new LinkedHashMap<>();
    private final Map<Long, List<ObjectNode>> messages = new HashMap<>();
    private final Map<String, ObjectNode> callbacks = new HashMap<>();
    private int expiredCallbacks;
    private int refusedPosts;
    private final Map<String, ObjectNode> originals = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<ObjectNode> registeredCommands = new ArrayList<>();
    private int readies;
    private volatile java.util.function.BiConsumer<Long, Long> postListener = (channel, nanos) -> { };
    private final List<String> identifiedShards = new ArrayList<>();

    private FakeDiscord() throws IOException {
        botUser = user(botId, "AI Wizard", true);
        users.put(botId, botUser);
        memberRoles.put(botId, List.of(botRoleId));
        ObjectNode text = JSON.createObjectNode().put("id", str(channelId)).put("type", 0).put("guild_id", str(guildId))
                .put("name", "general").put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0);
        text.putNull("parent_id");
        text.putNull("topic");
        text.putNull("last_message_id");
        text.putArray("permission_overwrites");
        channels.put(channelId, text);
        // Answer without Nagle's delay, as Discord's edge does; the JDK server reads this once, before its first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/api/v10/", this::handle);
        rest.setExecutor(executor);
        rest.start();
        gateway = new Gateway();
        gateway.setReuseAddr(true);
        gateway.setTcpNoDelay(true);
        gateway.start();
        try {
            gateway.started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A running fake. */
    public static FakeDiscord start() {
        try {
            return new FakeDiscord();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The REST base for {@code DISCORD_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
    }

    /** The gateway for {@code DISCORD_GATEWAY_URL}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    // ---- driving the fake as people would

    /** A person in the guild; {@code admin} gives them the admin role. Returns their id. */
    public synchronized long addMember(String name, boolean admin) {
        long id = nextId();
        users.put(id, user(id, name, false));
        memberRoles.put(id, admin ? List.of(adminRoleId) : List.of());
        return id;
    }

    /** Another bot in the guild; returns its id. */
    public synchronized long addBot(String name) {
        long id = nextId();
        users.put(id, user(id, name, true));
        memberRoles.put(id, List.of());
        return id;
    }

    /** {@code userId} writes {@code text} in {@code channel} (a text channel, thread or DM); returns the message id. */
    public long say(long channel, long userId, String text) {
        ObjectNode m = newMessage(channel, userId, text);
        dispatch("MESSAGE_CREATE", visibleToBot(m));
        return m.get("id").asLong();
    }

    /** Like {@link #say}, but while the bot is not listening: stored, never dispatched (a missed event). */
    public long sayUnseen(long channel, long userId, String text) {
        return newMessage(channel, userId, text).get("id").asLong();
    }

    /** Dispatches an existing message again, as a redelivery would. */
    public void redeliver(long channel, long messageId) {
        dispatch("MESSAGE_CREATE", visibleToBot(message(channel, messageId).orElseThrow()));
    }

    /** A DM channel between {@code userId} and the bot (created once). */
    public synchronized long dmChannel(long userId) {
        for (ObjectNode c : channels.values()) {
            if (c.get("type").asInt() == 1 && c.get("recipients").get(0).get("id").asText().equals(str(userId))) {
                return c.get("id").asLong();
            }
        }
        long id = nextId();
        ObjectNode dm = JSON.createObjectNode().put("id", str(id)).put("type", 1);
        dm.putNull("last_message_id");
        dm.putArray("recipients").add(users.get(userId));
        channels.put(id, dm);
        return id;
    }

    /** {@code userId} runs {@code /wizard} in {@code channel} with {@code options}; returns the interaction id. */
    public String slash(long channel, long userId, Map<String, String> options) {
        ObjectNode data = JSON.createObjectNode().put("id", str(nextId())).put("name", "wizard").put("type", 1);
        ArrayNode opts = data.putArray("options");
        options.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        return interact(2, channel, userId, data, null);
    }

    /** {@code userId} presses the button {@code customId} on message {@code messageId}; returns the interaction id. */
    public String press(long channel, long messageId, long userId, String customId) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return interact(3, channel, userId, data, message(channel, messageId).orElseThrow());
    }

    /**
     * The next interaction callback comes too late: Discord answers it 404 "Unknown interaction" (code 10062), as it
     * does once an interaction's three seconds are over, and the person sees "The application did not respond".
     */
    public synchronized void expireNextCallback() {
        expiredCallbacks++;
    }

    /**
     * The next message the bot posts is refused as Discord refuses a message the bot may not send in a channel: 403
     * "Missing Permissions" (code 50013).
     */
    public synchronized void refuseNextPost() {
        refusedPosts++;
    }

    /** Ends the gateway session the way Discord does when it cannot be resumed: op 9 with {@code d: false}. */
    public void invalidateSession() {
        gateway.broadcastPayload(JSON.createObjectNode().put("op", 9).put("d", false));
    }

    /** Told the channel and {@link System#nanoTime()} of each message the bot posts, as it arrives (benchmarks). */
    public void onBotPost(java.util.function.BiConsumer<Long, Long> listener) {
        postListener = listener;
    }

    // ---- what tests look at

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The messages of {@code channel}, oldest first, as they now stand. */
    public synchronized List<JsonNode> messages(long channel) {
        return List.copyOf(messages.getOrDefault(channel, List.of()));
    }

    /** The messages the bot posted in {@code channel}, oldest first. */
    public synchronized List<JsonNode> botMessages(long channel) {
        return messages.getOrDefault(channel, List.of()).stream()
                .filter(m -> m.get("author").get("id").asText().equals(str(botId))).map(m -> (JsonNode) m).toList();
    }

    /** Threads created so far, oldest first. */
    public synchronized List<JsonNode> threads() {
        return channels.values().stream().filter(c -> c.get("type").asInt() == 11).map(c -> (JsonNode) c).toList();
    }

    /** The answer to interaction {@code id} ({@code type} 4, 5, 6, ...), if any yet. */
    public synchronized Optional<JsonNode> callback(String interactionId) {
        return Optional.ofNullable(callbacks.get(interactionId));
    }

    /** The original response of interaction {@code id} after the bot edited it, if it did. */
    public synchronized Optional<JsonNode> original(String interactionId) {
        return Optional.ofNullable(originals.get(token(interactionId)));
    }

    public synchronized List<JsonNode> commands() {
        return List.copyOf(registeredCommands);
    }

    /** How many READY payloads were sent (one per new gateway session). */
    public synchronized int readies() {
        return readies;
    }

    /** The shards that identified, as {@code id/total}, in order. */
    public synchronized List<String> identifiedShards() {
        return List.copyOf(identifiedShards);
    }

    /** Whether the last IDENTIFY asked for the Message Content intent. */
    public boolean messageContentIntent() {
        return (gateway.intents & MESSAGE_CONTENT_INTENT) != 0;
    }

    /** Waits until {@code check} holds, failing after {@code timeout}. */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier check) {
        Instant end = Instant.now().plus(timeout);
        while (!check.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits for a bot message in {@code channel} whose content matches {@code test}; returns it. */
    public JsonNode awaitBotMessage(long channel, Duration timeout, Predicate<String> test) {
        JsonNode[] found = new JsonNode[1];
        await("a bot message in " + channel, timeout, () -> {
            for (JsonNode m : botMessages(channel)) {
                if (test.test(m.get("content").asText())) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Override
    public void close() {
        rest.stop(0);
        executor.shutdownNow();
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- REST

    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
    private static final Pattern MESSAGE_THREAD = Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern ORIGINAL = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOWUP = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern USER = Pattern.compile("users/(\\d+)");
    private static final Pattern COMMANDS = Pattern.compile("applications/(\\d+)(?:/guilds/(\\d+))?/commands");

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath().substring("/api/v10/".length());
            String query = ex.getRequestURI().getRawQuery();
            String method = ex.getRequestMethod();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            synchronized (this) {
                calls.add(new Call(method, path, query, body));
            }
            if (!("Bot " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))
                    && !path.startsWith("interactions/") && !path.startsWith("webhooks/")) {
                send(ex, 401, JSON.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
                return;
            }
            route(ex, method, path, query, body);
        } catch (RuntimeException e) {
            send(ex, 500, JSON.createObjectNode().put("message", String.valueOf(e)).put("code", 0));
        }
    }

    private void route(HttpExchange ex, String method, String path, String query, JsonNode body) throws IOException {
        Matcher m;
        if (method.equals("GET") && path.equals("users/@me")) {
            send(ex, 200, botUser);
        } else if (method.equals("GET") && (m = USER.matcher(path)).matches()) {
            ObjectNode u;
            synchronized (this) {
                u = users.get(Long.parseLong(m.group(1)));
            }
            if (u == null) {
                send(ex, 404, JSON.createObjectNode().put("message", "Unknown User").put("code", 10013));
            } else {
                send(ex, 200, u);
            }
        } else if (method.equals("GET") && path.equals("gateway/bot")) {
            ObjectNode g = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", 1);
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 1);
            send(ex, 200, g);
        } else if (method.equals("PUT") && (m = COMMANDS.matcher(path)).matches()) {
            ArrayNode out = JSON.createArrayNode();
            synchronized (this) {
                registeredCommands.clear();
                for (JsonNode c : body) {
                    ObjectNode cmd = ((ObjectNode) c.deepCopy()).put("id", str(nextId()))
                            .put("application_id", str(botId)).put("version", str(nextId()));
                    if (m.group(2) != null) {
                        cmd.put("guild_id", m.group(2));
                    }
                    registeredCommands.add(cmd);
                    out.add(cmd);
                }
            }
            send(ex, 200, out);
        } else if ((m = MESSAGE_THREAD.matcher(path)).matches() && method.equals("POST")) {
            send(ex, 201, startThread(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), body));
        } else if ((m = CHANNEL_MESSAGE.matcher(path)).matches() && method.equals("PATCH")) {
            send(ex, 200, edit(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), body));
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST") && refusedPost()) {
            send(ex, 403, JSON.createObjectNode().put("message", "Missing Permissions").put("code", 50013));
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            long arrived = System.nanoTime();
            ObjectNode posted = botPosts(Long.parseLong(m.group(1)), body);
            postListener.accept(Long.parseLong(m.group(1)), arrived);
            send(ex, 200, posted);
            dispatch("MESSAGE_CREATE", posted);
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("GET")) {
            send(ex, 200, history(Long.parseLong(m.group(1)), FormData.parse(query)));
        } else if (method.equals("POST") && path.equals("users/@me/channels")) {
            send(ex, 200, channelJson(dmChannel(body.get("recipient_id").asLong())));
        } else if ((m = CALLBACK.matcher(path)).matches() && method.equals("POST")) {
            boolean expired;
            synchronized (this) {
                expired = expiredCallbacks > 0;
                if (expired) {
                    expiredCallbacks--;
                } else {
                    callbacks.put(m.group(1), (ObjectNode) body);
                }
            }
            if (expired) {
                send(ex, 404, JSON.createObjectNode().put("message", "Unknown interaction").put("code", 10062));
            } else {
                ex.sendResponseHeaders(204, -1);
            }
        } else if ((m = ORIGINAL.matcher(path)).matches() && method.equals("PATCH")) {
            ObjectNode msg = webhookMessage(body);
            synchronized (this) {
                originals.put(m.group(2), msg);
            }
            send(ex, 200, msg);
        } else if ((m = FOLLOWUP.matcher(path)).matches() && method.equals("POST")) {
            send(ex, 200, webhookMessage(body));
        } else {
            send(ex, 404, JSON.createObjectNode().put("message", "404: Not Found").put("code", 0));
        }
    }

    private synchronized boolean refusedPost() {
        if (refusedPosts == 0) {
            return false;
        }
        refusedPosts--;
        return true;
    }

    private synchronized ObjectNode botPosts(long channel, JsonNode body) {
        if (!channels.containsKey(channel)) {
            throw new IllegalArgumentException("unknown channel " + channel);
        }
        ObjectNode m = newMessage(channel, botId, body.path("content").asText(""));
        if (body.has("components")) {
            m.set("components", body.get("components"));
        }
        if (body.has("embeds")) {
            m.set("embeds", body.get("embeds"));
        }
        return m.deepCopy();
    }

    private synchronized ObjectNode edit(long channel, long id, JsonNode body) {
        ObjectNode m = message(channel, id).orElseThrow(() -> new IllegalArgumentException("unknown message " + id));
        if (body.has("content")) {
            m.put("content", body.get("content").asText());
        }
        if (body.has("components")) {
            m.set("components", body.get("components"));
        }
        m.put("edited_timestamp", Instant.now().toString());
        return m.deepCopy();
    }

    private synchronized ArrayNode history(long channel, Map<String, String> query) {
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        // Discord answers newest first.
        List<ObjectNode> found = messages.getOrDefault(channel, List.of()).stream()
                .filter(x -> x.get("id").asLong() > after)
                .sorted(Comparator.comparingLong((ObjectNode x) -> x.get("id").asLong()).reversed())
                .toList();
        if (query.containsKey("after")) {
            // With after, Discord returns the messages just after it.
            found = found.subList(Math.max(0, found.size() - limit), found.size());
        } else {
            found = found.subList(0, Math.min(limit, found.size()));
        }
        ArrayNode out = JSON.createArrayNode();
        found.forEach(x -> out.add(visibleToBot(x)));
        return out;
    }

    private ObjectNode startThread(long channel, long messageId, JsonNode body) {
        ObjectNode thread;
        synchronized (this) {
            ObjectNode starter = message(channel, messageId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown message " + messageId));
            thread = JSON.createObjectNode().put("id", str(messageId)).put("type", 11).put("guild_id", str(guildId))
                    .put("parent_id", str(channel)).put("owner_id", str(botId)).put("name", body.get("name").asText())
                    .put("message_count", 0).put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0)
                    .put("total_message_count", 0);
            thread.putNull("last_message_id");
            thread.putObject("thread_metadata").put("archived", false).put("locked", false).put("invitable", true)
                    .put("auto_archive_duration", body.path("auto_archive_duration").asInt(1440))
                    .put("archive_timestamp", Instant.now().toString()).put("create_timestamp", Instant.now().toString());
            thread.putObject("member").put("join_timestamp", Instant.now().toString()).put("flags", 0);
            channels.put(messageId, thread);
            starter.putObject("thread").setAll(thread.deepCopy());
        }
        ObjectNode event = thread.deepCopy().put("newly_created", true);
        dispatch("THREAD_CREATE", event);
        return thread.deepCopy();
    }

    private ObjectNode webhookMessage(JsonNode body) {
        ObjectNode m = JSON.createObjectNode().put("id", str(nextId())).put("type", 0).put("channel_id", str(channelId))
                .put("content", body == null ? "" : body.path("content").asText("")).put("pinned", false)
                .put("tts", false).put("mention_everyone", false).put("timestamp", Instant.now().toString())
                .put("flags", body == null ? 0 : body.path("flags").asInt(0)).put("webhook_id", str(botId));
        m.putNull("edited_timestamp");
        m.set("author", botUser.deepCopy());
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        return m;
    }

    // ---- gateway

    private final class Gateway extends WebSocketServer {
        private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final Map<WebSocket, Deflater> zlib = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<WebSocket, Boolean> identified = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicLong sequence = new AtomicLong();
        private volatile int intents;

        Gateway() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            if (handshake.getResourceDescriptor().contains("compress=zlib-stream")) {
                zlib.put(conn, new Deflater());
            }
            ObjectNode hello = JSON.createObjectNode().put("op", 10);
            hello.putNull("s");
            hello.putNull("t");
            hello.putObject("d").put("heartbeat_interval", 41_250);
            send(conn, hello);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode payload;
            try {
                payload = JSON.readTree(message);
            } catch (IOException e) {
                conn.close(4002, "Decode error");
                return;
            }
            switch (payload.get("op").asInt()) {
                case 1 -> send(conn, JSON.createObjectNode().put("op", 11));
                case 2 -> identify(conn, payload.get("d"));
                // A resume is refused: the client starts a new session, as after a long outage.
                case 6 -> send(conn, JSON.createObjectNode().put("op", 9).put("d", false));
                default -> {
                    // presence updates, member requests: nothing to answer
                }
            }
        }

        private void identify(WebSocket conn, JsonNode d) {
            if (!TOKEN.equals(d.path("token").asText())) {
                conn.close(4004, "Authentication failed.");
                return;
            }
            intents = d.path("intents").asInt();
            ObjectNode ready = JSON.createObjectNode();
            ready.put("v", 10).put("session_id", "session-" + nextId())
                    .put("resume_gateway_url", gatewayUrl());
            ready.set("user", botUser.deepCopy());
            JsonNode shard = d.get("shard");
            // Discord routes a guild to shard (guild_id >> 22) % num_shards.
            boolean ours = shard == null || (guildId >> 22) % shard.get(1).asLong() == shard.get(0).asLong();
            ArrayNode guilds = ready.putArray("guilds");
            if (ours) {
                guilds.addObject().put("id", str(guildId)).put("unavailable", true);
            }
            ready.putArray("private_channels");
            ready.putObject("application").put("id", str(botId)).put("flags", 0);
            if (shard != null) {
                ready.set("shard", shard);
                synchronized (FakeDiscord.this) {
                    identifiedShards.add(shard.get(0).asInt() + "/" + shard.get(1).asInt());
                }
            }
            identified.put(conn, true);
            synchronized (FakeDiscord.this) {
                readies++;
            }
            sendDispatch(conn, "READY", ready);
            if (ours) {
                sendDispatch(conn, "GUILD_CREATE", guildJson());
            }
        }

        void sendDispatch(WebSocket conn, String type, JsonNode data) {
            ObjectNode p = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
            p.set("d", data);
            send(conn, p);
        }

        void dispatchAll(String type, JsonNode data) {
            for (WebSocket c : getConnections()) {
                if (identified.containsKey(c)) {
                    sendDispatch(c, type, data);
                }
            }
        }

        void broadcastPayload(JsonNode payload) {
            for (WebSocket c : getConnections()) {
                send(c, payload);
            }
        }

        private void send(WebSocket conn, JsonNode payload) {
            byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
            Deflater deflater = zlib.get(conn);
            if (!conn.isOpen()) {
                return;
            }
            if (deflater == null) {
                conn.send(payload.toString());
                return;
            }
            // zlib-stream: one deflate stream for the connection, each payload ends with a sync flush.
            synchronized (deflater) {
                deflater.setInput(bytes);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                do {
                    n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                    out.write(buf, 0, n);
                } while (n == buf.length);
                conn.send(out.toByteArray());
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            identified.remove(conn);
            Deflater d = zlib.remove(conn);
            if (d != null) {
                d.end();
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // the client reconnects; tests check what arrived
        }
    }

    private void dispatch(String type, JsonNode data) {
        gateway.dispatchAll(type, data);
    }

    // ---- data, as Discord documents it

    private synchronized ObjectNode guildJson() {
        ObjectNode g = JSON.createObjectNode().put("id", str(guildId)).put("name", "Wizard Test Guild")
                .put("owner_id", str(nextOwner())).put("unavailable", false).put("large", false)
                .put("joined_at", Instant.now().toString()).put("preferred_locale", "en-US").put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0);
        g.putNull("icon");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(guildId, "@everyone", 0));
        roles.add(role(botRoleId, "AI Wizard", BOT_PERMISSIONS));
        roles.add(role(adminRoleId, "Wizard Admins", 0));
        ArrayNode chans = g.putArray("channels");
        ArrayNode threads = g.putArray("threads");
        for (ObjectNode c : channels.values()) {
            switch (c.get("type").asInt()) {
                case 0 -> chans.add(c.deepCopy());
                case 11 -> threads.add(c.deepCopy());
                default -> {
                    // DMs are not part of a guild
                }
            }
        }
        ArrayNode members = g.putArray("members");
        users.keySet().forEach(id -> members.add(member(id)));
        g.put("member_count", users.size());
        g.putArray("voice_states");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("guild_scheduled_events");
        g.putArray("presences");
        g.putArray("features");
        g.putArray("stage_instances");
        return g;
    }

    private long nextOwner() {
        return users.keySet().stream().filter(id -> id != botId).findFirst().orElse(botId);
    }

    private static ObjectNode role(long id, String name, long permissions) {
        ObjectNode r = JSON.createObjectNode().put("id", str(id)).put("name", name).put("position", name.equals("@everyone") ? 0 : 1)
                .put("permissions", Long.toString(permissions)).put("managed", false).put("hoist", false)
                .put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color");
        return r;
    }

    private ObjectNode member(long userId) {
        ObjectNode m = JSON.createObjectNode().put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false)
                .put("mute", false).put("flags", 0).put("pending", false);
        m.set("user", users.get(userId).deepCopy());
        ArrayNode roles = m.putArray("roles");
        memberRoles.getOrDefault(userId, List.of()).forEach(r -> roles.add(str(r)));
        m.putNull("premium_since");
        m.putNull("communication_disabled_until");
        return m;
    }

    private static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode().put("id", str(id)).put("username", name.toLowerCase().replace(' ', '_'))
                .put("global_name", name).put("discriminator", "0").put("bot", bot).put("public_flags", 0);
        u.putNull("avatar");
        return u;
    }

    private synchronized ObjectNode channelJson(long id) {
        return channels.get(id).deepCopy();
    }

    private synchronized ObjectNode newMessage(long channel, long userId, String text) {
        ObjectNode c = channels.get(channel);
        if (c == null) {
            throw new IllegalArgumentException("unknown channel " + channel);
        }
        long id = nextId();
        ObjectNode m = JSON.createObjectNode().put("id", str(id)).put("type", 0).put("channel_id", str(channel))
                .put("content", text).put("pinned", false).put("tts", false).put("mention_everyone", false)
                .put("timestamp", Instant.now().toString()).put("flags", 0);
        m.putNull("edited_timestamp");
        m.set("author", users.get(userId).deepCopy());
        ArrayNode mentions = m.putArray("mentions");
        if (text.contains("<@" + botId + ">")) {
            mentions.add(botUser.deepCopy());
        }
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        if (c.get("type").asInt() != 1) {
            m.put("guild_id", str(guildId));
            ObjectNode member = member(userId);
            member.remove("user");
            m.set("member", member);
        }
        messages.computeIfAbsent(channel, k -> new ArrayList<>()).add(m);
        c.put("last_message_id", str(id));
        if (c.has("message_count")) {
            c.put("message_count", c.get("message_count").asInt() + 1);
        }
        return m;
    }

    /** The message as the bot receives it: content only with the intent, a mention, in DMs or its own. */
    private ObjectNode visibleToBot(ObjectNode m) {
        ObjectNode copy = m.deepCopy();
        boolean own = m.get("author").get("id").asText().equals(str(botId));
        boolean mentioned = m.get("content").asText().contains("<@" + botId + ">");
        boolean dm = !m.has("guild_id");
        if (!own && !mentioned && !dm && !messageContentIntent()) {
            copy.put("content", "");
            copy.putArray("embeds");
            copy.putArray("components");
        }
        return copy;
    }

    private synchronized Optional<ObjectNode> message(long channel, long id) {
        return messages.getOrDefault(channel, List.of()).stream().filter(x -> x.get("id").asLong() == id)
                .findFirst();
    }

    private String interact(int type, long channel, long userId, ObjectNode data, ObjectNode message) {
        String id = str(nextId());
        ObjectNode i = JSON.createObjectNode().put("id", id).put("application_id", str(botId)).put("type", type)
                .put("token", token(id)).put("version", 1).put("locale", "en-US").put("channel_id", str(channel))
                .put("app_permissions", Long.toString(BOT_PERMISSIONS));
        ObjectNode c = channelJson(channel);
        i.set("channel", c);
        i.set("data", data);
        i.putArray("entitlements");
        boolean dm = c.get("type").asInt() == 1;
        if (dm) {
            i.put("context", 1);
            i.set("user", users.get(userId).deepCopy());
            i.putObject("authorizing_integration_owners").put("0", str(userId));
        } else {
            i.put("context", 0).put("guild_id", str(guildId)).put("guild_locale", "en-US");
            ObjectNode member = member(userId).put("permissions", "0");
            i.set("member", member);
            i.putObject("guild").put("id", str(guildId)).put("locale", "en-US").putArray("features");
            i.putObject("authorizing_integration_owners").put("0", str(guildId));
        }
        if (message != null) {
            i.set("message", message.deepCopy());
        }
        dispatch("INTERACTION_CREATE", i);
        return id;
    }

    private static String token(String interactionId) {
        return "interaction-token-" + interactionId;
    }

    private long nextId() {
        long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return ids.updateAndGet(prev -> Math.max(prev + 1, now));
    }

    private static String str(long id) {
        return Long.toString(id);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        // Complete the response now: events this call causes are dispatched after the client has its answer.
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
