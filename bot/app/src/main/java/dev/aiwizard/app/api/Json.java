package dev.aiwizard.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aiwizard.core.WizardException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes API answers and errors as JSON; every error has the shape {@code {"error":{"status","code","message"}}}. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    public static void send(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    public static void send(ServerResponse res, Status status, Object body) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(body);
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(bytes);
        } catch (JsonProcessingException e) {
            throw new WizardException("could not write JSON", e);
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
