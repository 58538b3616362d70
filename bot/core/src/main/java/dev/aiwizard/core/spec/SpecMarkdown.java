package dev.aiwizard.core.spec;

import java.util.stream.Collectors;

/** Renders a spec as Markdown: the approval summary in chat and {@code docs/spec.md} in the generated project. */
public final class SpecMarkdown {
    private SpecMarkdown() {
    }

    /** The spec as a Markdown document with a heading per part. */
    public static String render(Spec spec) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(orDash(spec.name())).append("\n\n");
        md.append(orDash(spec.purpose())).append("\n\n");
        md.append("## Entities\n\n");
        if (spec.entities().isEmpty()) {
            md.append("- (none yet)\n");
        }
        for (Entity e : spec.entities()) {
            md.append("- **").append(e.name()).append("**").append(e.readOnly() ? " (read-only: read and list only)" : "").append(": ");
            md.append(e.fields().isEmpty() ? "(no fields yet)"
                    : e.fields().stream().map(f -> f.name() + " (" + f.describe() + ")").collect(Collectors.joining(", ")));
            md.append('\n');
        }
        md.append("\n## Operations\n\n- ").append(spec.operations().isEmpty() ? "-"
                : spec.orderedOperations().stream().map(o -> o.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", "))).append('\n');
        md.append("\n## Stack\n\n- stack: ").append(orDash(spec.stack()))
                .append("\n- persistence: ").append(orDash(spec.persistence()))
                .append("\n- target: ").append(orDash(spec.target())).append('\n');
        if (spec.model() != null) {
            md.append("- model: ").append(spec.model()).append('\n');
        }
        if (spec.placement().baseBranch() != null) {
            md.append("- base branch: ").append(spec.placement().baseBranch()).append('\n');
        }
        if (spec.placement().folder() != null) {
            md.append("- folder: ").append(spec.placement().folder()).append('\n');
        }
        if (!spec.assumptions().isEmpty()) {
            md.append("\n## Assumptions\n\n");
            spec.assumptions().forEach(a -> md.append("- ").append(a).append('\n'));
        }
        return md.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
