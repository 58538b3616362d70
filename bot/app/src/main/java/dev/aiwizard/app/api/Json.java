package dev.aiwizard.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aiwizard.core.WizardException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes answers as JSON. The API's errors are {@link Problems}; {@link #error} is the older shape
 * ({@code {"error":{"status","code","message"}}}) the GitHub webhook endpoint still answers with.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    public static void send(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    public static void send(ServerResponse res, Status status, Object body) {
        send(res, status, "application/json", body);
    }

    /** Answers {@code status} with {@code body} as JSON of the media type {@code contentType}. */
    public static void send(ServerResponse res, Status status, String contentType, Object body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, contentType).send(bytes(body));
    }

    /** {@code body} as JSON. */
    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new WizardException("could not write JSON", e);
        }
    }

    /** The JSON document in {@code body}; empty when it is not JSON. */
    static Optional<JsonNode> read(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static void error(ServerResponse res, Status status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status.code());
        error.put("code", code);
        error.put("message", message);
        send(res, status, Map.of("error", error));
    }
}
