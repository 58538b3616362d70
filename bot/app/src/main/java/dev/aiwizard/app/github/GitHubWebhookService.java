package dev.aiwizard.app.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.api.Json;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboxReplayer;
import dev.aiwizard.core.chat.Intake;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /webhooks/github}: checks the signature, drops deliveries already handled ({@code X-GitHub-Delivery}:
 * the coordination store first, then the database, as chat events), keeps the delivery in the inbox, answers 202 at
 * once (GitHub gives up after ten seconds) and hands the event to the review loop on another thread. A delivery counts
 * as handled only once the review loop's writes are stored; one that failed, or whose replica died, is tried again
 * from the inbox. When the delivery cannot be kept, GitHub is answered 503, which its delivery log shows as failed
 * and offers to redeliver, rather than a 202 followed by nothing.
 */
public final class GitHubWebhookService implements HttpService, InboxReplayer {
    private static final System.Logger LOG = System.getLogger(GitHubWebhookService.class.getName());
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Hub-Signature-256");
    private static final HeaderName EVENT = HeaderNames.create("X-GitHub-Event");
    private static final HeaderName DELIVERY = HeaderNames.create("X-GitHub-Delivery");
    /** GitHub caps payloads at 25 MB; the events the bot reads are a few KB. */
    private static final int MAX_BODY = 5 * 1024 * 1024;
    private static final Duration SEEN_FOR = Duration.ofDays(3);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The platform name of webhook deliveries in the inbox. */
    static final String PLATFORM = "github";

    private final WebhookSignature signature;
    private final Coordination coordination;
    private final ConversationStore store;
    private final ReviewLoop loop;
    private final Intake intake;
    private final Executor executor;
    private final Clock clock;

    GitHubWebhookService(String secret, Coordination coordination, ConversationStore store, ReviewLoop loop,
                         Intake intake, Executor executor, Clock clock) {
        this.signature = new WebhookSignature(secret);
        this.coordination = requireNonNull(coordination, "coordination");
        this.store = requireNonNull(store, "store");
        this.loop = requireNonNull(loop, "loop");
        this.intake = requireNonNull(intake, "intake");
        this.executor = requireNonNull(executor, "executor");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * The endpoint for {@code secret}; events about conversations in {@code conversations} go to {@code service}
     * through {@code executor}, with {@code reviews} to check who may ask for changes.
     */
    public static GitHubWebhookService create(String secret, Coordination coordination,
                                              ConversationStore conversations,
                                              dev.aiwizard.core.conversation.ConversationService service,
                                              dev.aiwizard.git.GitHubReviews reviews, String mention,
                                              Intake intake, Executor executor, Clock clock) {
        return new GitHubWebhookService(secret, coordination, conversations,
                new ReviewLoop(conversations, service, reviews, mention), intake, executor, clock);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public void replay(InboundEvent event) {
        JsonNode payload;
        try {
            payload = MAPPER.readTree(event.field("payload"));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stored webhook delivery " + event.key() + " is unreadable; dropped");
            intake.finished(event.key(), true);
            return;
        }
        executor.execute(() -> process(event.field("event"), event.field("delivery"), payload, event.key()));
    }

    private void process(String event, String delivery, JsonNode payload, String key) {
        boolean ok = loop.handle(event, delivery, payload, key);
        if (ok) {
            try {
                // Deliveries that changed nothing are recorded here; those that did were recorded with their writes.
                store.recordEvent(key);
                coordination.firstSeen(key, SEEN_FOR);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not record webhook delivery " + delivery + ": "
                        + e.getMessage());
            }
        }
        intake.finished(key, ok);
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
        String key = InboundEvent.key(PLATFORM, delivery);
        try {
            // The coordination store answers fast (and for every replica); the database remembers for good, so a
            // redelivery after Redis forgot (or after a restart without Redis) is still handled once.
            if (coordination.seen(key) || store.eventHandled(key)) {
                Json.send(res, Status.OK_200, Map.of("status", "duplicate"));
                return;
            }
            if (!intake.accept(new InboundEvent(key, PLATFORM, Map.of("event", event, "delivery", delivery,
                    "payload", new String(body, StandardCharsets.UTF_8)), clock.instant()))) {
                // Kept already and being handled: a redelivery that came before the first was done.
                Json.send(res, Status.OK_200, Map.of("status", "duplicate"));
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not keep webhook delivery " + delivery + "; answering 503 so "
                    + "it can be redelivered: " + e.getMessage());
            Json.error(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", "The delivery could not be stored; "
                    + "redeliver it later.");
            return;
        }
        try {
            executor.execute(() -> process(event, delivery, payload, key));
        } catch (RejectedExecutionException e) {
            // Kept in the inbox: another replica (or this one, after a restart) handles it.
            intake.finished(key, false);
        }
        Json.send(res, Status.ACCEPTED_202, Map.of("status", "accepted"));
    }
}
