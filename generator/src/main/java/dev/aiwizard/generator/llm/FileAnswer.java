package dev.aiwizard.generator.llm;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/** The coder's answer: one file's path and full content. */
record FileAnswer(String path, String content) {
    static final String SHAPE = "{\"path\": \"the path asked for\", \"content\": \"the full file content\"}";

    static JsonObjectSchema schema() {
        return JsonObjectSchema.builder()
                .addProperty("path", JsonStringSchema.builder().build())
                .addProperty("content", JsonStringSchema.builder().build())
                .required("path", "content")
                .additionalProperties(false)
                .build();
    }
}
