package dev.aiwizard.app.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.api.Json;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.coordination.Coordination;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /webhooks/github}: checks the signature, drops deliveries already seen ({@code X-GitHub-Delivery}: in
 * the coordination store first, then for good in the database, as chat events are), answers at once (GitHub gives up
 * after ten seconds) and hands the event to the review loop on another thread.
 */
public final class GitHubWebhookService implements HttpService {
    private static final System.Logger LOG = System.getLogger(GitHubWebhookService.class.getName());
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Hub-Signature-256");
    private static final HeaderName EVENT = HeaderNames.create("X-GitHub-Event");
    private static final HeaderName DELIVERY = HeaderNames.create("X-GitHub-Delivery");
    /** GitHub caps payloads at 25 MB; the events the bot reads are a few KB. */
    private static final int MAX_BODY = 5 * 1024 * 1024;
    private static final Duration SEEN_FOR = Duration.ofDays(3);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebhookSignature signature;
    private final Coordination coordination;
    private final ConversationStore store;
    private final ReviewLoop loop;
    private final Executor executor;

    GitHubWebhookService(String secret, Coordination coordination, ConversationStore store, ReviewLoop loop,
                         Executor executor) {
        this.signature = new WebhookSignature(secret);
        this.coordination = requireNonNull(coordination, "coordination");
        this.store = requireNonNull(store, "store");
        this.loop = requireNonNull(loop, "loop");
        this.executor = requireNonNull(executor, "executor");
    }

    /**
     * The endpoint for {@code secret}; events about conversations in {@code conversations} go to {@code service}
     * through {@code executor}, with {@code reviews} to check who may ask for changes.
     */
    public static GitHubWebhookService create(String secret, Coordination coordination,
                                              ConversationStore conversations,
                                              dev.aiwizard.core.conversation.ConversationService service,
                                              dev.aiwizard.git.GitHubReviews reviews, String mention,
                                              Executor executor) {
        return new GitHubWebhookService(secret, coordination, conversations,
                new ReviewLoop(conversations, service, reviews, mention), executor);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::receive);
    }

    private void receive(ServerRequest req, ServerResponse res) {
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            Json.error(res, Status.BAD_REQUEST_400, "bad_request", "Could not read the body.");
            return;
        }
        if (body.length > MAX_BODY) {
            Json.error(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "The payload is too large.");
            return;
        }
        String sig = req.headers().first(SIGNATURE).orElse(null);
        if (!signature.verifies(body, sig)) {
            LOG.log(System.Logger.Level.WARNING, "webhook refused: {0} signature", sig == null ? "missing" : "bad");
            Json.error(res, Status.UNAUTHORIZED_401, "bad_signature", sig == null
                    ? "X-Hub-Signature-256 is missing." : "X-Hub-Signature-256 does not match the body.");
            return;
        }
        String event = req.headers().first(EVENT).orElse("");
        String delivery = req.headers().first(DELIVERY).orElse("");
        if (event.isBlank() || delivery.isBlank() || delivery.length() > 100) {
            Json.error(res, Status.BAD_REQUEST_400, "bad_request", "X-GitHub-Event and X-GitHub-Delivery are needed.");
            return;
        }
        JsonNode payload;
        try {
            payload = MAPPER.readTree(body);
        } catch (IOException e) {
            Json.error(res, Status.BAD_REQUEST_400, "bad_request", "The body is not JSON.");
            return;
        }
        String key = "github-delivery:" + delivery;
        // The coordination store answers fast (and for every replica); the database remembers for good, so a
        // redelivery after Redis forgot (or after a restart without Redis) is still handled once.
        if (!coordination.firstSeen(key, SEEN_FOR) || !store.recordEvent(key)) {
            Json.send(res, Status.OK_200, Map.of("status", "duplicate"));
            return;
        }
        try {
            executor.execute(() -> loop.handle(event, delivery, payload));
        } catch (RejectedExecutionException e) {
            Json.error(res, Status.SERVICE_UNAVAILABLE_503, "shutting_down", "The bot is shutting down.");
            return;
        }
        Json.send(res, Status.ACCEPTED_202, Map.of("status", "accepted"));
    }
}
