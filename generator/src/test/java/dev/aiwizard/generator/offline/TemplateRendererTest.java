package dev.aiwizard.generator.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    @Test
    void valuesAreInsertedAsTheyAre() {
        assertEquals("class Task { $1 \\ }", TemplateRenderer.render("class {{name}} { {{body}} }",
                Map.of("name", "Task", "body", "$1 \\"), Set.of()));
    }

    @Test
    void sectionsAreKeptOnlyWhenTheirFlagIsSetAndInvertedOnesOnlyWhenNot() {
        String template = "a{{#create}}+create{{/create}}{{^create}}-create{{/create}}{{#list}}+list{{/list}}";

        assertEquals("a+create", TemplateRenderer.render(template, Map.of(), Set.of("create")));
        assertEquals("a-create+list", TemplateRenderer.render(template, Map.of(), Set.of("list")));
    }

    @Test
    void sectionsOfDifferentFlagsNest() {
        String template = "{{#a}}A{{#b}}B{{/b}}{{/a}}";

        assertEquals("AB", TemplateRenderer.render(template, Map.of(), Set.of("a", "b")));
        assertEquals("A", TemplateRenderer.render(template, Map.of(), Set.of("a")));
        assertEquals("", TemplateRenderer.render(template, Map.of(), Set.of("b")));
    }

    @Test
    void aTagAloneOnItsLineLeavesNoBlankLine() {
        String template = "first\n  {{#x}}\nmiddle\n  {{/x}}\nlast\n";

        assertEquals("first\nmiddle\nlast\n", TemplateRenderer.render(template, Map.of(), Set.of("x")));
        assertEquals("first\nlast\n", TemplateRenderer.render(template, Map.of(), Set.of()));
    }

    @Test
    void aPlaceholderWithoutAValueFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> TemplateRenderer.render("{{missing}}", Map.of(), Set.of()));
    }
}
