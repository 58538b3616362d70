package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The prose and examples of every stack's README and API docs that depend on the spec. */
final class ApiDocs {
    private ApiDocs() {
    }

    /** "create, read, list" in their natural order. */
    static String operations(Spec spec) {
        return String.join(", ", operationNames(spec));
    }

    /** "create, read, list, update and delete records of each entity". */
    static String operationsSentence(Spec spec) {
        List<String> ops = operationNames(spec);
        String list = ops.size() == 1 ? ops.getFirst()
                : String.join(", ", ops.subList(0, ops.size() - 1)) + " and " + ops.getLast();
        return list + " records of each entity";
    }

    /** curl commands that try the first entity's endpoints on a server at {@code port}. */
    static String curl(EntityModel e, int port, Set<String> flags, List<String> sampleMembers) {
        String base = "http://localhost:" + port + "/" + e.path();
        List<String> lines = new ArrayList<>();
        if (flags.contains("create")) {
            lines.add("curl -i -X POST " + base + " -H 'Content-Type: application/json' -d '{"
                    + String.join(", ", sampleMembers) + "}'");
        }
        if (flags.contains("list")) {
            lines.add("curl -i " + base);
        }
        if (flags.contains("read")) {
            lines.add("curl -i " + base + "/1");
        }
        if (lines.isEmpty()) {
            lines.add("curl -i -X DELETE " + base + "/1");
        }
        return String.join("\n", lines);
    }

    /** The 400 body for an empty object sent as the first entity. */
    static String errorExample(EntityModel e) {
        String detail = e.fields().isEmpty() ? "the request body is not valid JSON" : "'" + e.fields().getFirst().json() + "' is required";
        return "{\"error\": \"invalid " + e.words() + "\", \"details\": [\"" + detail + "\"]}";
    }

    /** The 404 body for an id that names no record of the first entity. */
    static String notFoundExample(EntityModel e) {
        return "{\"error\": \"no " + e.words() + " with id 42\"}";
    }

    /** A field's type in docs/api.md with what it must be: "string, one of `low`, `high`", "whole number, from 1 to 5". */
    static String fieldType(String typeDoc, EntityModel e, EntityModel.FieldModel f, Relations relations) {
        String target = f.field().isReference() ? String.join(" ",
                dev.aiwizard.generator.text.Inflector.camelWords(f.field().references())).toLowerCase(Locale.ROOT) : "";
        String rule = FieldRules.describe(f, relations.isChecked(e, f), target);
        return rule.isEmpty() ? typeDoc : typeDoc + ", " + rule;
    }

    /**
     * {@code nestedDocs}: a section per listing under this entity ({@code GET /tickets/1/comments});
     * {@code referenceError}: the 422 answer for a reference that names nothing stored.
     */
    static void relationDocs(Map<String, String> v, EntityModel e, Relations relations) {
        List<String> nested = new ArrayList<>();
        for (Relations.Reference r : relations.children(e)) {
            nested.add("### List the " + r.owner().pluralWords() + " of a " + e.words() + "\n\n```http\nGET /" + e.path()
                    + "/1/" + r.owner().path() + "\n```\n\n`200 OK` with the " + r.owner().pluralWords() + " whose `"
                    + r.field().json() + "` is 1, oldest first (the same objects as `GET /" + r.owner().path()
                    + "`); `404 Not Found` when no " + e.words() + " has that id.");
        }
        v.put("nestedDocs", String.join("\n\n", nested));
        List<Relations.Reference> refs = relations.of(e);
        String example = refs.isEmpty() ? "" : "{\"error\": \"invalid " + e.words() + "\", \"details\": [\"'"
                + refs.getFirst().field().json() + "' names no " + refs.getFirst().target().words() + " with id 42\"]}";
        v.put("referenceError", example);
        v.put("referenceFields", String.join(", ", refs.stream().map(r -> "`" + r.field().json() + "`").toList()));
    }

    private static List<String> operationNames(Spec spec) {
        return spec.orderedOperations().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
    }
}
