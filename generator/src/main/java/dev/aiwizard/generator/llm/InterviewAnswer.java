package dev.aiwizard.generator.llm;

import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The interviewer model's answer: the whole spec as it stands after the message (empty text for what is still
 * unknown), what of the message could not be used, and the one question worth asking next.
 */
record InterviewAnswer(String name, String purpose, List<EntityAnswer> entities, List<String> operations,
                       String stack, String persistence, String target, String unusable, String nextSlot,
                       String question, List<String> choices) {
    InterviewAnswer {
        entities = entities == null ? List.of() : entities;
        operations = operations == null ? List.of() : operations;
        choices = choices == null ? List.of() : choices;
    }

    record EntityAnswer(String name, List<FieldAnswer> fields) {
        EntityAnswer {
            fields = fields == null ? List.of() : fields;
        }
    }

    record FieldAnswer(String name, String type) {
    }

    static final String NONE = "none";

    static final String SHAPE = """
            {"name": "kebab-case-name or empty", "purpose": "one sentence or empty",
             "entities": [{"name": "UpperCamel", "fields": [{"name": "lowerCamel", "type": "text|integer|decimal|boolean|date|timestamp"}]}],
             "operations": ["create", "read", "list", "update", "delete"],
             "stack": "a stack id or empty", "persistence": "an option of the stack or empty",
             "target": "local, a git URL, or empty", "unusable": "what of the message could not be used, or empty",
             "nextSlot": "entities|fields|operations|name|stack|persistence|target|purpose|none",
             "question": "the question to ask, or empty", "choices": ["up to 5 short suggested answers"]}""";

    static JsonObjectSchema schema(List<String> stacks) {
        List<String> types = Arrays.stream(FieldType.values()).map(FieldType::label).toList();
        List<String> ops = Arrays.stream(Operation.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
        List<String> slots = new ArrayList<>(Arrays.stream(Slot.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        slots.add(NONE);
        List<String> stackValues = new ArrayList<>(stacks);
        stackValues.add("");
        JsonObjectSchema field = JsonObjectSchema.builder()
                .addStringProperty("name")
                .addProperty("type", JsonEnumSchema.builder().enumValues(types).build())
                .required("name", "type").additionalProperties(false).build();
        JsonObjectSchema entity = JsonObjectSchema.builder()
                .addStringProperty("name")
                .addProperty("fields", JsonArraySchema.builder().items(field).build())
                .required("name", "fields").additionalProperties(false).build();
        return JsonObjectSchema.builder()
                .addStringProperty("name")
                .addStringProperty("purpose")
                .addProperty("entities", JsonArraySchema.builder().items(entity).build())
                .addProperty("operations", JsonArraySchema.builder()
                        .items(JsonEnumSchema.builder().enumValues(ops).build()).build())
                .addProperty("stack", JsonEnumSchema.builder().enumValues(stackValues).build())
                .addStringProperty("persistence")
                .addStringProperty("target")
                .addStringProperty("unusable")
                .addProperty("nextSlot", JsonEnumSchema.builder().enumValues(slots).build())
                .addStringProperty("question")
                .addProperty("choices", JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build())
                .required("name", "purpose", "entities", "operations", "stack", "persistence", "target", "unusable",
                        "nextSlot", "question", "choices")
                .additionalProperties(false)
                .build();
    }
}
