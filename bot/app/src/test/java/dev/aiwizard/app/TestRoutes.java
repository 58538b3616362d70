package dev.aiwizard.app;

import dev.aiwizard.app.api.ApiService;
import dev.aiwizard.app.api.HealthService;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.request.JobRequestService;
import dev.aiwizard.core.request.JobRequestSettings;
import dev.aiwizard.core.testing.MemoryApiTokenStore;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryJobRequestLog;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Parts of {@link HttpRoutes} on in-memory stores, for the tests that route through the bot's one routing. */
public final class TestRoutes {
    /**
     * The operator's API token in tests without a socket: a {@code DirectClient}'s caller is no loopback peer, so
     * only a token lets it in.
     */
    public static final String OPERATOR_TOKEN = "operator-of-the-routing-tests";
    private TestRoutes() {
    }

    /** The job API's use case on these stores: offline, {@code java-rest} only, 10 requests a minute. */
    public static JobRequestService requests(ConversationStore conversations, JobStore jobs) {
        return new JobRequestService(conversations, jobs, new MemoryJobRequestLog(), new MemoryCoordination(),
                new ScriptedInterviewer(), ShippedSettings.conversation(),
                new JobRequestSettings(1000, 10, Duration.ofHours(24), Set.of("java-rest"), "offline"),
                Clock.systemUTC(), () -> { }, Telemetry.NONE);
    }

    /** The API on these parts; {@code operatorToken} empty: direct loopback callers are the operator. */
    public static ApiService.Parts api(ConversationStore conversations, JobStore jobs, JobRequestService requests,
                                       JobFeed feed, String operatorToken) {
        return new ApiService.Parts(conversations, jobs, requests,
                new ApiTokens(new MemoryApiTokenStore(), Clock.systemUTC()), feed, operatorToken,
                Duration.ofSeconds(15));
    }

    /** The API on these stores, its event streams fed by a feed of their own. */
    public static ApiService.Parts api(ConversationStore conversations, JobStore jobs, String operatorToken) {
        return api(conversations, jobs, requests(conversations, jobs),
                new JobFeed(jobs, new JobEvents(), Duration.ofSeconds(1)), operatorToken);
    }

    /**
     * The bot's routes, loopback callers as the operator, on {@code jobs}; their event streams follow what
     * {@code events} tells of them.
     */
    public static void routing(HttpRouting.Builder routing, JobStore jobs, JobEvents events) {
        MemoryConversationStore conversations = new MemoryConversationStore();
        HttpRoutes.builder(health(), api(conversations, jobs, requests(conversations, jobs),
                new JobFeed(jobs, events, Duration.ofMinutes(1)), "")).build().routing(routing);
    }

    /** {@code method path} with {@code headers} (name, value, name, value…), its body read as text. */
    public static ClientResponseTyped<String> send(Http1Client client, String method, String path,
                                                   String... headers) {
        Http1ClientRequest req = client.method(Method.create(method)).path(path);
        for (int i = 0; i < headers.length; i += 2) {
            req.header(HeaderNames.create(headers[i]), headers[i + 1]);
        }
        return req.request(String.class);
    }

    /** {@code Authorization} with {@link #OPERATOR_TOKEN}, as {@link #send} takes headers. */
    public static String[] asOperator() {
        return new String[] {"Authorization", "Bearer " + OPERATOR_TOKEN};
    }

    /** Health without readiness checks: always up. */
    public static HealthService health() {
        return new HealthService(List.of(), "");
    }
}
