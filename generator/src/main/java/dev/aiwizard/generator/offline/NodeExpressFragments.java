package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The values the node-express templates are rendered with: names, and code built from per-field snippets. */
final class NodeExpressFragments {
    private static final int PORT = 3000;
    /** Object literals longer than this are written one member per line. */
    private static final int ONE_LINE = 80;

    private final Templates templates;

    NodeExpressFragments(Templates templates) {
        this.templates = templates;
    }

    /** Values shared by every file of the project. */
    Map<String, String> project(Spec spec, List<EntityModel> entities, Relations relations, Set<String> flags,
                                Function<EntityModel, Set<String>> opsOf) {
        Map<String, String> v = new HashMap<>();
        String purpose = spec.purpose() == null ? "" : spec.purpose().strip();
        EntityModel first = entities.getFirst();
        v.put("name", spec.name());
        v.put("purpose", purpose);
        v.put("descriptionJson", jsonString(purpose.isEmpty() ? spec.name() : purpose));
        v.put("imports", join(entities, e -> snippet("entity.import", e), "\n"));
        v.put("repositoryLines", join(entities, e -> snippet("entity.repository", e), "\n    "));
        v.put("mountLines", join(entities, e -> snippet("entity.mount", e,
                Map.of("mountExtra", relations.used(e, opsOf.apply(e)).isEmpty() ? "" : ", repositories")), "\n  "));
        // Entities clients cannot create start with one example each; referenced records first, so each seed's
        // references name the first record of its target.
        List<EntityModel> seeded = relations.seedOrder(e -> !opsOf.apply(e).contains("create"));
        v.put("seedLines", join(seeded, e -> snippet("entity.seed", e), "\n  "));
        v.put("seededSentence", ApiDocs.seededSentence(entities, seeded, opsOf));
        v.put("seededPaths", join(seeded, e -> "'/" + e.path() + "'", ", "));
        v.put("paths", join(entities, e -> "'/" + e.path() + "'", ", "));
        v.put("firstPath", first.path());
        v.put("entityRows", join(entities, e -> snippet("entity.row", e), "\n"));
        v.put("operationsSentence", ApiDocs.operationsSentence(spec, entities));
        v.put("operations", ApiDocs.operations(spec));
        v.put("curlExamples", ApiDocs.curl(first, PORT, opsOf.apply(first), jsonMembers(first, 1)));
        v.put("errorExample", ApiDocs.errorExample(first));
        v.put("notFoundExample", ApiDocs.notFoundExample(first));
        return v;
    }

    /** Values for one entity's code and tests. */
    Map<String, String> entity(EntityModel e, Relations relations, Set<String> flags) {
        Map<String, String> v = names(e);
        List<EntityModel.FieldModel> fields = e.fields();
        Set<String> checks = new TreeSet<>();
        // The import is the check's name: "integerIn(1, 5)" imports integerIn.
        fields.forEach(f -> checks.add(check(f).replaceFirst("\\(.*", "")));
        List<String> imports = new ArrayList<>(List.of("checkBody"));
        imports.addAll(checks);
        v.put("checkImports", String.join(", ", imports));
        // A schema reads best one field per line, however short.
        List<String> schema = fields.stream().map(f -> f.json() + ": " + check(f)).toList();
        v.put("fieldsObject", schema.isEmpty() ? "{}" : "{\n  " + String.join(",\n  ", schema) + ",\n}");
        v.put("routeImports", routeImports(e, TemplateFlags.forEntity(flags, e, relations)));
        v.put("first", jsObject(e, 1, 0));
        v.put("second", jsObject(e, 2, 0));
        v.put("wrong", object(fields.stream().map(f -> f.json() + ": " + field("wrongJs", f)).toList(), 0));
        v.put("firstField", fields.isEmpty() ? "" : fields.getFirst().json());
        v.put("firstWrong", fields.isEmpty() ? "" : field("wrongJs", fields.getFirst()));
        v.put("fieldCount", String.valueOf(fields.size()));
        v.put("outside", object(FieldRules.outside(e).stream().map(o -> o.getKey().json() + ": " + o.getValue()).toList(), 0));
        v.put("operations", ApiDocs.operations(flags));
        List<EntityModel.FieldModel> locked = e.fields().stream().filter(f -> f.field().readOnly()).toList();
        v.put("readOnlyNames", join(locked, f -> "'" + f.json() + "'", ", "));
        v.put("readOnlyChanges", object(locked.stream().filter(f -> FieldRules.changed(templates, f).isPresent())
                .map(f -> f.json() + ": " + field("sampleJs", f, FieldRules.changed(templates, f).orElseThrow())).toList(), 0));
        relationValues(v, e, relations, flags);
        return v;
    }

