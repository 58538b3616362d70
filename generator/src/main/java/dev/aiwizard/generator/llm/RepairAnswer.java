package dev.aiwizard.generator.llm;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;

/** The repairer's answer: the full new content of each file it had to change, and nothing else. */
record RepairAnswer(List<FileAnswer> files) {
    static final String SHAPE = "{\"files\": [{\"path\": \"a project file's path\", \"content\": \"its full new "
            + "content\"}]}";

    static JsonObjectSchema schema() {
        return JsonObjectSchema.builder()
                .addProperty("files", JsonArraySchema.builder().items(FileAnswer.schema()).build())
                .required("files")
                .additionalProperties(false)
                .build();
    }
}
