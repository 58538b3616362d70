package dev.aiwizard.core.conversation;

import dev.aiwizard.core.spec.Spec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model asked for in an idea ({@code new a todo api model=gpt-4.1}), and the idea without it. The last
 * {@code model=} wins; a value that is not a model name is left in the idea as text.
 */
record ModelChoice(String idea, String model) {
    private static final Pattern OPTION = Pattern.compile("(?<=^|\\s)model=(\\S+)(?=\\s|$)");

    static ModelChoice read(String idea) {
        Matcher m = OPTION.matcher(idea);
        String model = null;
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (Spec.MODEL.matcher(m.group(1)).matches()) {
                model = m.group(1);
                m.appendReplacement(rest, "");
            }
        }
        m.appendTail(rest);
        return new ModelChoice(rest.toString().replaceAll("\\s{2,}", " ").strip(), model);
    }
}
