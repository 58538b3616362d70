package dev.aiwizard.app;

import dev.aiwizard.generator.testing.FakeLlmServer.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model interviewer's answer for the todo idea the end-to-end tests use, as the fake model server sends it: every
 * slot filled (tasks with a title and a done flag, all operations, in memory), nothing left to ask.
 */
final class TodoInterview {
    private TodoInterview() {
    }

    /** The complete todo spec with {@code stack} and delivered to {@code target}. */
    static Reply ready(String stack, String target) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "todo-service");
        a.put("purpose", "people manage tasks");
        a.put("entities", List.of(Map.of("name", "Task", "fields", List.of(Map.of("name", "title", "type", "text"),
                Map.of("name", "done", "type", "boolean")))));
        a.put("operations", List.of("create", "read", "list", "update", "delete"));
        a.put("stack", stack);
        a.put("persistence", "in-memory");
        a.put("target", target);
        a.put("unusable", "");
        a.put("nextSlot", "none");
        a.put("question", "");
        a.put("choices", List.of());
        return Reply.json(a);
    }
}
