package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

/** The bot's Markdown as the pages show it: formatted, and never a way to put markup or script on a page. */
class BotMarkdownTest {
    private static String html(String markdown) {
        StringOutput out = new StringOutput();
        BotMarkdown.html(markdown).writeTo(out);
        return out.toString();
    }

    @Test
    void theBotsFormattingIsShownAsFormatting() {
        String html = html("# todo-service\n\n**Task**: a `title` and a done flag");

        assertTrue(html.contains("<h1>todo-service</h1>"), html);
        assertTrue(html.contains("<strong>Task</strong>"), html);
        assertTrue(html.contains("<code>title</code>"), html);
    }

    @Test
    void markupInTheTextIsShownAsText() {
        String html = html("an idea <script>alert(1)</script> and <img src=x onerror=alert(2)>");

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void onlyWebLinksStayLinks() {
        String html = html("[x](javascript:alert(1)) [y](data:text/html,hi) [docs](https://example.org/a)");

        assertFalse(html.toLowerCase().contains("javascript:"), html);
        assertFalse(html.contains("data:"), html);
        assertTrue(html.contains("href=\"https://example.org/a\""), html);
    }

    @Test
    void nothingIsNothing() {
        assertEquals("", html(""));
    }
}
