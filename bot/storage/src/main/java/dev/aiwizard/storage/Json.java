package dev.aiwizard.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiwizard.core.StorageException;

/** The JSON form of the core records kept as documents (spec, pending question, status message). */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Records also have derived "isXxx()" answers (Spec.isComplete); only their components are data.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // A newer replica may have stored a field this one does not know yet; reading must not fail on it.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** {@code value} as JSON; {@code null} stays {@code null}. */
    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("Could not write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The {@code type} held in {@code json}; {@code null} stays {@code null}. */
    static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("Stored JSON is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
