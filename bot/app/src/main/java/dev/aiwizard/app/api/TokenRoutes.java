package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.chat.UserRef;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /tokens}: personal API tokens. A person lists, makes and revokes their own; the operator everyone's, and
 * makes them for people ({@code "user": "alice"}). The token itself is in the answer that made it, and nowhere else.
 */
final class TokenRoutes {
    private static final Set<String> FIELDS = Set.of("name", "user");

    private final ApiTokens tokens;

    TokenRoutes(ApiTokens tokens) {
        this.tokens = requireNonNull(tokens, "tokens");
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.GET, "/tokens", this::list),
                new ApiRoute(Method.POST, "/tokens", this::create),
                new ApiRoute(Method.DELETE, "/tokens/{id}", this::revoke));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Json.send(res, Map.of("tokens", tokens.list(Bodies.caller(req)).stream().map(Views::token).toList()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Optional<JsonNode> body = Bodies.json(req, res);
        if (body.isEmpty()) {
            return;
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        if (!body.get().isObject()) {
            errors.add(new Problems.FieldError("", "the body must be a JSON object like {\"name\": \"laptop\"}"));
        } else {
            body.get().fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    errors.add(new Problems.FieldError(f, "unknown field '" + f + "'; the fields are name and user"));
                } else if (!body.get().get(f).isTextual()) {
                    errors.add(new Problems.FieldError(f, f + " must be text"));
                }
            });
        }
        if (!errors.isEmpty()) {
            Problems.invalid(res, errors);
            return;
        }
        String user = body.get().path("user").asText(null);
        switch (tokens.issue(Bodies.caller(req), user == null ? null : new UserRef(user, user),
                body.get().path("name").asText(null))) {
            case ApiTokens.Issue.Issued issued -> {
                Map<String, Object> m = new LinkedHashMap<>(Views.token(issued.token()));
                m.put("token", issued.secret());
                m.put("note", "This is the only time the token is shown; keep it like a password.");
                res.header(HeaderNames.LOCATION, ApiService.BASE + "/tokens/" + issued.token().id());
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
                Json.send(res, Status.CREATED_201, m);
            }
            case ApiTokens.Issue.Invalid invalid -> Problems.invalid(res,
                    List.of(new Problems.FieldError(invalid.field(), invalid.detail())));
            case ApiTokens.Issue.NotAllowed no -> Problems.send(res, Status.FORBIDDEN_403, "forbidden", no.detail());
        }
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (tokens.revoke(Bodies.caller(req), id).isEmpty()) {
            Problems.send(res, Status.NOT_FOUND_404, "not_found", "No token " + id + " of yours.");
            return;
        }
        res.status(Status.NO_CONTENT_204).send();
    }
}
