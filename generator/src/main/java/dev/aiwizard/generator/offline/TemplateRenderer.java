package dev.aiwizard.generator.offline;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately tiny template language: {@code {{key}}} inserts a value, {@code {{#flag}}...{{/flag}}} keeps its
 * content only when the flag is set and {@code {{^flag}}...{{/flag}}} only when it is not. Sections of different
 * flags may nest; a tag alone on its line takes the line with it, so the output has no stray blank lines.
 */
final class TemplateRenderer {
    private static final Pattern STANDALONE_TAG = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/]\\w+}})[ \\t]*\\n");
    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])(\\w+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{(\\w+)}}");

    private TemplateRenderer() {
    }

    /** Renders {@code template}; a placeholder without a value is a bug in the generator and fails loudly. */
    static String render(String template, Map<String, String> values, Set<String> flags) {
        String text = STANDALONE_TAG.matcher(template).replaceAll("$1");
        Matcher section = SECTION.matcher(text);
        while (section.find()) {
            boolean keep = flags.contains(section.group(2)) == section.group(1).equals("#");
            text = text.substring(0, section.start()) + (keep ? section.group(3) : "") + text.substring(section.end());
            section = SECTION.matcher(text);
        }
        Matcher value = VALUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (value.find()) {
            String v = values.get(value.group(1));
            if (v == null) {
                throw new IllegalStateException("no value for {{" + value.group(1) + "}}");
            }
            value.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        value.appendTail(out);
        return out.toString();
    }
}
