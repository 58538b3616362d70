package dev.aiwizard.generator.llm;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.function.Function;

/**
 * One question to a model whose answer must be a JSON object: the schema (sent as the response format where the
 * provider takes one), the same shape in words for the prompt, the record to read it into, and a check of the
 * content that returns why an answer cannot be used ({@code null} when it can).
 */
record StructuredAsk<T>(Role role, String system, String user, String schemaName, JsonObjectSchema schema,
                        String shape, Class<T> type, Function<T, String> check) {
    StructuredAsk {
        requireNonNull(role, "role");
        requireNonNull(system, "system");
        requireNonNull(user, "user");
        requireNonNull(schemaName, "schemaName");
        requireNonNull(schema, "schema");
        requireNonNull(shape, "shape");
        requireNonNull(type, "type");
        requireNonNull(check, "check");
    }
}
