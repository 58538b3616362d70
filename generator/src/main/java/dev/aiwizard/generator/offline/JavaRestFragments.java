package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The values the java-rest templates are rendered with: names, and code built from per-field snippets. */
final class JavaRestFragments {
    private static final String ARG_INDENT = "\n                ";
    private static final String LINE_INDENT = "\n        ";
    private static final String PARAM_INDENT = "\n            ";

    private final Templates templates;

    JavaRestFragments(Templates templates) {
        this.templates = templates;
    }

    /** Values shared by every file of the project. */
    Map<String, String> project(Spec spec, String pkg, List<EntityModel> entities, Relations relations, Set<String> flags,
                                Function<EntityModel, Set<String>> opsOf) {
        Map<String, String> v = new HashMap<>();
        v.put("name", spec.name());
        v.put("groupId", pkg.substring(0, pkg.lastIndexOf('.')));
        v.put("package", pkg);
        v.put("packagePath", pkg.replace('.', '/'));
        v.put("purpose", spec.purpose() == null ? "" : spec.purpose().strip());
        Set<String> mainImports = new TreeSet<>(List.of("io.helidon.webserver.WebServer", "io.helidon.webserver.http.HttpRouting"));
        // Entities clients cannot create start with one example each; referenced records first, so each seed's
        // references name the first record of its target.
        List<EntityModel> seeded = relations.seedOrder(e -> !opsOf.apply(e).contains("create"));
        seeded.forEach(e -> mainImports.addAll(typeImports(e)));
        v.put("imports", importBlock(mainImports));
        v.put("repositoryLocals", join(entities, e -> snippet("entity.local", e), LINE_INDENT));
        v.put("seedLines", join(seeded, e -> snippet("entity.seed", e), LINE_INDENT));
        v.put("seededSentence", ApiDocs.seededSentence(entities, seeded, opsOf));
        v.put("repositoryArgs", join(entities, EntityModel::vars, ", "));
        List<String> params = new ArrayList<>(List.of("HttpRouting.Builder routing"));
        entities.forEach(e -> params.add(snippet("entity.param", e)));
        v.put("repositoryParams", wrap(params, "    static void routing(".length(), PARAM_INDENT));
        v.put("registerLines", join(entities, e -> {
            List<String> args = new ArrayList<>(List.of(e.vars()));
            relations.used(e, opsOf.apply(e)).forEach(r -> args.add(r.vars()));
            return snippet("entity.register", e, Map.of("routesArgs", String.join(", ", args)));
        }, LINE_INDENT));
        v.put("paths", join(entities, e -> snippet("entity.path", e), ", "));
        v.put("entityRows", join(entities, e -> snippet("entity.row", e), "\n"));
        v.put("operationsSentence", ApiDocs.operationsSentence(spec, entities));
        v.put("operations", ApiDocs.operations(spec));
        v.put("curlExamples", ApiDocs.curl(entities.getFirst(), 8080, opsOf.apply(entities.getFirst()),
                samples(entities.getFirst(), 1, false)));
        v.put("errorExample", ApiDocs.errorExample(entities.getFirst()));
        v.put("notFoundExample", ApiDocs.notFoundExample(entities.getFirst()));
        return v;
    }

    /** Values for one entity's code and tests. */
    Map<String, String> entity(EntityModel e, Relations relations, Set<String> flags) {
        Map<String, String> v = names(e);
        List<EntityModel.FieldModel> fields = e.fields();
        v.put("imports", importBlock(typeImports(e)));
        List<String> components = new ArrayList<>(List.of("long id"));
        fields.forEach(f -> components.add(field("javaType", f) + " " + f.java()));
        v.put("components", wrap(components, ("public record " + e.java() + "(").length(), "\n        "));
        List<String> copies = new ArrayList<>(List.of("newId"));
        fields.forEach(f -> copies.add("this." + f.java()));
        v.put("thisFields", wrap(copies, ("        return new " + e.java() + "(").length(), ARG_INDENT));
        v.put("fieldNames", join(fields, f -> "\"" + f.json() + "\"", ", "));
        v.put("readArgs", prefixed(fields, this::read, "," + ARG_INDENT));
        v.put("writeLines", join(fields, f -> field("write", f), LINE_INDENT));
        v.put("firstJson", json(e, 1, false, ""));
        v.put("secondJson", json(e, 2, false, ""));
        v.put("firstArgs", prefixed(fields, f -> sampleJava(f, 1), "," + ARG_INDENT));
        v.put("secondArgs", prefixed(fields, f -> sampleJava(f, 2), "," + ARG_INDENT));
        v.put("firstField", fields.isEmpty() ? "" : fields.getFirst().json());
        v.put("firstWrong", fields.isEmpty() ? "" : javaString(field("wrong", fields.getFirst())));
        v.put("wrongTypeArgs", join(fields, f -> "Arguments.of(\"" + f.json() + "\", " + javaString(field("wrong", f)) + ")",
                "," + ARG_INDENT));
        v.put("outsideArgs", join(FieldRules.outside(e), o -> "Arguments.of(\"" + o.getKey().json() + "\", "
                + javaString(o.getValue()) + ")", "," + ARG_INDENT));
        v.put("operations", ApiDocs.operations(flags));
        List<EntityModel.FieldModel> locked = e.fields().stream().filter(f -> f.field().readOnly()).toList();
        v.put("readOnlyChecks", join(locked, f -> "        " + templates.snippet("readOnly.check." + (f.field().type().name().equals("DECIMAL")
                ? "DECIMAL" : "ANY"), Map.of("json", f.json(), "java", f.java())), "\n"));
        v.put("readOnlyArgs", join(locked.stream().filter(f -> FieldRules.changed(templates, f).isPresent()).toList(),
                f -> "Arguments.of(\"" + f.json() + "\", " + javaString(field("sampleJson", f,
                        FieldRules.changed(templates, f).orElseThrow())) + ")", "," + ARG_INDENT));
        relationValues(v, e, relations, flags);
        return v;
    }

