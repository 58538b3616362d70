package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.access.Principal;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.request.JobRequestService;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The REST API under {@code /api/v1}, documented in {@code /openapi}: job requests and their jobs (state, events,
 * files, zip), conversations (and approving the API's drafts), personal API tokens. Every request passes
 * {@link ApiAccess} first; every error is a {@link Problems problem document}.
 */
public final class ApiService implements HttpService {
    private static final System.Logger LOG = System.getLogger(ApiService.class.getName());
    /** Where the API is mounted; links in answers start with it. */
    public static final String BASE = "/api/v1";

    /**
     * What the API serves from: the stores, the use cases, the job feed, the operator's token ({@code ""}: direct
     * loopback callers are the operator) and how often a quiet event stream sends a keep-alive.
     */
    public record Parts(ConversationStore conversations, JobStore jobs, JobRequestService requests, ApiTokens tokens,
                        JobFeed feed, String operatorToken, Duration keepAlive) {
        public Parts {
            requireNonNull(conversations, "conversations");
            requireNonNull(jobs, "jobs");
            requireNonNull(requests, "requests");
            requireNonNull(tokens, "tokens");
            requireNonNull(feed, "feed");
            requireNonNull(operatorToken, "operatorToken");
            requireNonNull(keepAlive, "keepAlive");
        }
    }

    private final ApiAccess access;
    private final List<ApiRoute> routes;

    public ApiService(Parts parts) {
        this.access = new ApiAccess(parts.operatorToken(), parts.tokens()::recognise);
        this.routes = Stream.of(
                new JobRoutes(parts.jobs(), parts.requests(), parts.feed(), parts.keepAlive()).routes(),
                new ConversationRoutes(parts.conversations(), parts.jobs(), parts.requests()).routes(),
                new TokenRoutes(parts.tokens()).routes()).flatMap(List::stream).toList();
    }

    /** Every operation of the API, as registered; the OpenAPI document must list exactly these. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /**
     * Runs {@code route}'s handler; what it did not expect still gets a problem document (when nothing was sent yet):
     * {@code 503} while the database does not answer (the same request may work in a moment), else {@code 500}.
     */
    private static void guarded(ApiRoute route, ServerRequest req, ServerResponse res) throws Exception {
        try {
            route.handler().handle(req, res);
        } catch (StorageException e) {
            LOG.log(System.Logger.Level.WARNING, route.method().text() + " " + BASE + route.path() + ": "
                    + e.getMessage());
            if (!res.isSent()) {
                res.header(HeaderNames.RETRY_AFTER, "5");
                Problems.send(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", "The database did not answer; "
                        + "nothing was done. Try again in a moment.");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, route.method().text() + " " + BASE + route.path() + " failed", e);
            if (!res.isSent()) {
                Problems.send(res, Status.INTERNAL_SERVER_ERROR_500, "internal_error", "Something went wrong on "
                        + "our side (" + e.getClass().getSimpleName() + "); the bot's log has the details.");
            }
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any((req, res) -> {
            Optional<Principal> caller = access.caller(req, res);
            if (caller.isPresent()) {
                req.context().register(caller.get());
                res.next();
            }
        });
        for (ApiRoute r : routes) {
            rules.route(r.method(), r.path(), (req, res) -> guarded(r, req, res));
        }
        rules.any((req, res) -> Problems.send(res, Status.NOT_FOUND_404, "not_found",
                "No API operation " + req.prologue().method().text() + " " + req.path().absolute().path()
                        + "; see /openapi."));
    }
}
