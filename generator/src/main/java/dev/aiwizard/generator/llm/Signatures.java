package dev.aiwizard.generator.llm;

import java.util.List;
import java.util.Locale;

/**
 * The public face of a generated file, shared with the calls that write the files depending on it: declarations
 * only, no bodies, so the context stays small.
 */
final class Signatures {
    private static final int MAX_LINES = 40;
    private static final List<String> JAVA = List.of("package ", "public ", "record ", "interface ", "enum ",
            "final class ", "class ", "abstract class ", "sealed interface ");
    private static final List<String> JS = List.of("export ", "module.exports", "exports.", "function ",
            "async function ", "class ", "const ", "router.", "app.");

    private Signatures() {
    }

    /** The declaration lines of {@code content}; empty for files that are not code. */
    static String of(String path, String content) {
        String lower = path.toLowerCase(Locale.ROOT);
        List<String> starts = lower.endsWith(".java") ? JAVA
                : lower.endsWith(".js") || lower.endsWith(".mjs") || lower.endsWith(".ts") ? JS : List.of();
        if (starts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int lines = 0;
        for (String line : content.split("\n")) {
            String t = line.strip();
            if (lines < MAX_LINES && starts.stream().anyMatch(t::startsWith)) {
                out.append(t.endsWith("{") ? t.substring(0, t.length() - 1).strip() : t).append('\n');
                lines++;
            }
        }
        return out.toString();
    }
}
