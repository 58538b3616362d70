package dev.aiwizard.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.access.Principal;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What handlers read from a request: who is calling (set by the API's access check) and a JSON body. */
final class Bodies {
    /** The largest body the API reads; a job request is an idea of at most a few thousand characters. */
    static final int MAX_BODY = 64 * 1024;

    private Bodies() {
    }

    /** The caller the access check let in. */
    static Principal caller(ServerRequest req) {
        return req.context().get(Principal.class)
                .orElseThrow(() -> new IllegalStateException("the API's access check did not run"));
    }

    /**
     * The request's JSON body; empty, having answered {@code 415} (another media type), {@code 413} (too large) or
     * {@code 400} (not JSON).
     */
    static Optional<JsonNode> json(ServerRequest req, ServerResponse res) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json")
                .toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") && !type.matches("application/[a-z0-9.+-]*\\+json.*")) {
            Problems.send(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "Send the body as JSON with Content-Type: application/json, not " + type + ".");
            return Optional.empty();
        }
        if (req.headers().contentLength().orElse(0) > MAX_BODY) {
            Problems.send(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "The body is larger than "
                    + MAX_BODY / 1024 + " KiB.");
            return Optional.empty();
        }
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (body.length > MAX_BODY) {
            Problems.send(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "The body is larger than "
                    + MAX_BODY / 1024 + " KiB.");
            return Optional.empty();
        }
        Optional<JsonNode> node = Json.read(body);
        if (node.isEmpty()) {
            Problems.send(res, Status.BAD_REQUEST_400, "invalid_json", body.length == 0 ? "The body is empty; send "
                    + "a JSON object." : "The body is not valid JSON.", List.of(
                    new Problems.FieldError("", body.length == 0 ? "empty body" : "not valid JSON")));
        }
        return node;
    }
}