    /** The repositories an entity's routes use, its reference checks, its nested listings and their tests. */
    private void relationValues(Map<String, String> v, EntityModel e, Relations relations, Set<String> flags) {
        List<EntityModel> used = relations.used(e, flags);
        v.put("relatedParam", used.isEmpty() ? "" : ", { " + join(used, r -> camel(r.path()), ", ") + " }");
        List<Relations.Reference> refs = relations.of(e);
        v.put("referenceChecks", join(refs, r -> templates.snippet("reference.check", Map.of("targetKey", camel(r.target().path()),
                "json", r.field().json(), "targetWords", r.target().words())), "\n    "));
        v.put("referenceNames", join(refs, r -> "'" + r.field().json() + "'", ", "));
        v.put("relatedSeeds", join(refs.stream().map(Relations.Reference::target).distinct().toList(),
                t -> templates.snippet("related.seed", Map.of("key", camel(t.path()), "sample", jsObject(t, 1, 2))), "\n  "));
        List<Relations.Reference> children = relations.children(e);
        v.put("nestedRoutes", join(children, r -> part("nested.js.part", e, r), ""));
        v.put("nestedTests", join(children, r -> part("nested.test.js.part", e, r), ""));
    }

    private String part(String name, EntityModel e, Relations.Reference r) {
        Map<String, String> v = names(e);
        v.put("childPath", r.owner().path());
        v.put("childKey", camel(r.owner().path()));
        v.put("childPluralWords", r.owner().pluralWords());
        v.put("childFirst", jsObject(r.owner(), 1, 0));
        v.put("json", r.field().json());
        return templates.render(name, v, Set.of()).stripTrailing();
    }

    /** The validator of a field: its type's check, or one made from its allowed values or range. */
    private String check(EntityModel.FieldModel f) {
        var field = f.field();
        if (!field.values().isEmpty()) {
            return templates.snippet("field.checkOneOf", Map.of("values",
                    join(field.values(), value -> "'" + value + "'", ", ")));
        }
        if ((field.min() != null || field.max() != null) && !field.isReference()) {
            return templates.snippet("field.checkRange." + field.type().name(), Map.of(
                    "min", String.valueOf(field.min()), "max", String.valueOf(field.max())));
        }
        return field("check", f);
    }

    /** Values for one entity's section of docs/api.md. */
    Map<String, String> entityDoc(EntityModel e, Relations relations) {
        Map<String, String> v = names(e);
        v.put("fieldRows", e.fields().isEmpty() ? "| (none) | |"
                : join(e.fields(), f -> "| " + f.json() + " | " + ApiDocs.fieldType(field("doc", f), e, f, relations) + " |", "\n"));
        ApiDocs.relationDocs(v, e, relations);
        ApiDocs.readOnlyDocs(v, e);
        v.put("firstBody", json(e, 1, false));
        v.put("secondBody", json(e, 2, false));
        v.put("firstStored", json(e, 1, true));
        v.put("secondStored", json(e, 2, true));
        v.put("firstStoredIndented", json(e, 1, true).indent(2).stripTrailing());
        return v;
    }

