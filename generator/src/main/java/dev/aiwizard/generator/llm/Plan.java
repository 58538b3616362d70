package dev.aiwizard.generator.llm;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The planner's answer: the project's files, what each is for, and which files each depends on. */
record Plan(List<Item> files) {
    static final List<String> KINDS = List.of("source", "test", "doc", "config");
    static final List<String> REQUIRED_DOCS = List.of("README.md", "docs/spec.md");

    Plan {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One planned file. */
    record Item(String path, String kind, String purpose, boolean hasLogic, List<String> dependsOn) {
        Item {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    static final String SHAPE = """
            {"files": [{"path": "relative/path", "kind": "source|test|doc|config", "purpose": "one sentence",
                        "hasLogic": true, "dependsOn": ["other/planned/path"]}]}""";

    static JsonObjectSchema schema() {
        JsonObjectSchema item = JsonObjectSchema.builder()
                .addProperty("path", JsonStringSchema.builder().build())
                .addProperty("kind", JsonEnumSchema.builder().enumValues(KINDS).build())
                .addProperty("purpose", JsonStringSchema.builder().build())
                .addProperty("hasLogic", JsonBooleanSchema.builder().build())
                .addProperty("dependsOn", JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build())
                .required("path", "kind", "purpose", "hasLogic", "dependsOn")
                .additionalProperties(false)
                .build();
        return JsonObjectSchema.builder()
                .addProperty("files", JsonArraySchema.builder().items(item).build())
                .required("files")
                .additionalProperties(false)
                .build();
    }

    /**
     * Why this plan cannot be used for a project from {@code template}, or {@code null}: unsafe or duplicate paths,
     * template files left out, missing docs, source files with logic but no test.
     */
    String problem(Collection<String> template, int maxFiles, java.util.function.Function<String, String> pathCheck) {
        if (files.isEmpty()) {
            return "the plan has no files";
        }
        if (files.size() > maxFiles) {
            return "the plan has " + files.size() + " files; the limit is " + maxFiles;
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item f : files) {
            if (f.path() == null) {
                problems.add("a file without a path");
                continue;
            }
            String p = pathCheck.apply(f.path());
            if (p != null) {
                problems.add(p);
            }
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) {
                problems.add(f.path() + " is planned twice");
            }
            if (f.kind() == null || !KINDS.contains(f.kind())) {
                problems.add(f.path() + ": kind must be one of " + KINDS);
            }
        }
        Set<String> planned = paths();
        List<String> dropped = template.stream().filter(t -> !planned.contains(t)).toList();
        if (!dropped.isEmpty()) {
            problems.add("template files left out: " + String.join(", ", dropped));
        }
        REQUIRED_DOCS.stream().filter(d -> !planned.contains(d)).forEach(d -> problems.add(d + " is missing"));
        Set<String> tested = new HashSet<>();
        files.stream().filter(f -> "test".equals(f.kind())).forEach(t -> tested.addAll(t.dependsOn()));
        if (files.stream().noneMatch(f -> "test".equals(f.kind()))) {
            problems.add("the plan has no test files");
        }
        List<String> untested = files.stream().filter(f -> "source".equals(f.kind()) && f.hasLogic())
                .map(Item::path).filter(p -> !tested.contains(p)).toList();
        if (!untested.isEmpty()) {
            problems.add("no test file lists these source files with logic in dependsOn: " + String.join(", ", untested));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    Set<String> paths() {
        Set<String> out = new HashSet<>();
        files.forEach(f -> out.add(f.path()));
        return out;
    }

    /** The files in an order where dependencies come first as far as they can (cycles keep plan order). */
    List<Item> inDependencyOrder() {
        Map<String, Item> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        List<Item> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Item f : files) {
            visit(f, byPath, done, visiting, out);
        }
        return out;
    }

    private static void visit(Item f, Map<String, Item> byPath, Set<String> done, Set<String> visiting, List<Item> out) {
        if (done.contains(f.path()) || !visiting.add(f.path())) {
            return;
        }
        for (String d : f.dependsOn()) {
            Item dep = byPath.get(d);
            if (dep != null) {
                visit(dep, byPath, done, visiting, out);
            }
        }
        visiting.remove(f.path());
        if (done.add(f.path())) {
            out.add(f);
        }
    }
}
