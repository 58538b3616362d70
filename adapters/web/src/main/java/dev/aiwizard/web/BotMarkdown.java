package dev.aiwizard.web;

import gg.jte.Content;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The bot's messages and the spec (Markdown, as the chat platforms show them) as HTML for the pages. The bot's
 * Markdown carries people's own words (an idea, an answer), so HTML in it is shown as text, never passed through, and
 * a link or image keeps its address only when it is http or https ({@code javascript:} and {@code data:} go).
 */
public final class BotMarkdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https")))
            .build();

    private BotMarkdown() {
    }

    /** {@code markdown} as HTML, for a template to write as it is. */
    public static Content html(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return output -> output.writeContent(html);
    }
}
