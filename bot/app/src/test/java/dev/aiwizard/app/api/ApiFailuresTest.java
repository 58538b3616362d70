package dev.aiwizard.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.HttpRoutes;
import dev.aiwizard.app.TestRoutes;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the API answers when what it stands on fails: still a problem document, and never a stack trace. */
@RoutingTest
class ApiFailuresTest {
    private final DirectClient client;

    ApiFailuresTest(DirectClient client) {
        this.client = client;
    }

    /** {@code real}, except that {@code failing} throws {@code failure} (a store's outage, or a bug). */
    @SuppressWarnings("unchecked")
    private static <T> T failing(Class<T> port, T real, String failing, RuntimeException failure) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getName().equals(failing)) {
                throw failure;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        MemoryJobStore jobs = new MemoryJobStore();
        ConversationStore broken = failing(ConversationStore.class, new MemoryConversationStore(), "list",
                new IllegalStateException("a bug"));
        JobStore down = failing(JobStore.class, jobs, "find", new StorageException("Could not look up a job: the "
                + "database cannot be reached", null));
        HttpRoutes.builder(TestRoutes.health(), TestRoutes.api(broken, down, TestRoutes.requests(broken, jobs),
                new JobFeed(down, new JobEvents(), Duration.ofSeconds(1)), TestRoutes.OPERATOR_TOKEN)).build().routing(routing);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() throws Exception {
        ClientResponseTyped<String> res = TestRoutes.send(client, "GET", "/api/v1/jobs/j-abcd1234",
                TestRoutes.asOperator());

        assertEquals(503, res.status().code());
        assertEquals("5", res.headers().get(HeaderNames.RETRY_AFTER).get());
        JsonNode problem = new ObjectMapper().readTree(res.entity());
        assertEquals("unavailable", problem.get("code").asText());
        assertFalse(res.entity().contains("cannot be reached"), "the store's words stay in the log: " + res.entity());
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsStackTrace() throws Exception {
        ClientResponseTyped<String> res = TestRoutes.send(client, "GET", "/api/v1/conversations",
                TestRoutes.asOperator());

        assertEquals(500, res.status().code());
        assertEquals("application/problem+json", res.headers().get(HeaderNames.CONTENT_TYPE).get());
        assertEquals("internal_error", new ObjectMapper().readTree(res.entity()).get("code").asText());
        assertTrue(!res.entity().contains("a bug") && !res.entity().contains("at dev.aiwizard"), res.entity());
    }
}
