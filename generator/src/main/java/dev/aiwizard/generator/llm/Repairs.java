package dev.aiwizard.generator.llm;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.core.job.Verification;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One repair round's question: which files the failure points at (the failing tests, the code they test, files the
 * output names), the trimmed output, and the check of the answer. The project's own reports chose the failing
 * tests; the output was masked of secrets before it got here.
 */
final class Repairs {
    private static final int MAX_FILES = 8;
    private static final int MAX_FILE_CHARS = 120_000;
    private static final int MAX_OUTPUT_CHARS = 12_000;

    private Repairs() {
    }

    static StructuredAsk<RepairAnswer> ask(Spec spec, GeneratedProject project, Verification failure,
                                           ProjectLimits limits) {
        StringBuilder user = new StringBuilder(Prompts.fenced("spec", SpecMarkdown.render(spec)));
        user.append("Test command: ").append(failure.command()).append('\n');
        user.append(Prompts.quoted("project_files", project.files().stream().map(GeneratedFile::path)
                .collect(Collectors.joining("\n"))));
        String output = failure.output();
        if (output.length() > MAX_OUTPUT_CHARS) {
            output = "[... earlier output cut ...]\n" + output.substring(output.length() - MAX_OUTPUT_CHARS);
        }
        user.append(Prompts.quoted("failure", "Outcome: " + failure.summary() + "\n"
                + (failure.failing().isEmpty() ? "" : "Failing tests: " + String.join(", ", failure.failing()) + "\n")
                + output));
        for (GeneratedFile f : involved(project, failure)) {
            user.append("<file>").append(f.path()).append("</file>\n");
            user.append(Prompts.quoted("content", f.content()));
        }
        Set<String> paths = project.files().stream().map(GeneratedFile::path).collect(Collectors.toSet());
        Function<RepairAnswer, String> check = a -> problem(a, paths, limits);
        return new StructuredAsk<>(Role.CODER, Prompts.system("repairer"), user.toString(), "repair",
                RepairAnswer.schema(), RepairAnswer.SHAPE, RepairAnswer.class, check);
    }

    /** {@code project} with the answer's files laid over it. */
    static List<GeneratedFile> apply(GeneratedProject project, RepairAnswer answer) {
        Map<String, GeneratedFile> files = new java.util.LinkedHashMap<>();
        project.files().forEach(f -> files.put(f.path(), f));
        answer.files().forEach(f -> files.put(f.path(), new GeneratedFile(f.path(), f.content())));
        return List.copyOf(files.values());
    }

    /**
     * The files the failure points at, most telling first: the failing tests' own files, the code each tests, then
     * any file the output names; at most {@value #MAX_FILES} and {@value #MAX_FILE_CHARS} characters in all.
     */
    static List<GeneratedFile> involved(GeneratedProject project, Verification failure) {
        Set<GeneratedFile> picked = new LinkedHashSet<>();
        for (String test : failure.failing()) {
            String cls = testClass(test);
            for (GeneratedFile f : project.files()) {
                String base = baseName(f.path());
                if (base.equalsIgnoreCase(cls)) {
                    picked.add(f);
                }
            }
            String tested = cls.replaceAll("(?i)(Test|Tests|IT|\\.test|\\.spec)$", "");
            project.files().stream().filter(f -> baseName(f.path()).equalsIgnoreCase(tested)).forEach(picked::add);
        }
        String output = failure.output();
        for (GeneratedFile f : project.files()) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (output.contains(f.path()) || name.indexOf('.') > 0 && output.contains(name)) {
                picked.add(f);
            }
        }
        List<GeneratedFile> out = new ArrayList<>();
        int chars = 0;
        for (GeneratedFile f : picked) {
            if (out.size() == MAX_FILES || chars + f.content().length() > MAX_FILE_CHARS) {
                break;
            }
            out.add(f);
            chars += f.content().length();
        }
        return out;
    }

    /** "com.acme.TaskTest.createsATask", "TaskTest > creates a task", "tasks.test.js: creates" → the class/file. */
    private static String testClass(String test) {
        String t = test.split("\\s*[>:#(]\\s*")[0].strip();
        if (t.endsWith(".js") || t.endsWith(".mjs") || t.endsWith(".ts")) {
            return baseName(t);
        }
        String[] parts = t.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return parts[i];
            }
        }
        return parts[parts.length - 1];
    }

    private static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String problem(RepairAnswer a, Set<String> paths, ProjectLimits limits) {
        if (a.files() == null || a.files().isEmpty()) {
            return "the answer changes no file";
        }
        for (FileAnswer f : a.files()) {
            if (f == null || f.path() == null || f.content() == null || f.content().isBlank()) {
                return "each file needs a path and its full content";
            }
            if (!paths.contains(f.path())) {
                String why = ProjectLimits.pathProblem(f.path()).or(() -> limits.protectedProblem(f.path()))
                        .orElse(null);
                if (why != null) {
                    return f.path() + ": " + why;
                }
            }
            List<String> problems = limits.fileProblems(new GeneratedFile(f.path(), f.content()));
            if (!problems.isEmpty()) {
                return f.path() + ": " + String.join("; ", problems);
            }
        }
        return null;
    }
}