    /** The related repositories of an entity's routes and tests, its reference checks and its nested listings. */
    private void relationValues(Map<String, String> v, EntityModel e, Relations relations, Set<String> flags) {
        List<EntityModel> related = relations.used(e, flags);
        List<String> params = new ArrayList<>(List.of(e.java() + "Repository repository"));
        List<String> testArgs = new ArrayList<>(List.of("repository"));
        related.forEach(r -> {
            params.add(snippet("related.param", r));
            testArgs.add(r.vars());
        });
        v.put("routesParams", wrap(params, ("    " + e.java() + "Routes(").length(), PARAM_INDENT));
        v.put("testRoutesArgs", String.join(", ", testArgs));
        v.put("relatedFields", join(related, r -> snippet("related.field", r), "\n    "));
        v.put("relatedAssigns", join(related, r -> snippet("related.assign", r), LINE_INDENT));
        v.put("relatedStatics", join(related, r -> snippet("related.static", r), "\n    "));
        List<String> setup = new ArrayList<>();
        related.forEach(r -> setup.add(snippet("related.create", r)));
        // Every example refers to the first record of its target: store one before any test runs.
        relations.of(e).stream().map(Relations.Reference::target).distinct().filter(related::contains)
                .forEach(t -> setup.add(snippet("related.seed", t)));
        v.put("relatedSetup", String.join(LINE_INDENT, setup));
        v.put("referenceFieldNames", join(relations.of(e), r -> "\"" + r.field().json() + "\"", ", "));
        v.put("referenceChecks", join(relations.of(e), r -> part("ReferenceCheck.java.part", e, r), "\n"));
        v.put("samplesWith", join(relations.of(e), r -> part("SampleWith.java.part", e, r), "\n"));
        List<Relations.Reference> children = relations.children(e);
        v.put("nestedRules", join(children, r -> templates.snippet("nested.rule", relationNames(e, r)), LINE_INDENT));
        v.put("nestedMethods", join(children, r -> part("NestedRoute.java.part", e, r), ""));
        v.put("nestedTests", join(children, r -> part("NestedRouteTest.java.part", e, r), ""));
    }

    /** A code piece about reference {@code r}, in the file of entity {@code e} (its owner or its target). */
    private String part(String name, EntityModel e, Relations.Reference r) {
        return templates.render(name, TemplateFlags.merge(names(e), relationNames(e, r)), Set.of()).stripTrailing();
    }

    private Map<String, String> relationNames(EntityModel e, Relations.Reference r) {
        Map<String, String> v = new HashMap<>();
        String java = r.field().java();
        v.put("json", r.field().json());
        v.put("java", java);
        v.put("Java", Character.toUpperCase(java.charAt(0)) + java.substring(1));
        v.put("targetVars", r.target().vars());
        v.put("targetWords", r.target().words());
        v.put("Child", r.owner().java());
        v.put("childVars", r.owner().vars());
        v.put("childPath", r.owner().path());
        v.put("childPluralWords", r.owner().pluralWords());
        v.put("method", "listOf" + Character.toUpperCase(r.owner().vars().charAt(0)) + r.owner().vars().substring(1));
        List<String> args = new ArrayList<>();
        r.owner().fields().forEach(f -> args.add(f == r.field() ? java : sampleJava(f, 1)));
        v.put("args", prefixed(args, a -> a, "," + ARG_INDENT));
        return v;
    }

    /** How a field is read from a request: with its allowed values or range when it has them. */
    private String read(EntityModel.FieldModel f) {
        var field = f.field();
        if (!field.values().isEmpty()) {
            return templates.snippet("field.readOneOf", Map.of("json", f.json(),
                    "values", join(field.values(), JavaRestFragments::javaString, ", ")));
        }
        if ((field.min() != null || field.max() != null) && !field.isReference()) {
            return templates.snippet("field.readRange." + field.type().name(), Map.of("json", f.json(),
                    "min", bound(field.min()), "max", bound(field.max())));
        }
        return field("read", f);
    }

