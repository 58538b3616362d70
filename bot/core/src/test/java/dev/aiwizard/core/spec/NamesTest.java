package dev.aiwizard.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void slugsAreLowerCaseWordsJoinedByHyphens() {
        assertEquals(Optional.of("todo-service"), Names.slug("  Todo Service!! "));
        assertEquals(Optional.of("cafe-orders"), Names.slug("Café orders"));
    }

    @Test
    void namesThatWouldMakeUnsafePathsHaveNoSlug() {
        assertTrue(Names.slug("../..").isEmpty());
        assertTrue(Names.slug("///").isEmpty());
        assertTrue(Names.slug("").isEmpty());
    }

    @Test
    void wordsBecomeCamelCaseIdentifiers() {
        assertEquals(Optional.of("dueDate"), Names.camel("due date", false));
        assertEquals(Optional.of("TodoItem"), Names.camel("todo-item", true));
    }
}
