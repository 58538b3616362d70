package dev.aiwizard.app.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.aiwizard.slack.EventNotKeptException;
import dev.aiwizard.slack.RequestSignature;
import dev.aiwizard.slack.SlackBusyException;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: events, interactivity and slash commands, handed to the Bolt app as Slack sent them.
 * Every request must pass the {@link RequestSignature} check first (signed with the signing secret, timestamped
 * within five minutes either way); anything else gets Bolt's own 401 {@code {"error":"invalid request"}} and never
 * reaches Bolt. The raw body goes to Bolt untouched, since the signature is over those exact bytes. Once the bot
 * {@linkplain #shed() sheds load} (shutting down), every request is answered 503 without reading it: Slack retries
 * events it did not get a 2xx for, and another replica (or this one, restarted) takes them.
 */
public final class SlackEndpoint implements HttpService {
    private static final System.Logger LOG = System.getLogger(SlackEndpoint.class.getName());
    /** Slack's payloads are small; this keeps a flood of large bodies from costing memory. */
    private static final int MAX_BODY = 1024 * 1024;
    private static final HeaderName TIMESTAMP = HeaderNames.create("X-Slack-Request-Timestamp");
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Slack-Signature");

    /** What Bolt answers to a request that fails its signature check; Slack and its tools know this shape. */
    private static final byte[] REFUSED = "{\"error\":\"invalid request\"}".getBytes(StandardCharsets.UTF_8);

    private final App app;
    private final RequestSignature signature;
    private final SlackRequestParser parser;
    private final Acknowledgements acks;
    private volatile boolean shedding;

    /** Told how each request was answered (its status) and how long that took, for metrics. */
    @FunctionalInterface
    public interface Acknowledgements {
        void acknowledged(int status, Duration took);
    }

    public SlackEndpoint(App app, RequestSignature signature) {
        this(app, signature, (status, took) -> { });
    }

    public SlackEndpoint(App app, RequestSignature signature, Acknowledgements acks) {
        this.acks = requireNonNull(acks, "acks");
        this.app = requireNonNull(app, "app");
        this.signature = requireNonNull(signature, "signature");
        this.parser = new SlackRequestParser(app.config());
    }

    /** From now on every request is answered 503, so Slack sends it again later. */
    public void shed() {
        if (!shedding) {
            shedding = true;
            LOG.log(System.Logger.Level.INFO, "shutting down: Slack requests are answered 503 from now on");
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::timed);
    }

    private void timed(ServerRequest req, ServerResponse res) {
        long began = System.nanoTime();
        try {
            handle(req, res);
        } finally {
            acks.acknowledged(res.status().code(), Duration.ofNanos(System.nanoTime() - began));
        }
    }

    private void handle(ServerRequest req, ServerResponse res) {
        if (shedding) {
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "30").send();
            return;
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            res.status(Status.BAD_REQUEST_400).send();
            return;
        }
        if (body.length > MAX_BODY) {
            res.status(Status.REQUEST_ENTITY_TOO_LARGE_413).send();
            return;
        }
        if (!signature.isValid(req.headers().first(TIMESTAMP).orElse(null),
                req.headers().first(SIGNATURE).orElse(null), body)) {
            // Without the headers' values: they are the caller's, and a forged one is nothing to keep.
            LOG.log(System.Logger.Level.INFO, "refused a request to /slack/events: missing, wrong or stale signature "
                    + "(if Slack's own requests are refused, check SLACK_SIGNING_SECRET and this machine's clock)");
            res.status(Status.UNAUTHORIZED_401).header(HeaderNames.CONTENT_TYPE, "application/json").send(REFUSED);
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (Header h : req.headers()) {
            headers.put(h.name(), h.allValues());
        }
        String query = req.query().rawValue();
        Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(req.path().rawPath())
                .queryString(QueryStringParser.toMap(query == null || query.isEmpty() ? null : query))
                .headers(new RequestHeaders(headers))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .remoteAddress(req.remotePeer().host())
                .build());
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (EventNotKeptException e) {
            // Slack retries a 5xx (three times, over about an hour): the event is not lost, only delayed.
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "1").send();
            return;
        } catch (SlackBusyException e) {
            // The queues refused the work and logged it (with counts, rate-limited); Slack will send it again.
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "30").send();
            return;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "Slack request failed", e);
            res.status(Status.INTERNAL_SERVER_ERROR_500).send();
            return;
        }
        res.status(Status.create(answer.getStatusCode()));
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, values) -> res.header(name, values.toArray(String[]::new)));
        }
        if (answer.getContentType() != null) {
            res.header(HeaderNames.CONTENT_TYPE, answer.getContentType());
        }
        String out = answer.getBody();
        if (out == null) {
            res.send();
        } else {
            res.send(out.getBytes(StandardCharsets.UTF_8));
        }
    }
}