    private static String bound(Long value) {
        return value == null ? "null" : value + "L";
    }

    /** Values for one entity's section of docs/api.md. */
    Map<String, String> entityDoc(EntityModel e, Relations relations, Set<String> flags) {
        Map<String, String> v = names(e);
        v.put("fieldRows", e.fields().isEmpty() ? "| (none) | |"
                : join(e.fields(), f -> "| " + f.json() + " | " + ApiDocs.fieldType(field("doc", f), e, f, relations) + " |", "\n"));
        ApiDocs.relationDocs(v, e, relations);
        ApiDocs.readOnlyDocs(v, e);
        v.put("firstBody", json(e, 1, false, "\n"));
        v.put("secondBody", json(e, 2, false, "\n"));
        v.put("firstStored", json(e, 1, true, "\n"));
        v.put("secondStored", json(e, 2, true, "\n"));
        v.put("firstStoredIndented", json(e, 1, true, "\n").indent(2).stripTrailing());
        return v;
    }

    /** A JSON object of example values: compact on one line, or one field per line when {@code newline} is given. */
    String json(EntityModel e, int sample, boolean withId, String newline) {
        List<String> members = new ArrayList<>();
        if (withId) {
            members.add("\"id\": 1");
        }
        members.addAll(samples(e, sample, false));
        if (members.isEmpty()) {
            return "{}";
        }
        return newline.isEmpty() ? "{" + String.join(", ", members) + "}"
                : "{" + newline + "  " + String.join("," + newline + "  ", members) + newline + "}";
    }

    /** {@code "title": "sample title"} for each field, or the Java values when {@code java}. */
    List<String> samples(EntityModel e, int sample, boolean java) {
        return e.fields().stream().map(f -> java ? sampleJava(f, sample)
                : "\"" + f.json() + "\": " + field("sampleJson", f, sample(f, sample))).toList();
    }

    private Map<String, String> names(EntityModel e) {
        Map<String, String> v = new HashMap<>();
        v.put("Entity", e.java());
        v.put("name", e.name());
        v.put("vars", e.vars());
        v.put("path", e.path());
        v.put("words", e.words());
        v.put("pluralWords", e.pluralWords());
        return v;
    }

    private String snippet(String key, EntityModel e) {
        return snippet(key, e, Map.of());
    }

    private String snippet(String key, EntityModel e, Map<String, String> extra) {
        Map<String, String> v = names(e);
        v.putAll(extra);
        List<String> args = new ArrayList<>(List.of("0"));
        e.fields().forEach(f -> args.add(sampleJava(f, 1)));
        v.put("sampleArgs", wrap(args, ("        " + e.vars() + ".create(new " + e.java() + "(").length(), ARG_INDENT));
        v.put("fieldDocs", e.fields().isEmpty() ? "(none)"
                : join(e.fields(), f -> f.json() + " (" + f.field().type().label() + ")", ", "));
        return templates.snippet(key, v);
    }

    private String sample(EntityModel.FieldModel f, int n) {
        return FieldRules.sample(templates, f, n);
    }

    private String sampleJava(EntityModel.FieldModel f, int n) {
        return field("sampleJava", f, sample(f, n));
    }

    private String field(String kind, EntityModel.FieldModel f) {
        return field(kind, f, "");
    }

    private String field(String kind, EntityModel.FieldModel f, String sample) {
        return templates.snippet("field." + kind + "." + f.field().type().name(),
                Map.of("json", f.json(), "java", f.java(), "words", f.words(), "sample", sample));
    }

    private Set<String> typeImports(EntityModel e) {
        Set<String> imports = new TreeSet<>();
        e.fields().forEach(f -> {
            String i = field("import", f);
            if (!i.isBlank()) {
                imports.add(i.strip());
            }
        });
        return imports;
    }

    private static String importBlock(Set<String> imports) {
        if (imports.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        new TreeSet<>(imports).forEach(i -> s.append("import ").append(i).append(";\n"));
        return s.append('\n').toString();
    }

    /** {@code items} joined on one line when it fits in 120 columns after {@code column}, else one per line. */
    private static String wrap(List<String> items, int column, String indent) {
        String line = String.join(", ", items);
        return column + line.length() + 3 <= 120 ? line : indent + String.join("," + indent, items);
    }

    private static <T> String join(List<T> items, Function<T, String> f, String separator) {
        return String.join(separator, items.stream().map(f).toList());
    }

    /** Each item preceded by {@code separator}: for arguments after a first fixed one ({@code id}). */
    private static <T> String prefixed(List<T> items, Function<T, String> f, String separator) {
        return items.stream().map(i -> separator + f.apply(i)).reduce("", String::concat);
    }

    static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
