package dev.aiwizard.app.slack;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import dev.aiwizard.slack.EventNotKeptException;
import dev.aiwizard.slack.SlackBusyException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slack's Socket Mode for the Bolt app: connects out with the app-level token, runs the app on every envelope and
 * sends its acknowledgement on the socket, timing each envelope from its arrival to its acknowledgement (what
 * {@link SlackEndpoint} times for HTTP). Bolt's {@code SocketModeApp} does this same work but has no place to see an
 * envelope arrive or its acknowledgement leave, so this class does what it does (Bolt's parser, the app, the app's
 * response as the payload or a bare ack) on a socket client that notes when each envelope arrived. As with Bolt's,
 * an envelope the app does not answer 200 (busy, not kept, failed) is not acknowledged, so Slack sends it again.
 */
public final class SlackSocketMode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SlackSocketMode.class.getName());
    /** Envelopes run at once, as many as Bolt's {@code SocketModeApp} runs by default. */
    private static final int CONCURRENCY = 10;

    private final App app;
    private final SlackEndpoint.Acknowledgements acks;
    private final SocketModeRequestParser parser;
    private final Gson gson;
    private final ExecutorService handlers = Executors.newFixedThreadPool(CONCURRENCY,
            Thread.ofPlatform().daemon().name("slack-socket-", 0).factory());
    private final TimedClient client;

    private SlackSocketMode(App app, String appToken, SlackEndpoint.Acknowledgements acks) throws IOException {
        this.app = requireNonNull(app, "app");
        this.acks = requireNonNull(acks, "acks");
        this.parser = new SocketModeRequestParser(app.config());
        this.gson = GsonFactory.createSnakeCase(app.slack().getConfig());
        try {
            this.client = new TimedClient(app.slack(), appToken, app.slack().issueSocketModeUrl(appToken));
        } catch (URISyntaxException e) {
            throw new IOException("Slack handed out a socket URL that is not a URL: " + e.getMessage(), e);
        }
        client.addWebSocketMessageListener(message -> {
            long arrived = client.arrival(message);
            handlers.execute(() -> handle(message, arrived));
        });
    }

    /**
     * Starts {@code app} and connects it to Slack over Socket Mode with {@code appToken}; {@code acks} hears how each
     * envelope was answered (the app's status: 200 acknowledged, 503 refused, 500 failed) and when.
     */
    public static SlackSocketMode connect(App app, String appToken, SlackEndpoint.Acknowledgements acks)
            throws IOException {
        app.start();
        SlackSocketMode socket = new SlackSocketMode(app, appToken, acks);
        socket.client.connect();
        socket.client.setAutoReconnectEnabled(true);
        return socket;
    }

    private void handle(String message, long arrived) {
        SocketModeRequest req = parser.parse(message);
        if (req == null) {
            return;
        }
        int status;
        try {
            Response answer = app.run(req.getBoltRequest());
            status = answer.getStatusCode();
            if (status == 200) {
                acknowledge(req, answer);
            } else {
                LOG.log(System.Logger.Level.WARNING, "a Slack envelope was answered " + status + ", not acknowledged: "
                        + answer.getBody());
            }
        } catch (EventNotKeptException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            status = 503;
        } catch (SlackBusyException e) {
            // The queues refused the work and logged it; Slack sends the envelope again.
            status = 503;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "Slack envelope failed", e);
            status = 500;
        }
        acks.acknowledged(status, Duration.ofNanos(System.nanoTime() - arrived));
    }

    /** The app's answer as the envelope's payload (a slash command's text, a view), or a bare acknowledgement. */
    private void acknowledge(SocketModeRequest req, Response answer) {
        String envelope = req.getEnvelope().getEnvelopeId();
        if (answer.getBody() == null) {
            client.sendSocketModeResponse(new AckResponse(envelope));
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("envelope_id", envelope);
        String type = answer.getContentType();
        response.put("payload", type != null && type.startsWith("application/json")
                ? gson.fromJson(answer.getBody(), JsonElement.class) : Map.of("text", answer.getBody()));
        client.sendSocketModeResponse(gson.toJson(response));
    }

    /** Disconnects: Slack sends what was not acknowledged again (to another replica, or this one restarted). */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing Slack's socket: " + e.getMessage());
        }
        handlers.shutdown();
        app.stop();
    }

    /** Bolt's Java-WebSocket client, noting when each envelope arrived, before it waits for the message processor. */
    private static final class TimedClient extends SocketModeClientJavaWSImpl {
        /** Arrival by message; only envelopes are noted, and only this many wait at once (a flood is not timed). */
        private static final int MAX_WAITING = 10_000;
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

        TimedClient(Slack slack, String appToken, String url) throws URISyntaxException {
            super(slack, appToken, url);
        }

        @Override
        public void enqueueMessage(String message) {
            if (message.contains("\"envelope_id\"") && arrivals.size() < MAX_WAITING) {
                arrivals.put(message, System.nanoTime());
            }
            super.enqueueMessage(message);
        }

        /** When {@code message} arrived; now if it was not noted. */
        long arrival(String message) {
            Long arrived = arrivals.remove(message);
            return arrived == null ? System.nanoTime() : arrived;
        }
    }
}
