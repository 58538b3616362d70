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
    Map<String, String> project(Spec spec, String pkg, List<EntityModel> entities, Set<String> flags) {
        Map<String, String> v = new HashMap<>();
        v.put("name", spec.name());
        v.put("groupId", pkg.substring(0, pkg.lastIndexOf('.')));
        v.put("package", pkg);
        v.put("packagePath", pkg.replace('.', '/'));
        v.put("purpose", spec.purpose() == null ? "" : spec.purpose().strip());
        Set<String> mainImports = new TreeSet<>(List.of("io.helidon.webserver.WebServer", "io.helidon.webserver.http.HttpRouting"));
        if (!flags.contains("create")) {
            entities.forEach(e -> mainImports.addAll(typeImports(e)));
        }
        v.put("imports", importBlock(mainImports));
        v.put("repositoryLocals", join(entities, e -> snippet("entity.local", e), LINE_INDENT));
        v.put("seedLines", join(entities, e -> snippet("entity.seed", e), LINE_INDENT));
        v.put("repositoryArgs", join(entities, EntityModel::vars, ", "));
        List<String> params = new ArrayList<>(List.of("HttpRouting.Builder routing"));
        entities.forEach(e -> params.add(snippet("entity.param", e)));
        v.put("repositoryParams", wrap(params, "    static void routing(".length(), PARAM_INDENT));
        v.put("registerLines", join(entities, e -> snippet("entity.register", e), LINE_INDENT));
        v.put("paths", join(entities, e -> snippet("entity.path", e), ", "));
        v.put("entityRows", join(entities, e -> snippet("entity.row", e), "\n"));
        v.put("operationsSentence", ApiDocs.operationsSentence(spec));
        v.put("operations", ApiDocs.operations(spec));
        v.put("curlExamples", ApiDocs.curl(entities.getFirst(), 8080, flags, samples(entities.getFirst(), 1, false)));
        v.put("errorExample", ApiDocs.errorExample(entities.getFirst()));
        v.put("notFoundExample", ApiDocs.notFoundExample(entities.getFirst()));
        return v;
    }

    /** Values for one entity's code and tests. */
    Map<String, String> entity(EntityModel e) {
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
        v.put("readArgs", prefixed(fields, f -> field("read", f), "," + ARG_INDENT));
        v.put("writeLines", join(fields, f -> field("write", f), LINE_INDENT));
        v.put("firstJson", json(e, 1, false, ""));
        v.put("secondJson", json(e, 2, false, ""));
        v.put("firstArgs", prefixed(fields, f -> sampleJava(f, 1), "," + ARG_INDENT));
        v.put("secondArgs", prefixed(fields, f -> sampleJava(f, 2), "," + ARG_INDENT));
        v.put("firstField", fields.isEmpty() ? "" : fields.getFirst().json());
        v.put("firstWrong", fields.isEmpty() ? "" : javaString(field("wrong", fields.getFirst())));
        v.put("wrongTypeArgs", join(fields, f -> "Arguments.of(\"" + f.json() + "\", " + javaString(field("wrong", f)) + ")",
                "," + ARG_INDENT));
        return v;
    }

    /** Values for one entity's section of docs/api.md. */
    Map<String, String> entityDoc(EntityModel e) {
        Map<String, String> v = names(e);
        v.put("fieldRows", e.fields().isEmpty() ? "| (none) | |"
                : join(e.fields(), f -> "| " + f.json() + " | " + field("doc", f) + " |", "\n"));
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
        Map<String, String> v = names(e);
        List<String> args = new ArrayList<>(List.of("0"));
        e.fields().forEach(f -> args.add(sampleJava(f, 1)));
        v.put("sampleArgs", wrap(args, ("        " + e.vars() + ".create(new " + e.java() + "(").length(), ARG_INDENT));
        v.put("fieldDocs", e.fields().isEmpty() ? "(none)"
                : join(e.fields(), f -> f.json() + " (" + f.field().type().label() + ")", ", "));
        return templates.snippet(key, v);
    }

    private String sample(EntityModel.FieldModel f, int n) {
        return templates.snippet("field.sample." + n + "." + f.field().type().name(), Map.of("words", f.words()));
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