    private Map<String, String> names(EntityModel e) {
        Map<String, String> v = new HashMap<>();
        v.put("Entity", e.name());
        v.put("entity", Character.toLowerCase(e.name().charAt(0)) + e.name().substring(1));
        v.put("key", camel(e.path()));
        v.put("name", e.name());
        v.put("path", e.path());
        v.put("words", e.words());
        v.put("pluralWords", e.pluralWords());
        return v;
    }

    /** Express, then the helpers and the validator the enabled endpoints use; nothing unused. */
    private static String routeImports(EntityModel e, Set<String> flags) {
        List<String> lines = new ArrayList<>(List.of("import { Router } from 'express';"));
        if (flags.contains("byId")) {
            lines.add("import { parseId, sendError } from '../http.js';");
        } else if (flags.contains("withBody")) {
            lines.add("import { sendError } from '../http.js';");
        }
        if (flags.contains("withBody")) {
            lines.add("import { validate" + e.name() + " } from './validate.js';");
        }
        return String.join("\n", lines);
    }

    private String snippet(String key, EntityModel e) {
        return snippet(key, e, Map.of());
    }

    private String snippet(String key, EntityModel e, Map<String, String> extra) {
        Map<String, String> v = names(e);
        v.putAll(extra);
        // Only the seed lines use it, inside the try block of server.js.
        v.put("sample", jsObject(e, 1, 2));
        v.put("fieldDocs", e.fields().isEmpty() ? "(none)"
                : join(e.fields(), f -> f.json() + " (" + f.field().type().label() + ")", ", "));
        return templates.snippet(key, v);
    }

    /** The example {@code n} as a JavaScript object literal, for a line indented by {@code indent}. */
    private String jsObject(EntityModel e, int n, int indent) {
        return object(e.fields().stream().map(f -> f.json() + ": " + field("sampleJs", f, sample(f, n))).toList(), indent);
    }

    /** The example {@code n} as pretty JSON, one member per line, for the docs. */
    private String json(EntityModel e, int n, boolean withId) {
        List<String> members = new ArrayList<>();
        if (withId) {
            members.add("\"id\": 1");
        }
        members.addAll(jsonMembers(e, n));
        return members.isEmpty() ? "{}" : "{\n  " + String.join(",\n  ", members) + "\n}";
    }

    private List<String> jsonMembers(EntityModel e, int n) {
        return e.fields().stream().map(f -> "\"" + f.json() + "\": " + field("sampleJson", f, sample(f, n))).toList();
    }

    private String sample(EntityModel.FieldModel f, int n) {
        return FieldRules.sample(templates, f, n);
    }

    private String field(String kind, EntityModel.FieldModel f) {
        return field(kind, f, "");
    }

    private String field(String kind, EntityModel.FieldModel f, String sample) {
        return templates.snippet("field." + kind + "." + f.field().type().name(),
                Map.of("json", f.json(), "words", f.words(), "sample", sample));
    }

    /** {@code { a: 1, b: 2 }} on one line when short, else one member per line (with trailing commas, as JS style has it). */
    static String object(List<String> members, int indent) {
        if (members.isEmpty()) {
            return "{}";
        }
        String line = "{ " + String.join(", ", members) + " }";
        if (line.length() <= ONE_LINE) {
            return line;
        }
        String pad = " ".repeat(indent);
        return "{\n" + pad + "  " + String.join(",\n" + pad + "  ", members) + ",\n" + pad + "}";
    }

    /** {@code todo-items} -> {@code todoItems}. */
    static String camel(String path) {
        StringBuilder s = new StringBuilder();
        for (String word : path.split("-")) {
            s.append(s.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return s.toString();
    }

    /** {@code s} as a JSON string literal. */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static <T> String join(List<T> items, Function<T, String> f, String separator) {
        return String.join(separator, items.stream().map(f).toList());
    }
}
