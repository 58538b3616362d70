package dev.aiwizard.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.request.JobRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/jobs} read strictly: a JSON object with {@code idea} (text), optional
 * {@code stack}, {@code name}, {@code target} and {@code model} (text or null) and {@code approve} (true or false).
 * A field of the wrong type or one we do not know is an error rather than quietly ignored, so a typo
 * ({@code "aprove": true}) never means a job that was not queued.
 */
final class JobRequestBody {
    private static final Set<String> TEXT = Set.of("idea", "stack", "name", "target", "model");

    private JobRequestBody() {
    }

    /** What reading a body gave: the request, or what is wrong with each field. */
    record Read(JobRequest request, List<Problems.FieldError> errors) {
    }

    static Read read(JsonNode body) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new Problems.FieldError("", "the body must be a JSON object like {\"idea\": \"a todo service\"}"));
            return new Read(null, errors);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (TEXT.contains(f.getKey())) {
                if (!v.isTextual() && !v.isNull()) {
                    errors.add(new Problems.FieldError(f.getKey(), f.getKey() + " must be text, not " + kind(v)));
                }
            } else if (f.getKey().equals("approve")) {
                if (!v.isBoolean() && !v.isNull()) {
                    errors.add(new Problems.FieldError("approve", "approve must be true or false, not " + kind(v)));
                }
            } else {
                errors.add(new Problems.FieldError(f.getKey(), "unknown field '" + f.getKey() + "'; the fields are "
                        + "idea, stack, name, target, model and approve"));
            }
        }
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        return new Read(new JobRequest(text(body, "idea"), text(body, "stack"), text(body, "name"),
                text(body, "target"), text(body, "model"), body.path("approve").asBoolean(false)), List.of());
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING, BINARY -> "text";
            default -> "null";
        };
    }
}
