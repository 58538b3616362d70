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

    /** "create, read, list" for one entity's operation flags, in their natural order. */
    static String operations(Set<String> flags) {
        return String.join(", ", java.util.Arrays.stream(dev.aiwizard.core.spec.Operation.values())
                .map(o -> o.name().toLowerCase(Locale.ROOT)).filter(flags::contains).toList());
    }

    /**
     * "create, read, list, update and delete records of each entity", and which entities are read-only: "; tickets
     * are read-only: clients can only read and list them".
     */
    static String operationsSentence(Spec spec, List<EntityModel> entities) {
        String sentence = words(operationNames(spec)) + " records of each entity";
        List<String> locked = entities.stream().filter(e -> e.entity().readOnly()).map(EntityModel::pluralWords).toList();
        if (locked.isEmpty()) {
            return sentence;
        }
        return sentence + "; " + words(locked) + " are"
                + " read-only: clients cannot create, update or delete them";
    }

    /** Why the server starts with example records: which entities clients cannot create, and what they refer to. */
    static String seededSentence(List<EntityModel> entities, List<EntityModel> seeded,
                                 java.util.function.Function<EntityModel, Set<String>> opsOf) {
        List<EntityModel> closed = seeded.stream().filter(e -> !opsOf.apply(e).contains("create")).toList();
        if (closed.isEmpty()) {
            return "";
        }
        if (closed.size() == entities.size()) {
            return "Clients cannot create records through this API, so the server starts with one example of each entity.";
        }
        List<String> referenced = seeded.stream().filter(e -> !closed.contains(e)).map(EntityModel::words).toList();
        return "Clients cannot create " + words(closed.stream().map(EntityModel::pluralWords).toList())
                + " through this API, so the server starts with one example of each"
                + (referenced.isEmpty() ? "" : " (and the " + words(referenced) + " " + (closed.size() == 1 ? "it refers" : "they refer")
                + " to)") + ".";
    }

    private static String words(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : items.size() == 1 ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
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
        String doc = rule.isEmpty() ? typeDoc : typeDoc + ", " + rule;
        return f.field().readOnly() ? doc + ", read-only: set on create; an update that changes it is refused (422)" : doc;
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

    /** {@code readOnlyFields} and {@code readOnlyError}: the 422 answer to an update that changes a read-only field. */
    static void readOnlyDocs(Map<String, String> v, EntityModel e) {
        List<String> locked = e.fields().stream().filter(f -> f.field().readOnly()).map(EntityModel.FieldModel::json).toList();
        v.put("readOnlyFields", String.join(", ", locked.stream().map(f -> "`" + f + "`").toList()));
        v.put("readOnlyError", locked.isEmpty() ? "" : "{\"error\": \"invalid " + e.words() + "\", \"details\": [\"'"
                + locked.getFirst() + "' is read-only and cannot be changed\"]}");
    }

    private static List<String> operationNames(Spec spec) {
        return spec.orderedOperations().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
    }
}
