package dev.aiwizard.app.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.aiwizard.slack.SlackBusyException;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: events, interactivity and slash commands, handed to the Bolt app as Slack sent them.
 * The raw body goes to Bolt untouched, since the signature is over those exact bytes; Bolt answers 401 to a bad,
 * missing or stale signature before any handler runs. Once the bot {@linkplain #shed() sheds load} (shutting down),
 * every request is answered 503 without reading it: Slack retries events it did not get a 2xx for, and another replica
 * (or this one, restarted) takes them.
 */
public final class SlackEndpoint implements HttpService {
    private static final System.Logger LOG = System.getLogger(SlackEndpoint.class.getName());
    /** Slack's payloads are small; this keeps a flood of large bodies from costing memory. */
    private static final int MAX_BODY = 1024 * 1024;

    private final App app;
    private final SlackRequestParser parser;
    private volatile boolean shedding;

    public SlackEndpoint(App app) {
        this.app = requireNonNull(app, "app");
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
        rules.post("/", this::handle);
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
