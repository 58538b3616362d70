package dev.aiwizard.app.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error of the API as an RFC 9457 problem document ({@code application/problem+json}): {@code type}
 * ({@code about:blank}: the status says what kind), {@code title} (the status phrase), {@code status},
 * {@code detail} (what happened, for a person), and two members of our own: {@code code}, stable for programs
 * ({@code invalid_request}, {@code not_found} …), and for a request that cannot be used, {@code errors}: one entry per
 * field, with the field's name, a JSON pointer to it and what is wrong.
 */
public final class Problems {
    /** The problem document's media type (RFC 9457). */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** One unusable field of a request body. */
    public record FieldError(String field, String detail) {
    }

    /** Answers {@code status} with a problem of kind {@code code} and {@code detail}. */
    public static void send(ServerResponse res, Status status, String code, String detail) {
        send(res, status, code, detail, List.of());
    }

    /** Answers {@code 400}: the request cannot be used, for the reasons given field by field. */
    public static void invalid(ServerResponse res, List<FieldError> errors) {
        send(res, Status.BAD_REQUEST_400, "invalid_request", errors.size() == 1 ? errors.getFirst().detail()
                : errors.size() + " fields cannot be used; see errors.", errors);
    }

    /** Answers {@code status} with a problem of kind {@code code}, listing what is wrong with each field. */
    public static void send(ServerResponse res, Status status, String code, String detail, List<FieldError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", detail);
        problem.put("code", code);
        if (!errors.isEmpty()) {
            problem.put("errors", errors.stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", e.field());
                m.put("pointer", e.field().isEmpty() ? "" : "/" + e.field());
                m.put("detail", e.detail());
                return m;
            }).toList());
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(res, status, MEDIA_TYPE, problem);
    }
}
