package dev.aiwizard.generator.llm;

import dev.aiwizard.core.text.HiddenText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The system prompts (resources next to this class) and the one way people's words enter a prompt: stripped of
 * hidden text and fenced in a tag they cannot close, so they stay data.
 */
final class Prompts {
    /** Bumped whenever a prompt changes in a way that changes results; part of the cache key. */
    static final String VERSION = "1";
    private static final Pattern OUR_TAGS = Pattern.compile("</?\\s*(user_text|spec|plan|template|signatures|"
            + "conversation|file|template_files|failure|project_files|content)\\s*>", Pattern.CASE_INSENSITIVE);

    private Prompts() {
    }

    /** The system prompt named {@code name} ({@code planner}, {@code coder}, {@code repairer}, {@code interviewer}). */
    static String system(String name) {
        String resource = name.toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What people wrote, inside {@code <tag>…</tag>}: hidden text and any of our tags inside it removed. */
    static String fenced(String tag, String text) {
        return quoted(tag, HiddenText.strip(text == null ? "" : text));
    }

    /**
     * The bot's own text (a template file, signatures of written files) inside {@code <tag>…</tag>}: kept as it is
     * (an HTML comment in a template is content), only our tags removed so it cannot close the fence.
     */
    static String quoted(String tag, String text) {
        String clean = OUR_TAGS.matcher(text == null ? "" : text).replaceAll("");
        return "<" + tag + ">\n" + clean + "\n</" + tag + ">\n";
    }
}
